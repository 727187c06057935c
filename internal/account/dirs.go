package account

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Layout is where one account keeps its state on this machine.
type Layout struct {
	// Drafts holds composer drafts.
	Drafts string
	// Data holds the DM outbox and read markers: what must survive a
	// restart.
	Data string
	// Cache holds what can be thrown away (the home feed's first page).
	Cache string
	// roots are the directories the layout hangs from, to be made private
	// along with everything below them.
	roots [3]string
}

// Dirs are the application's directories (config.Paths without the
// config dir).
type Dirs struct {
	State, Data, Cache string
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

// pathPart makes s one safe path segment: itself if it is plain, else a
// prefix of its hash.
func pathPart(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), ":", "_")
	if safeName.MatchString(s) && !strings.Contains(s, "..") {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "h" + hex.EncodeToString(sum[:8])
}

// Key is the account's directory below "accounts": its server, then its
// client ID ("imagineanything.com/cli_…", "127.0.0.1_8787/cli_…").
func Key(baseURL, clientID string) string {
	return filepath.Join(pathPart(Host(baseURL)), pathPart(clientID))
}

// LayoutFor is the layout of the account clientID on baseURL.
func LayoutFor(d Dirs, baseURL, clientID string) Layout {
	k := filepath.Join("accounts", Key(baseURL, clientID))
	return Layout{
		Drafts: filepath.Join(d.State, k, "drafts"),
		Data:   filepath.Join(d.Data, k),
		Cache:  filepath.Join(d.Cache, k),
		roots:  [3]string{d.State, d.Data, d.Cache},
	}
}

// Ensure creates the layout's directories with mode 0700, tightening any
// existing one of ours that others could enter, from the application's
// directories down.
func (l Layout) Ensure() error {
	for i, leaf := range []string{l.Drafts, l.Data, l.Cache} {
		if err := EnsurePrivateTree(l.roots[i], leaf); err != nil {
			return err
		}
	}
	return nil
}

// EnsurePrivateTree makes root and every directory from it down to leaf
// private (EnsurePrivateDir). leaf must be root or below it.
func EnsurePrivateTree(root, leaf string) error {
	rel, err := filepath.Rel(root, leaf)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("account: %s is not below %s", leaf, root)
	}
	dir := root
	if err := EnsurePrivateDir(dir); err != nil {
		return err
	}
	if rel == "." {
		return nil
	}
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		dir = filepath.Join(dir, part)
		if err := EnsurePrivateDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// EnsurePrivateDir creates dir with mode 0700 if it is missing. An
// existing one that others may enter is tightened to 0700 if it is ours,
// and refused with an explanation if it is not.
func EnsurePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if st.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if !ownedByMe(st) {
		return fmt.Errorf("%w: %s belongs to another user and others may enter it (mode %04o); imagine keeps drafts and messages there, so it will not use it: remove it or point XDG_STATE_HOME/XDG_DATA_HOME elsewhere",
			errNotOurs, dir, st.Mode().Perm())
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("%s has mode %04o and could not be made private: %w", dir, st.Mode().Perm(), err)
	}
	return nil
}

// errNotOurs marks a directory another user owns.
var errNotOurs = errors.New("directory is not ours")
