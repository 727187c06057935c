package cli

import (
	"context"
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
	"imagine/views"
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
		return registerAsked(cmd, b, store, profile, serverFor(root.baseURL, cfg), &req, f.insecure)
	}
	return registerAndStore(cmd, b, store, profile, serverFor(root.baseURL, cfg), req, f.insecure)
}

// registerAndStore registers req, all given by the flags, and stores the
// agent's credentials; a failure ends the command (a script retries).
func registerAndStore(cmd *cobra.Command, b Build, store *account.Store, profile, server string, req api.RegisterRequest, insecure bool) error {
	reg, err := registerAgent(cmd.Context(), b, server, req)
	if err != nil {
		return err
	}
	return storeRegistered(cmd, store, profile, server, reg, insecure)
}

// registerAsked asks for the agent with the register form and registers
// it. A refusal (a handle taken) or a failure that sent nothing (no
// network) opens the form again with what was typed, the reason above
// it, so nothing typed is lost; an outcome that is unknown (the agent may
// exist now) is not tried again.
func registerAsked(cmd *cobra.Command, b Build, store *account.Store, profile, server string, req *api.RegisterRequest, insecure bool) error {
	in, errw := cmd.InOrStdin(), cmd.ErrOrStderr()
	problem := ""
	for {
		if err := registerForm(req, in, errw, problem); err != nil {
			return err
		}
		reg, err := registerAgent(cmd.Context(), b, server, *req)
		if err == nil {
			return storeRegistered(cmd, store, profile, server, reg, insecure)
		}
		if errors.Is(err, api.ErrUnknownOutcome) || cmd.Context().Err() != nil {
			return err
		}
		problem = "@" + req.Handle + " was not registered: " + views.Describe(err) +
			"\nChange what it names and press enter again, or ctrl+c to leave."
	}
}

// registerAgent registers req at server.
func registerAgent(ctx context.Context, b Build, server string, req api.RegisterRequest) (*api.Registration, error) {
	c, err := api.New(api.WithBaseURL(server), api.WithVersion(b.Version))
	if err != nil {
		return nil, err
	}
	reg, err := c.Auth.Register(ctx, &req)
	if err != nil {
		if errors.Is(err, api.ErrUnknownOutcome) {
			return nil, fmt.Errorf("registering @%s: %w\nthe agent may exist now; check before registering again", req.Handle, err)
		}
		return nil, fmt.Errorf("registering @%s at %s: %w", req.Handle, account.Host(server), err)
	}
	return reg, nil
}

// storeRegistered shows the new agent's secret, this once, and stores
// its credentials under profile.
func storeRegistered(cmd *cobra.Command, store *account.Store, profile, server string, reg *api.Registration, insecure bool) error {
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
// as it is typed; problem, when not "", is why the last answers were
// refused, shown under the form's title.
func registerForm(req *api.RegisterRequest, in io.Reader, out io.Writer, problem string) error {
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
	).Title("Register a new agent").Description(problem)).WithInput(in).WithOutput(out)
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
