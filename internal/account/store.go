package account

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"imagine/api"
)

// Options configure a Store.
type Options struct {
	// Dir is the config directory holding credentials.json.
	Dir string
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// Keyring is the OS keyring; nil stores in the file only.
	Keyring Keyring
	// KeyringTimeout bounds each keyring call; 0 means
	// DefaultKeyringTimeout.
	KeyringTimeout time.Duration
}

// Store reads and writes credentials by the precedence of the package doc.
// It is safe for concurrent use; every method may do file and keyring I/O,
// so the TUI calls it from a tea.Cmd.
type Store struct {
	dir    string
	getenv func(string) string
	kr     *boundedKeyring
}

// New returns a Store.
func New(o Options) *Store {
	s := &Store{dir: o.Dir, getenv: o.Getenv}
	if s.getenv == nil {
		s.getenv = os.Getenv
	}
	if o.Keyring != nil {
		t := o.KeyringTimeout
		if t <= 0 {
			t = DefaultKeyringTimeout
		}
		s.kr = &boundedKeyring{k: o.Keyring, timeout: t}
	}
	return s
}

// File is the credentials file's path.
func (s *Store) File() string { return filepath.Join(s.dir, FileName) }

func (s *Store) lockPath() string { return s.File() + ".lock" }

// Load returns the credentials of profile: the environment's if it names
// any, else the stored profile's, its secret from the keyring or the file.
// It returns an error matching ErrNoCredentials when there are none, and
// one matching ErrInsecureFile for a file others can read.
func (s *Store) Load(profile string) (Credentials, Source, error) {
	c, src, ok, err := fromEnv(s.getenv)
	if err != nil || ok {
		return c, src, err
	}
	return s.LoadProfile(profile)
}

// LoadFlagged loads the credentials an invocation names: with a --profile
// flag, that stored profile, even when the environment holds credentials
// (a flag outranks the environment, as the contract orders them); without
// one, Load of the profile the environment or the default names.
func (s *Store) LoadFlagged(flag string) (Credentials, Source, error) {
	if flag != "" {
		return s.LoadProfile(flag)
	}
	return s.Load(ProfileFrom("", s.getenv))
}

// LoadProfile is Load without the environment: the stored profile's
// credentials only, as the account switcher lists them.
func (s *Store) LoadProfile(profile string) (Credentials, Source, error) {
	if err := CheckProfile(profile); err != nil {
		return Credentials{}, Source{}, err
	}
	d, err := readFile(s.File(), true)
	if err != nil {
		return Credentials{}, Source{}, err
	}
	p, found := d.Profiles[profile]
	if !found {
		return Credentials{}, Source{}, noCredentials(profile, s.File())
	}
	c := Credentials{Profile: profile, ClientID: p.ClientID, BaseURL: p.BaseURL, Handle: p.Handle, Name: p.Name}
	user := keyringUser(p.ClientID, p.BaseURL)
	var krErr error
	if p.Keyring || p.ClientSecret == "" {
		secret, err := s.kr.get(user)
		if err == nil && secret != "" {
			c.Secret = api.Secret(secret)
			return c, Source{Kind: FromKeyring, Where: "service " + Service + ", user " + user}, nil
		}
		krErr = err
	}
	if p.ClientSecret != "" {
		c.Secret = api.Secret(p.ClientSecret)
		src := Source{Kind: FromFile, Where: s.File()}
		if krErr != nil {
			src.Warning = "keyring unavailable — using the plaintext secret in " + s.File()
		}
		return c, src, nil
	}
	if errors.Is(krErr, ErrKeyNotFound) {
		return Credentials{}, Source{}, fmt.Errorf("%w for profile %q: its secret is no longer in the OS keyring (user %s); run imagine login",
			ErrNoCredentials, profile, user)
	}
	return Credentials{}, Source{}, fmt.Errorf("profile %q keeps its secret in the OS keyring, which cannot be read: %w; run imagine login to store it again",
		profile, krErr)
}

