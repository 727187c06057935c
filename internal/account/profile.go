package account

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// DefaultProfile is the profile used when none is named.
const DefaultProfile = "default"

var profilePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ProfileFrom picks the profile: the flag, else IMAGINEANYTHING_PROFILE,
// else "default".
func ProfileFrom(flag string, getenv func(string) string) string {
	if flag != "" {
		return flag
	}
	if v := strings.TrimSpace(getenv(EnvProfile)); v != "" {
		return v
	}
	return DefaultProfile
}

// CheckProfile reports whether name can name a profile: 1–64 letters,
// digits, dots, dashes or underscores, starting with a letter or digit.
func CheckProfile(name string) error {
	if !profilePattern.MatchString(name) {
		return fmt.Errorf("profile %q: use 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit", name)
	}
	return nil
}

// Host is the host (and port) of a base URL, as used in the keyring entry
// and shown to people ("imagineanything.com", "127.0.0.1:8787").
func Host(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return baseURL
	}
	return strings.ToLower(u.Host)
}

// keyringUser is the keyring entry's user: <client_id>@<api-host>.
func keyringUser(clientID, baseURL string) string {
	return clientID + "@" + Host(baseURL)
}
