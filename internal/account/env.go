package account

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"imagine/api"
	"imagine/internal/privfile"
)

// maxSecretFile bounds what is read from a secret file.
const maxSecretFile = 4 << 10

// fromEnv reads credentials from the environment. ok is false when the
// environment names none; an error means it names them incompletely or
// the secret file cannot be used.
func fromEnv(getenv func(string) string) (c Credentials, src Source, ok bool, err error) {
	id := strings.TrimSpace(getenv(EnvClientID))
	secret := getenv(EnvClientSecret)
	file := getenv(EnvClientSecretFile)
	if id == "" && secret == "" && file == "" {
		return Credentials{}, Source{}, false, nil
	}
	if id == "" {
		return Credentials{}, Source{}, false, fmt.Errorf("%s is set but %s is not", firstSet(getenv, EnvClientSecret, EnvClientSecretFile), EnvClientID)
	}
	switch {
	case secret != "":
		return Credentials{ClientID: id, Secret: api.Secret(secret)},
			Source{Kind: FromEnv, Where: EnvClientSecret}, true, nil
	case file != "":
		s, err := readSecretFile(file)
		if err != nil {
			return Credentials{}, Source{}, false, fmt.Errorf("%s: %w", EnvClientSecretFile, err)
		}
		return Credentials{ClientID: id, Secret: api.Secret(s)},
			Source{Kind: FromEnvFile, Where: file}, true, nil
	}
	return Credentials{}, Source{}, false, fmt.Errorf("%s is set but neither %s nor %s is", EnvClientID, EnvClientSecret, EnvClientSecretFile)
}

func firstSet(getenv func(string) string, names ...string) string {
	for _, n := range names {
		if getenv(n) != "" {
			return n
		}
	}
	return names[0]
}

// readSecretFile reads a secret from a private file, without the trailing
// newline an editor or echo adds.
func readSecretFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := checkPrivate(f, path); err != nil {
		return "", err
	}
	b, err := privfile.ReadFrom(f, maxSecretFile)
	if errors.Is(err, privfile.ErrTooLarge) {
		return "", fmt.Errorf("%s is larger than a client secret can be", path)
	}
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(b), "\r\n")
	if s == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return s, nil
}