// Save stores c under c.Profile: the secret in the keyring if it answers
// (unless fileOnly), else in the file, with the warning of security.md §6.
func (s *Store) Save(c Credentials, fileOnly bool) (Source, error) {
	if err := CheckProfile(c.Profile); err != nil {
		return Source{}, err
	}
	if c.ClientID == "" || c.Secret == "" || c.BaseURL == "" {
		return Source{}, errors.New("account: saving needs a client ID, a secret and a server")
	}
	if err := EnsurePrivateDir(s.dir); err != nil {
		return Source{}, err
	}
	unlock, err := lockFile(s.lockPath())
	if err != nil {
		return Source{}, fmt.Errorf("locking %s: %w", s.File(), err)
	}
	defer unlock()
	d, err := readFile(s.File(), false)
	if err != nil {
		return Source{}, err
	}
	old, had := d.Profiles[c.Profile]
	p := fileProfile{ClientID: c.ClientID, BaseURL: c.BaseURL, Handle: c.Handle, Name: c.Name}
	user := keyringUser(c.ClientID, c.BaseURL)
	var src Source
	var krErr error
	if !fileOnly && s.kr != nil {
		krErr = s.kr.set(user, c.Secret.Reveal())
	}
	if !fileOnly && s.kr != nil && krErr == nil {
		p.Keyring = true
		src = Source{Kind: FromKeyring, Where: "service " + Service + ", user " + user}
	} else {
		p.ClientSecret = c.Secret.Reveal()
		src = Source{Kind: FromFile, Where: s.File()}
		if krErr != nil {
			src.Warning = "keyring unavailable — credentials stored in plaintext at " + s.File() + " (mode 0600)"
		}
	}
	d.Profiles[c.Profile] = p
	if err := writeFile(s.File(), d); err != nil {
		return Source{}, err
	}
	if had && old.Keyring && keyringUser(old.ClientID, old.BaseURL) != user {
		_ = s.kr.delete(keyringUser(old.ClientID, old.BaseURL)) // the replaced account's secret
	}
	return src, nil
}

// Delete forgets profile everywhere it is stored: the keyring entry and
// the file's record. It returns what it removed (for people), and a
// warning when the keyring could not be reached to remove its entry. The
// environment is not touched; callers say so when it is set.
func (s *Store) Delete(profile string) (removed []string, warning string, err error) {
	if err := CheckProfile(profile); err != nil {
		return nil, "", err
	}
	unlock, err := lockFile(s.lockPath())
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", noCredentials(profile, s.File())
		}
		return nil, "", fmt.Errorf("locking %s: %w", s.File(), err)
	}
	defer unlock()
	d, err := readFile(s.File(), false)
	if err != nil {
		return nil, "", err
	}
	p, found := d.Profiles[profile]
	if !found {
		return nil, "", noCredentials(profile, s.File())
	}
	user := keyringUser(p.ClientID, p.BaseURL)
	if s.kr != nil {
		switch err := s.kr.delete(user); {
		case err == nil:
			removed = append(removed, "OS keyring entry "+user)
		case errors.Is(err, ErrKeyNotFound):
		case p.Keyring:
			warning = "could not remove the OS keyring entry " + user + ": " + err.Error()
		}
	} else if p.Keyring {
		warning = "the OS keyring entry " + user + " was not removed (keyring off)"
	}
	delete(d.Profiles, profile)
	if err := writeFile(s.File(), d); err != nil {
		return removed, warning, err
	}
	removed = append(removed, "profile "+profile+" in "+s.File())
	return removed, warning, nil
}

// Profiles lists the stored profiles, sorted by name, without secrets.
func (s *Store) Profiles() ([]Credentials, error) {
	d, err := readFile(s.File(), true)
	if err != nil {
		return nil, err
	}
	out := make([]Credentials, 0, len(d.Profiles))
	for name, p := range d.Profiles {
		out = append(out, Credentials{Profile: name, ClientID: p.ClientID, BaseURL: p.BaseURL, Handle: p.Handle, Name: p.Name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Profile < out[j].Profile })
	return out, nil
}

// EnvSet reports whether the environment supplies credentials, which then
// win over every stored profile.
func (s *Store) EnvSet() bool {
	return s.getenv(EnvClientID) != "" || s.getenv(EnvClientSecret) != "" || s.getenv(EnvClientSecretFile) != ""
}
