package cli

import (
	"fmt"
	"os"

	"imagine/config"
	"imagine/internal/account"
)

// EnvKeyring set to "off" keeps credentials out of the OS keyring (the
// same as --insecure-storage on every command): for headless machines
// where a Secret Service is known to be missing, and for tests.
const EnvKeyring = "IMAGINE_KEYRING"

// accountStore is the credential store of security.md §6 in the config
// directory.
func accountStore(paths config.Paths) *account.Store {
	o := account.Options{Dir: paths.ConfigDir, Getenv: os.Getenv}
	if os.Getenv(EnvKeyring) != "off" {
		o.Keyring = account.SystemKeyring()
	}
	return account.New(o)
}

// loadConfig reads the config file named by --config or the default one.
func loadConfig(paths config.Paths, file string) (config.Config, error) {
	if file == "" {
		file = paths.File()
	}
	return config.Load(file)
}

// serverFor is the server to register or sign in at: --base-url, then
// IMAGINEANYTHING_BASE_URL, then the config file, then the real one.
func serverFor(flag string, cfg config.Config) string {
	return firstNonEmpty(flag, os.Getenv(config.EnvBaseURL), cfg.BaseURL, config.DefaultBaseURL)
}

// serverOf is the server a loaded account talks to. A stored profile
// keeps the server its secret was issued by: sending it anywhere else is
// refused, so a stray --base-url cannot hand a secret to another host.
// Credentials from the environment go where serverFor says.
func serverOf(c account.Credentials, flag string, cfg config.Config) (string, error) {
	if c.BaseURL == "" {
		return serverFor(flag, cfg), nil
	}
	want := firstNonEmpty(flag, os.Getenv(config.EnvBaseURL))
	if want != "" && account.Host(want) != account.Host(c.BaseURL) {
		return "", fmt.Errorf("profile %q is an account at %s, not %s; sign in there with: imagine login --base-url %s --profile NAME",
			c.Profile, account.Host(c.BaseURL), account.Host(want), want)
	}
	return c.BaseURL, nil
}

// rejectedText is what a refused secret is called, everywhere: plainly,
// naming the client and the server, with the way out.
func rejectedText(clientID, baseURL string) string {
	return fmt.Sprintf("the server refused the client secret for %s at %s; run imagine login", clientID, account.Host(baseURL))
}
