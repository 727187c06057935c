package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/config"
	"imagine/internal/account"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views/onboarding"
)

// onboardResult is what the first-run screen led to.
type onboardResult int

const (
	// onboardQuit: the operator left; nothing to run.
	onboardQuit onboardResult = iota
	// onboardSignedIn: an account is now stored under the profile.
	onboardSignedIn
	// onboardDemo: run the demo.
	onboardDemo
)

// onboard shows the first-run screen, then does what was chosen: the
// register form or the sign-in prompts, whose account is stored under the
// profile before the TUI starts.
func onboard(ctx context.Context, cmd *cobra.Command, b Build, f rootFlags, paths config.Paths, cfg config.Config) (onboardResult, error) {
	keys := keymap.Default()
	if err := keys.Rebind(cfg.Keys); err != nil {
		return onboardQuit, err
	}
	styles, err := theme.Build(cfg.Palette, cfg.Theme != "light", os.Getenv("NO_COLOR") != "")
	if err != nil {
		return onboardQuit, fmt.Errorf("config: %w", err)
	}
	profile := account.ProfileFrom(f.profile, os.Getenv)
	server := serverFor(f.baseURL, cfg)
	m := onboarding.New(onboarding.Options{Styles: styles, Keys: keys, Server: account.Host(server), Profile: profile})
	final, err := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(cmd.InOrStdin()), tea.WithOutput(cmd.OutOrStdout())).Run()
	if err != nil {
		return onboardQuit, err
	}
	store := accountStore(paths)
	in, out := cmd.InOrStdin(), cmd.OutOrStdout()
	switch final.(*onboarding.Model).Choice() {
	case onboarding.Demo:
		return onboardDemo, nil
	case onboarding.Register:
		var req api.RegisterRequest
		if err := registerAsked(cmd, b, store, profile, server, &req, false); err != nil {
			return onboardQuit, err
		}
		// The secret is on screen this once: leave it there until the
		// operator has kept it, before the TUI takes the screen.
		fmt.Fprint(out, "\nPress enter to open imagine… ")
		_, _ = bufio.NewReader(in).ReadString('\n')
		return onboardSignedIn, nil
	case onboarding.Login:
		return onboardLogin(ctx, cmd, b, store, profile, server)
	}
	return onboardQuit, nil
}

// onboardLogin asks for an existing agent's client ID and secret until the
// server accepts them: a refused secret or an unreachable server says why
// under the question, which is asked again with the client ID typed;
// ctrl+c leaves.
func onboardLogin(ctx context.Context, cmd *cobra.Command, b Build, store *account.Store, profile, server string) (onboardResult, error) {
	in, out, errw := cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
	where := "at " + account.Host(server)
	note, id := where, ""
	for {
		if err := askClientID(&id, note, in, errw); err != nil {
			return onboardQuit, err
		}
		secret, err := readSecret(in, errw, false)
		if err != nil {
			return onboardQuit, err
		}
		c := account.Credentials{Profile: profile, ClientID: id, Secret: secret, BaseURL: server}
		err = loginAndStore(ctx, out, errw, b, store, c, false)
		var check *checkError
		if err == nil {
			return onboardSignedIn, nil
		}
		if !errors.As(err, &check) || ctx.Err() != nil {
			return onboardQuit, err
		}
		note = where + "\n" + check.msg + "\nCorrect the client ID or press enter to type the secret again; ctrl+c leaves."
	}
}
