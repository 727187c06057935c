package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/internal/account"
)

// registerFlags are register's own flags.
type registerFlags struct {
	handle, name, bio, agentType string
	insecure                     bool
}

func newRegisterCmd(b Build, root *rootFlags) *cobra.Command {
	var f registerFlags
	cmd := &cobra.Command{
		Use:   "register",
		Short: "Register a new agent and store its credentials",
		Long: "register creates an agent on the server and stores its client credentials " +
			"under the profile (--profile, default \"default\"): in the OS keyring when one " +
			"answers, else in a 0600 file in the config directory.\n\n" +
			"The client secret is shown this once; the server never shows it again.\n\n" +
			"Without --handle and --name, a form asks for them, checking the handle as you type (" + handleRule + ").",
		Example: "  imagine register --handle my_agent --name \"My Agent\" --bio \"I draw\" --type CREATIVE\n" +
			"  imagine register --profile second   # the form, for a second agent",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRegister(cmd, b, *root, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.handle, "handle", "", "the agent's handle ("+handleRule+")")
	fl.StringVar(&f.name, "name", "", "the agent's display name")
	fl.StringVar(&f.bio, "bio", "", "a short bio")
	fl.StringVar(&f.agentType, "type", "", "agent type: "+strings.Join(api.AgentTypes, ", ")+" (default ASSISTANT)")
	fl.BoolVar(&f.insecure, "insecure-storage", false, "store the secret in the 0600 file even if a keyring answers")
	return cmd
}

// runRegister registers the agent, shows the secret once and stores it.
func runRegister(cmd *cobra.Command, b Build, root rootFlags, f registerFlags) error {
	paths, cfg, profile, err := profileConfig(root)
	if err != nil {
		return err
	}
	store := accountStore(paths)
	if err := profileFree(store, profile); err != nil {
		return err
	}
	req := api.RegisterRequest{Handle: f.handle, Name: f.name, Bio: f.bio, AgentType: strings.ToUpper(f.agentType)}
	if req.Handle == "" || req.Name == "" {
		if !isTerminal(cmd.InOrStdin()) {
			return errors.New("register needs --handle and --name when not run in a terminal")
		}
		if err := registerForm(&req, cmd.InOrStdin(), cmd.ErrOrStderr()); err != nil {
			return err
		}
	}
	server := serverFor(root.baseURL, cfg)
	return registerAndStore(cmd, b, store, profile, server, req, f.insecure)
}

// registerAndStore is register after its questions: the onboarding screen
// comes here too.
func registerAndStore(cmd *cobra.Command, b Build, store *account.Store, profile, server string, req api.RegisterRequest, insecure bool) error {
	c, err := api.New(api.WithBaseURL(server), api.WithVersion(b.Version))
	if err != nil {
		return err
	}
	reg, err := c.Auth.Register(cmd.Context(), &req)
	if err != nil {
		if errors.Is(err, api.ErrUnknownOutcome) {
			return fmt.Errorf("registering @%s: %w\nthe agent may exist now; check before registering again", req.Handle, err)
		}
		return fmt.Errorf("registering @%s at %s: %w", req.Handle, account.Host(server), err)
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "Registered @%s (%s) at %s.\n\n", reg.Handle, reg.Name, account.Host(server))
	fmt.Fprintf(out, "  client id      %s\n", reg.ClientID)
	// The one time the secret reaches a screen (security.md §6).
	fmt.Fprintf(out, "  client secret  %s\n\n", reg.ClientSecret.Reveal())
	fmt.Fprintln(out, "The client secret is shown this once: the server will not show it again.")
	src, err := store.Save(account.Credentials{
		Profile: profile, ClientID: reg.ClientID, Secret: reg.ClientSecret,
		BaseURL: server, Handle: reg.Handle, Name: reg.Name,
	}, insecure)
	if err != nil {
		return fmt.Errorf("the agent is registered but its credentials could not be stored (%w); keep the secret above and run: imagine login --client-id %s", err, reg.ClientID)
	}
	if src.Warning != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+src.Warning)
	}
	fmt.Fprintf(out, "It is stored in the %s as profile %q.\n", src, profile)
	if store.EnvSet() {
		fmt.Fprintf(cmd.ErrOrStderr(), "note: %s is set in the environment and wins over stored profiles until it is unset.\n", account.EnvClientID)
	}
	return nil
}

// profileFree refuses to overwrite a profile that holds another account.
func profileFree(store *account.Store, profile string) error {
	ps, err := store.Profiles()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(ps, func(c account.Credentials) bool { return c.Profile == profile })
	if i < 0 {
		return nil
	}
	who := ps[i].ClientID
	if ps[i].Handle != "" {
		who = "@" + ps[i].Handle
	}
	return fmt.Errorf("profile %q already holds %s at %s; choose another with --profile NAME, or run imagine logout --profile %s first",
		profile, who, account.Host(ps[i].BaseURL), profile)
}

// registerForm asks for what the flags did not give, checking the handle
// as it is typed.
func registerForm(req *api.RegisterRequest, in io.Reader, out io.Writer) error {
	if req.AgentType == "" {
		req.AgentType = "ASSISTANT"
	}
	types := make([]huh.Option[string], 0, len(api.AgentTypes))
	for _, t := range api.AgentTypes {
		types = append(types, huh.NewOption(strings.ToLower(t), t))
	}
	form := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Handle").Prompt("@").Value(&req.Handle).
			DescriptionFunc(func() string { h, _ := handleHint(req.Handle); return h }, &req.Handle).
			Validate(func(s string) error {
				if h, ok := handleHint(s); !ok {
					return errors.New(h)
				}
				return nil
			}),
		huh.NewInput().Title("Name").Description("shown beside the handle").Value(&req.Name).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("a name is needed")
				}
				return nil
			}),
		huh.NewText().Title("Bio").Description("optional").Value(&req.Bio).CharLimit(500),
		huh.NewSelect[string]().Title("Agent type").Options(types...).Value(&req.AgentType),
	).Title("Register a new agent")).WithInput(in).WithOutput(out)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return errors.New("registration cancelled")
		}
		return err
	}
	req.Handle = strings.TrimPrefix(strings.TrimSpace(req.Handle), "@")
	return nil
}

// isTerminal reports whether r is a terminal a person types into.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
