package sshserve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// Role is what an operator may do.
type Role int

// The roles of security.md §7 rule 6, from least to most.
const (
	// Viewer reads: no write reaches the API.
	Viewer Role = iota
	// Operator posts, comments, likes, follows, sends DMs and starts
	// generation jobs.
	Operator
	// Admin also places and answers marketplace orders, requests payouts,
	// deletes, and changes the profile, webhook and provider keys.
	Admin
)

// String returns the role's name as written in the allow-list.
func (r Role) String() string {
	switch r {
	case Viewer:
		return "viewer"
	case Operator:
		return "operator"
	case Admin:
		return "admin"
	}
	return "unknown"
}

// parseRole reads a role name.
func parseRole(s string) (Role, error) {
	for r := Viewer; r <= Admin; r++ {
		if strings.EqualFold(s, r.String()) {
			return r, nil
		}
	}
	return Viewer, fmt.Errorf("unknown role %q (viewer, operator or admin)", s)
}

// Entry is one operator's key.
type Entry struct {
	// Key is the public key.
	Key gossh.PublicKey
	// Fingerprint is the key's SHA256 fingerprint ("SHA256:…").
	Fingerprint string
	// Name is the operator's name: the line's comment, or the
	// fingerprint's start when the line has none.
	Name string
	// Role is what the operator may do (viewer when the line names none).
	Role Role
}

// AllowList is the parsed allow-list file: OpenSSH authorized_keys lines,
// each with an optional role option and the operator's name as comment:
//
//	role=admin ssh-ed25519 AAAAC3Nz… alice
//	role=viewer ssh-ed25519 AAAAC3Nz… bob
//	ssh-ed25519 AAAAC3Nz… carol        (a viewer)
type AllowList struct {
	byFingerprint map[string]Entry
}

// ErrEmptyAllowList is returned for an allow-list without a key: serving
// then would let nobody in, or (with the library's defaults) everybody.
var ErrEmptyAllowList = errors.New("the allow-list has no key")

// LoadAllowList reads and parses the allow-list file. A missing or empty
// file is an error, and so is any line that does not parse: a typo must
// not silently lock an operator out or in.
func LoadAllowList(path string) (*AllowList, error) {
	data, err := readAllowList(path)
	if err != nil {
		return nil, fmt.Errorf("allow-list: %w", err)
	}
	l, err := ParseAllowList(data)
	if err != nil {
		return nil, fmt.Errorf("allow-list %s: %w", path, err)
	}
	return l, nil
}

// readAllowList reads the file, refusing one that others may write to (as
// OpenSSH's StrictModes does): whoever can write it can make themselves
// an admin.
func readAllowList(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if perm := fi.Mode().Perm(); perm&0o022 != 0 {
		return nil, fmt.Errorf("%s is writable by others (mode %04o): anyone who can write it can let themselves in as an admin; chmod go-w it", path, perm)
	}
	return os.ReadFile(path)
}

// ParseAllowList parses allow-list text (see AllowList). A key listed
// twice is refused, whatever the roles: a lead who adds a viewer line for
// someone while an admin line for the same key is left further down
// would otherwise leave them an admin.
func ParseAllowList(data []byte) (*AllowList, error) {
	l := &AllowList{byFingerprint: map[string]Entry{}}
	lineOf := map[string]int{}
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("line %d is not a public key line, which reads [role=viewer|operator|admin] ssh-ed25519 AAAA… name (a .pub file's line, not a private key): %w", n+1, err)
		}
		e := Entry{Key: key, Fingerprint: gossh.FingerprintSHA256(key), Role: Viewer}
		for _, o := range options {
			name, value, _ := strings.Cut(o, "=")
			if !strings.EqualFold(name, "role") {
				return nil, fmt.Errorf("line %d: unknown option %q (only role=viewer|operator|admin)", n+1, name)
			}
			if e.Role, err = parseRole(strings.Trim(value, `"`)); err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
		}
		e.Name = operatorName(comment, e.Fingerprint)
		if first, dup := lineOf[e.Fingerprint]; dup {
			return nil, fmt.Errorf("line %d: the key of line %d again: list each key once, with the one role it has", n+1, first)
		}
		lineOf[e.Fingerprint] = n + 1
		l.byFingerprint[e.Fingerprint] = e
	}
	if len(l.byFingerprint) == 0 {
		return nil, ErrEmptyAllowList
	}
	return l, nil
}

// operatorName is a comment made safe to show and log: printable ASCII
// letters, digits and a few marks, at most 32 of them; the fingerprint's
// start when nothing is left.
func operatorName(comment, fp string) string {
	var b strings.Builder
	for _, r := range comment {
		if b.Len() >= 32 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("@._-+", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return strings.TrimPrefix(fp, "SHA256:")[:12]
	}
	return b.String()
}

// Lookup returns the entry of a key, by fingerprint.
func (l *AllowList) Lookup(key gossh.PublicKey) (Entry, bool) {
	if l == nil || key == nil {
		return Entry{}, false
	}
	return l.ByFingerprint(gossh.FingerprintSHA256(key))
}

// ByFingerprint returns the entry with this SHA256 fingerprint.
func (l *AllowList) ByFingerprint(fp string) (Entry, bool) {
	if l == nil {
		return Entry{}, false
	}
	e, ok := l.byFingerprint[fp]
	return e, ok
}

// Len is the number of keys.
func (l *AllowList) Len() int {
	if l == nil {
		return 0
	}
	return len(l.byFingerprint)
}
