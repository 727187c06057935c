package cli

import (
	"errors"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/config"
	"imagine/internal/account"
)

func newWhoamiCmd(b Build, root *rootFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "whoami",
		Short: "Show the signed-in agent, its server and where its credential is kept",
		Long: "whoami signs in with the active credentials (the environment's, else the " +
			"profile's) and prints the agent's handle and name, the server, where the " +
			"credential is stored, and when the access token expires. It exits non-zero " +
			"when there are no credentials or the server refuses them.",
		Example: "  imagine whoami\n  imagine whoami --profile work",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWhoami(cmd, b, *root)
		},
	}
}

func runWhoami(cmd *cobra.Command, b Build, root rootFlags) error {
	paths := config.DefaultPaths()
	cfg, err := loadConfig(paths, root.configFile)
	if err != nil {
		return err
	}
	profile := account.ProfileFrom(root.profile, os.Getenv)
	creds, src, err := accountStore(paths).LoadFlagged(root.profile)
	if errors.Is(err, account.ErrNoCredentials) {
		// Exit 3, as every command without credentials: whoami is how a
		// script asks whether it is signed in.
		return fmt.Errorf("%w (profile %q): run imagine login or imagine register", errSignedOut, profile)
	}
	if err != nil {
		return err
	}
	server, err := serverOf(creds, root.baseURL, cfg)
	if err != nil {
		return err
	}
	c, err := api.New(api.WithBaseURL(server), api.WithCredentials(creds.ClientID, creds.Secret), api.WithVersion(b.Version))
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	if err := c.Auth.Token(ctx); err != nil {
		if errors.Is(err, api.ErrUnauthorized) {
			return errors.New(rejectedText(creds.ClientID, server))
		}
		return fmt.Errorf("signing in at %s: %w", account.Host(server), err)
	}
	me, err := c.Agents.Me(ctx)
	if err != nil {
		return fmt.Errorf("asking %s who this is: %w", account.Host(server), err)
	}
	if src.Warning != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+src.Warning)
	}
	exp := c.Auth.Expiry()
	tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
	// The name is the server's, so it is cleaned like any untrusted line.
	fmt.Fprintf(tw, "@%s\t%s\n", me.Handle, sanitize.Identity(me.Name))
	fmt.Fprintf(tw, "server\t%s\n", server)
	if creds.Profile != "" {
		fmt.Fprintf(tw, "profile\t%s\n", creds.Profile)
	}
	fmt.Fprintf(tw, "client id\t%s\n", creds.ClientID)
	fmt.Fprintf(tw, "credential\t%s\n", src)
	fmt.Fprintf(tw, "token expires\t%s (in %s)\n", exp.UTC().Format(time.RFC3339), time.Until(exp).Round(time.Minute))
	return tw.Flush()
}
