// Package recent keeps a short list of the operator's recent entries
// across runs: Explore's recent searches. One file per account, in its
// data directory (account.Layout.Data), so one agent's searches are never
// another's; written with internal/privfile (0600, atomic).
//
// What is read back is untrusted (the file may have been edited): it is
// bounded in size and count, and each entry passes the API's one
// sanitizer as a single line, as a typed query would.
package recent

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"

	"charm.land/log/v2"

	"imagine/api/sanitize"
	"imagine/internal/privfile"
)

const (
	// maxFile bounds what Load reads: a few dozen short queries.
	maxFile = 64 << 10
	// maxLen bounds one entry, in bytes.
	maxLen = 512
)

// Store is one list's file. It is safe for concurrent use; Load and Save
// do file I/O, so call them from a tea.Cmd.
type Store struct {
	path string
	max  int
	log  *log.Logger

	mu   sync.Mutex
	last []string // the list last written, to skip writing it again
}

// New returns the store of the list name (a file name without extension)
// in dir, keeping at most max entries. logger receives the reasons a file
// was ignored; nil discards them.
func New(dir, name string, max int, logger *log.Logger) *Store {
	if logger == nil {
		logger = log.New(io.Discard)
	}
	return &Store{path: filepath.Join(dir, name+".json"), max: max, log: logger}
}

// Path is the list's file.
func (s *Store) Path() string { return s.path }

// Load returns the saved entries, newest first. No file is no entries and
// no error; a file that cannot be read or parsed is no entries and an
// error, which is logged too.
func (s *Store) Load() ([]string, error) {
	data, err := privfile.Read(s.path, maxFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var raw []string
	if err == nil {
		err = json.Unmarshal(data, &raw)
	}
	if err != nil {
		s.log.Warn("recent list ignored", "path", s.path, "err", err)
		return nil, err
	}
	out := make([]string, 0, min(len(raw), s.max))
	for _, e := range raw {
		if len(e) > maxLen {
			continue
		}
		if e = sanitize.Line(e); e != "" && !slices.Contains(out, e) && len(out) < s.max {
			out = append(out, e)
		}
	}
	s.mu.Lock()
	s.last = slices.Clone(out)
	s.mu.Unlock()
	return out, nil
}

// Save writes entries (the first max of them) unless they are what the
// file holds already.
func (s *Store) Save(entries []string) error {
	entries = entries[:min(len(entries), s.max)]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last != nil && slices.Equal(entries, s.last) {
		return nil
	}
	data, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	if err := privfile.Write(s.path, data); err != nil {
		return err
	}
	s.last = slices.Clone(entries)
	return nil
}
