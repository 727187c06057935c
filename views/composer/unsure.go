package composer

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/internal/privfile"
)

// A send whose answer was lost and whose check failed may have reached the
// server: its attempt times are kept next to the draft
// (<key>.unsure.json, 0600), so that even after a restart the next send
// reads the server back before it sends (views.SendOnce). The owner keeps
// them with KeepAttempts, drops them with DropAttempts once the outcome
// is known, and reads them in its send Cmd with StoredAttempts.

// unsureFile is the sidecar's content.
type unsureFile struct {
	Version  int         `json:"version"`
	Key      string      `json:"key"`
	Text     string      `json:"text"`
	Attempts []time.Time `json:"attempts"`
}

// unsurePath is the sidecar of key's unconfirmed attempts.
func (s *draftStore) unsurePath(key string) string { return s.base(key) + ".unsure.json" }

// unsureGenKey keeps the sidecar's generations apart.
func unsureGenKey(key string) string { return "\x00unsure:" + key }

// saveUnsure writes (or, with no attempts, removes) key's sidecar.
func (s *draftStore) saveUnsure(key string, gen uint64, text string, attempts []time.Time) error {
	if s.dir == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.current(unsureGenKey(key), gen) {
		return nil
	}
	if len(attempts) == 0 {
		return removeFile(s.unsurePath(key))
	}
	b, err := json.MarshalIndent(unsureFile{Version: 1, Key: key, Text: text, Attempts: attempts}, "", "  ")
	if err != nil {
		return err
	}
	return privfile.Write(s.unsurePath(key), b)
}

// loadUnsure reads key's attempts for text; none when there is no sidecar
// or it was for another text.
func (s *draftStore) loadUnsure(key, text string) ([]time.Time, error) {
	if s.dir == "" {
		return nil, nil
	}
	b, err := os.ReadFile(s.unsurePath(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f unsureFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	if strings.TrimSpace(f.Text) != strings.TrimSpace(text) {
		return nil, nil
	}
	return f.Attempts, nil
}

// KeepAttempts writes, in a Cmd, that key's text may have been sent at
// attempts.
func (m *Model) KeepAttempts(key, text string, attempts []time.Time) tea.Cmd {
	m.ugen++
	st, gen, id := m.store, m.ugen, m.opts.ID
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: st.saveUnsure(key, gen, text, attempts)}
	}
}

// DropAttempts removes, in a Cmd, key's kept attempts: the outcome is
// known.
func (m *Model) DropAttempts(key string) tea.Cmd { return m.KeepAttempts(key, "", nil) }

// StoredAttempts returns a function, to call inside a Cmd (it reads a
// file), that gives the kept attempts of key's text; an unreadable
// sidecar is an error, so the caller checks rather than sends.
func (m *Model) StoredAttempts(key string) func(text string) ([]time.Time, error) {
	st := m.store
	return func(text string) ([]time.Time, error) { return st.loadUnsure(key, text) }
}

// Unsent is a draft whose last send is unconfirmed: kept by an earlier
// session (or this one) until a check says whether it arrived.
type Unsent struct {
	// Key is the draft key ("post", "comment-<postID>"…).
	Key  string
	Text string
	// Attempts are the times it may have been sent.
	Attempts []time.Time
}

// Unsent returns a function, to call inside a Cmd (it reads the drafts
// directory), that lists the drafts whose last send is unconfirmed,
// oldest attempt first. Unreadable sidecars are skipped.
func (m *Model) Unsent() func() []Unsent {
	dir := m.opts.DraftDir
	return func() []Unsent {
		if dir == "" {
			return nil
		}
		names, _ := filepath.Glob(filepath.Join(dir, "*.unsure.json"))
		var out []Unsent
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			var f unsureFile
			if json.Unmarshal(b, &f) != nil || f.Key == "" || len(f.Attempts) == 0 {
				continue
			}
			out = append(out, Unsent{Key: f.Key, Text: f.Text, Attempts: f.Attempts})
		}
		slices.SortFunc(out, func(a, b Unsent) int { return a.Attempts[0].Compare(b.Attempts[0]) })
		return out
	}
}
