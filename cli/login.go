package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/config"
	"imagine/internal/account"
)

// loginFlags are login's own flags.
type loginFlags struct {
	clientID  string
	withStdin bool
	insecure  bool
}

func newLoginCmd(b Build, root *rootFlags) *cobra.Command {
	var f loginFlags
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Sign in with an agent's client ID and secret, and store them",
		Long: "login checks a client ID and secret with the server (a token request) and, " +
			"only if the server accepts them, stores them under the profile: in the OS keyring " +
			"when one answers, else in a 0600 file in the config directory.\n\n" +
			"The secret is never taken from the command line (it would show in the process " +
			"list and the shell history): it is read from a hidden prompt, or from standard " +
			"input with --with-secret-stdin.",
		Example: "  imagine login --client-id cli_0123456789abcdef\n" +
			"  imagine login --client-id cli_0123… --with-secret-stdin < secret.txt\n" +
			"  imagine login --profile work --base-url http://127.0.0.1:8787",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runLogin(cmd, b, *root, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.clientID, "client-id", "", "the agent's client ID (asked for when missing)")
	fl.BoolVar(&f.withStdin, "with-secret-stdin", false, "read the client secret from standard input")
	fl.BoolVar(&f.insecure, "insecure-storage", false, "store the secret in the 0600 file even if a keyring answers")
	return cmd
}

// runLogin reads the credentials, verifies them and stores them.
func runLogin(cmd *cobra.Command, b Build, root rootFlags, f loginFlags) error {
	paths, cfg, profile, err := profileConfig(root)
	if err != nil {
		return err
	}
	in := cmd.InOrStdin()
	id := strings.TrimSpace(f.clientID)
	if id == "" {
		if f.withStdin || !isTerminal(in) {
			return errors.New("login needs --client-id when the secret comes from standard input or no terminal")
		}
		if err := askClientID(&id, "", in, cmd.ErrOrStderr()); err != nil {
			return err
		}
	}
	secret, err := readSecret(in, cmd.ErrOrStderr(), f.withStdin)
	if err != nil {
		return err
	}
	return loginAndStore(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), b, accountStore(paths), account.Credentials{
		Profile: profile, ClientID: id, Secret: secret, BaseURL: serverFor(root.baseURL, cfg),
	}, f.insecure)
}

// loginAndStore verifies c with a token request and, only then, stores it
// (with the handle and name the server gives).
func loginAndStore(ctx context.Context, out, errw io.Writer, b Build, store *account.Store, c account.Credentials, insecure bool) error {
	client, err := api.New(api.WithBaseURL(c.BaseURL), api.WithCredentials(c.ClientID, c.Secret), api.WithVersion(b.Version))
	if err != nil {
		return err
	}
	if err := client.Auth.Token(ctx); err != nil {
		if errors.Is(err, api.ErrUnauthorized) {
			return &checkError{msg: fmt.Sprintf("the server refused the client secret for %s at %s; nothing was stored", c.ClientID, account.Host(c.BaseURL))}
		}
		return &checkError{msg: fmt.Sprintf("checking the credentials at %s: %v (nothing was stored)", account.Host(c.BaseURL), err), err: err}
	}
	if me, err := client.Agents.Me(ctx); err == nil {
		c.Handle, c.Name = me.Handle, me.Name
	}
	replaced := replacedIn(store, c)
	src, err := store.Save(c, insecure)
	if err != nil {
		return fmt.Errorf("the server accepted the credentials, but storing them failed: %w", err)
	}
	if src.Warning != "" {
		fmt.Fprintln(errw, "warning: "+src.Warning)
	}
	who := c.ClientID
	if c.Handle != "" {
		who = "@" + c.Handle
	}
	fmt.Fprintf(out, "Signed in as %s at %s; stored in the %s as profile %q.\n", who, account.Host(c.BaseURL), src, c.Profile)
	if replaced != "" {
		fmt.Fprintf(out, "It replaces %s in that profile (imagine login --profile NAME keeps several).\n", replaced)
	}
	if store.EnvSet() {
		fmt.Fprintf(errw, "note: %s is set in the environment and wins over stored profiles until it is unset.\n", account.EnvClientID)
	}
	return nil
}

// checkError is a login the server did not accept, or could not be asked
// about: nothing was stored, and asking again may succeed.
type checkError struct {
	msg string
	err error // the cause, when it was not a refusal
}

func (e *checkError) Error() string { return e.msg }
func (e *checkError) Unwrap() error { return e.err }

// askClientID asks for an agent's client ID on the terminal in, id's value
// as the answer to start from; note, when not "", is shown under the
// question (the server asked, or why the last try failed).
func askClientID(id *string, note string, in io.Reader, out io.Writer) error {
	q := huh.NewInput().Title("Client ID").Description(note).Value(id).
		Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("the client ID is needed")
			}
			return nil
		})
	err := huh.NewForm(huh.NewGroup(q)).WithTheme(huh.ThemeFunc(huh.ThemeBase)).WithInput(in).WithOutput(out).Run()
	*id = strings.TrimSpace(*id)
	return err
}

// readSecret reads the client secret from standard input (fromStdin, the
// first line) or a hidden prompt on the terminal.
func readSecret(in io.Reader, prompt io.Writer, fromStdin bool) (api.Secret, error) {
	if fromStdin {
		line, err := bufio.NewReader(io.LimitReader(in, 4<<10)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("reading the secret from standard input: %w", err)
		}
		s := strings.TrimSpace(line)
		if s == "" {
			return "", errors.New("standard input held no client secret")
		}
		return api.Secret(s), nil
	}
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return "", errors.New("no terminal to ask for the secret: pipe it in with --with-secret-stdin")
	}
	fmt.Fprint(prompt, "Client secret (hidden): ")
	b, err := term.ReadPassword(f.Fd())
	fmt.Fprintln(prompt)
	if err != nil {
		return "", err
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return "", errors.New("no client secret given")
	}
	return api.Secret(s), nil
}

// replacedIn names the other account the profile held, if any, which a
// login into it replaces.
func replacedIn(store *account.Store, c account.Credentials) string {
	ps, err := store.Profiles()
	if err != nil {
		return ""
	}
	for _, p := range ps {
		if p.Profile != c.Profile || (p.ClientID == c.ClientID && account.Host(p.BaseURL) == account.Host(c.BaseURL)) {
			continue
		}
		if p.Handle != "" {
			return "@" + sanitize.Line(p.Handle) + " at " + account.Host(p.BaseURL)
		}
		return p.ClientID + " at " + account.Host(p.BaseURL)
	}
	return ""
}

// profileConfig is where login and register start: the default paths, the
// configuration loaded from them (or from root's --config), and the
// profile named by --profile or the environment, checked.
func profileConfig(root rootFlags) (config.Paths, config.Config, string, error) {
	paths := config.DefaultPaths()
	cfg, err := loadConfig(paths, root.configFile)
	if err != nil {
		return paths, cfg, "", err
	}
	profile := account.ProfileFrom(root.profile, os.Getenv)
	if err := account.CheckProfile(profile); err != nil {
		return paths, cfg, "", err
	}
	return paths, cfg, profile, nil
}
