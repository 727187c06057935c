package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
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
	in, out, errw := cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
	switch final.(*onboarding.Model).Choice() {
	case onboarding.Demo:
		return onboardDemo, nil
	case onboarding.Register:
		var req api.RegisterRequest
		if err := registerForm(&req, in, errw); err != nil {
			return onboardQuit, err
		}
		if err := registerAndStore(cmd, b, store, profile, server, req, false); err != nil {
			return onboardQuit, err
		}
		// The secret is on screen this once: leave it there until the
		// operator has kept it, before the TUI takes the screen.
		fmt.Fprint(out, "\nPress enter to open imagine… ")
		_, _ = bufio.NewReader(in).ReadString('\n')
		return onboardSignedIn, nil
	case onboarding.Login:
		var id string
		if err := huh.NewInput().Title("Client ID").Description("at " + account.Host(server)).Value(&id).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("the client ID is needed")
				}
				return nil
			}).Run(); err != nil {
			return onboardQuit, err
		}
		secret, err := readSecret(in, errw, false)
		if err != nil {
			return onboardQuit, err
		}
		c := account.Credentials{Profile: profile, ClientID: strings.TrimSpace(id), Secret: secret, BaseURL: server}
		if err := loginAndStore(ctx, out, errw, b, store, c, false); err != nil {
			return onboardQuit, err
		}
		return onboardSignedIn, nil
	}
	return onboardQuit, nil
}
