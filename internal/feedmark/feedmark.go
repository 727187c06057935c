// Package feedmark keeps where the operator stopped reading the home feed:
// the newest post they have had on screen, so that the next start can say
// what is new since then (anchors.md, "remember where I stopped"; the
// Mastodon markers of toot and Tuba). It is a read marker, so it lives in
// the account's data directory (account.Layout.Data), not in the cache:
// throwing it away loses the operator's place.
//
// The file holds a post ID and a time, nothing of the post itself. What is
// read back is untrusted (the file may have been edited): it is bounded in
// size, and an ID that could not come from the API is ignored.
package feedmark

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"charm.land/log/v2"

	"imagine/internal/privfile"
)

// Mark is the newest home-feed post the operator has seen. The zero Mark
// means they never looked at the feed from this machine.
type Mark struct {
	// PostID is the post's ID.
	PostID string `json:"postId"`
	// At is the post's creation time: posts created after it are new.
	At time.Time `json:"at"`
}

// IsZero reports whether m marks nothing.
func (m Mark) IsZero() bool { return m.PostID == "" }

// After reports whether m is newer than o: a later post, or any post when
// o is zero.
func (m Mark) After(o Mark) bool {
	return !m.IsZero() && (o.IsZero() || m.At.After(o.At))
}

const (
	// fileName is the mark's file in the account's data directory.
	fileName = "feed-mark.json"
	// maxFile bounds what Load reads: a mark is under 200 bytes.
	maxFile = 4 << 10
)

// plausibleID is what a post ID can look like; anything else in the file
// was not written by Save.
var plausibleID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// Store is one account's mark file. It is safe for concurrent use; Load
// and Save do file I/O, so call them from a tea.Cmd.
type Store struct {
	path string
	log  *log.Logger

	mu   sync.Mutex
	last Mark // the mark last written, to skip writing it again
}

// New returns the store in dir, the account's data directory. logger
// receives the reasons a file was ignored; nil discards them.
func New(dir string, logger *log.Logger) *Store {
	if logger == nil {
		logger = log.New(io.Discard)
	}
	return &Store{path: filepath.Join(dir, fileName), log: logger}
}

// Path is the mark's file.
func (s *Store) Path() string { return s.path }

// Load returns the saved mark. No file is the zero Mark and no error; a
// file that cannot be read or parsed is the zero Mark and an error, which
// is logged too: the feed then shows nothing as new, and carries on.
func (s *Store) Load() (Mark, error) {
	m, err := s.load()
	if errors.Is(err, fs.ErrNotExist) {
		return Mark{}, nil
	}
	if err != nil {
		s.log.Warn("feed mark ignored", "path", s.path, "err", err)
		return Mark{}, err
	}
	s.mu.Lock()
	s.last = m
	s.mu.Unlock()
	return m, nil
}

func (s *Store) load() (Mark, error) {
	data, err := privfile.Read(s.path, maxFile)
	if err != nil {
		return Mark{}, err
	}
	var m Mark
	if err := json.Unmarshal(data, &m); err != nil {
		return Mark{}, err
	}
	if !plausibleID.MatchString(m.PostID) || m.At.IsZero() {
		return Mark{}, fmt.Errorf("post ID %q at %v: not a mark", m.PostID, m.At)
	}
	return m, nil
}

// Save writes m unless it is the mark already on disk. A mark older than
// the one on disk is written all the same: the caller decides what "seen"
// means.
func (s *Store) Save(m Mark) error {
	if m.IsZero() {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.PostID == s.last.PostID && m.At.Equal(s.last.At) {
		return nil
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := privfile.Write(s.path, data); err != nil {
		return err
	}
	s.last = m
	return nil
}
