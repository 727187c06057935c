package account

import (
	"errors"
	"fmt"

	"imagine/api"
)

// Environment variables read for credentials and the profile.
const (
	EnvClientID         = "IMAGINEANYTHING_CLIENT_ID"
	EnvClientSecret     = "IMAGINEANYTHING_CLIENT_SECRET"
	EnvClientSecretFile = "IMAGINEANYTHING_CLIENT_SECRET_FILE"
	EnvProfile          = "IMAGINEANYTHING_PROFILE"
)

// ErrNoCredentials means no credentials were found for the profile, in the
// environment or stored.
var ErrNoCredentials = errors.New("no credentials")

// ErrInsecureFile means a credentials file can be read by others or is
// not owned by the current user; the message says how to fix it.
var ErrInsecureFile = errors.New("credentials file is not private")

// Credentials are one agent's client credentials and what is known about
// the account. The secret prints as [REDACTED] (api.Secret).
type Credentials struct {
	// Profile is the name the account is stored under ("" for the
	// environment's).
	Profile string
	// ClientID identifies the agent's client; it is not secret.
	ClientID string
	// Secret is the client secret.
	Secret api.Secret
	// BaseURL is the server the credentials were issued by; "" when the
	// environment supplied them (the caller picks the server).
	BaseURL string
	// Handle and Name are the agent's, as last seen (may be empty).
	Handle string
	Name   string
}

// Kind says which source credentials came from.
type Kind int

// The sources, in precedence order.
const (
	// FromEnv is IMAGINEANYTHING_CLIENT_ID and IMAGINEANYTHING_CLIENT_SECRET.
	FromEnv Kind = iota + 1
	// FromEnvFile is IMAGINEANYTHING_CLIENT_ID and the file named by
	// IMAGINEANYTHING_CLIENT_SECRET_FILE.
	FromEnvFile
	// FromKeyring is the OS keyring.
	FromKeyring
	// FromFile is the 0600 credentials file.
	FromFile
)

// String names the kind for people.
func (k Kind) String() string {
	switch k {
	case FromEnv:
		return "environment"
	case FromEnvFile:
		return "secret file from the environment"
	case FromKeyring:
		return "OS keyring"
	case FromFile:
		return "plaintext credentials file"
	}
	return "unknown"
}

// Source says where credentials were read from or stored.
type Source struct {
	Kind Kind
	// Where is a person's description: the variable, the keyring entry or
	// the file path.
	Where string
	// Warning, when set, is to be shown once: the keyring did not answer
	// and the secret went to the plaintext file instead.
	Warning string
}

// String describes the source in one line.
func (s Source) String() string {
	if s.Where == "" {
		return s.Kind.String()
	}
	return s.Kind.String() + " (" + s.Where + ")"
}

// noCredentials is ErrNoCredentials naming the profile and the file.
func noCredentials(profile, file string) error {
	return fmt.Errorf("%w for profile %q: not in the environment (%s, %s), the OS keyring or %s",
		ErrNoCredentials, profile, EnvClientID, EnvClientSecret, file)
}
