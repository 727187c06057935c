package composer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// draftStore keeps one draft file per composer key under dir. Saves and
// deletes run in tea.Cmds, so several may be in flight at once; each carries
// the composer's generation and the store ignores any operation older than
// the last one applied to that key, so a slow save can never resurrect text
// that was sent or replaced.
type draftStore struct {
	dir  string
	mu   sync.Mutex
	last map[string]uint64
}

func newDraftStore(dir string) *draftStore {
	return &draftStore{dir: dir, last: map[string]uint64{}}
}

// path maps a key to its file. Keys embed server IDs, which are not trusted
// to be file-name safe: anything outside [A-Za-z0-9_-] is replaced and a
// short hash of the original key keeps distinct keys apart.
func (s *draftStore) path(key string) string {
	safe := true
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			safe = false
			break
		}
	}
	name := key
	if !safe || len(key) > 100 || key == "" {
		sum := sha256.Sum256([]byte(key))
		clean := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return '_'
		}, key)
		if len(clean) > 60 {
			clean = clean[:60]
		}
		name = clean + "-" + hex.EncodeToString(sum[:6])
	}
	return filepath.Join(s.dir, name+".txt")
}

// current reports whether an operation of generation gen on key is still the
// newest, recording it when it is. The caller holds s.mu.
func (s *draftStore) current(key string, gen uint64) bool {
	if gen < s.last[key] {
		return false
	}
	s.last[key] = gen
	return true
}

// save writes text as the draft of key atomically (temp file in the same
// directory, mode 0600, fsync, rename). Empty text removes the draft.
func (s *draftStore) save(key string, gen uint64, text string) error {
	if s.dir == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.current(key, gen) {
		return nil
	}
	if strings.TrimSpace(text) == "" {
		return s.removeLocked(key)
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(s.dir, ".draft-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, s.path(key)); err != nil {
		return err
	}
	ok = true
	return nil
}

// remove deletes the draft of key, if any.
func (s *draftStore) remove(key string, gen uint64) error {
	if s.dir == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.current(key, gen) {
		return nil
	}
	return s.removeLocked(key)
}

func (s *draftStore) removeLocked(key string) error {
	err := os.Remove(s.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// load reads the draft of key; a missing draft is "" without error.
func (s *draftStore) load(key string) (string, error) {
	if s.dir == "" {
		return "", nil
	}
	b, err := os.ReadFile(s.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return string(b), nil
}
