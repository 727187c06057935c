// Package feedcache keeps the home feed's last first page on disk, so that
// the next start shows posts before the network has answered. Nothing else
// is cached: no other page, no other timeline, no DMs or notifications
// (security.md §6 keeps message bodies out of the cache directory).
//
// There is one file per account and server, named by a hash of both, so
// two accounts or a sandbox and production never see each other's posts.
// Files are written with internal/privfile (0600, atomic, directory 0700).
// What is read back is untrusted (the file may have been edited), so it
// is bounded in size and passes the API's one sanitizer again, exactly as
// a fresh response does at the decode boundary.
package feedcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/internal/privfile"
)

const (
	// version changes when the file format does; other versions are
	// ignored, never migrated: the next fetch rewrites the file anyway.
	version = 1
	// maxFile bounds what Load reads. A first page is about 20 posts,
	// well under 100 KB; a larger file is corrupt or not ours.
	maxFile = 4 << 20
	// maxPosts is the most posts kept: a first page, with room for a
	// larger page size.
	maxPosts = api.MaxPageSize
	// refreshAfter is how old the saved time may grow before an unchanged
	// page is written again, so "cached · 3m ago" is never far off.
	refreshAfter = 5 * time.Minute
)

// file is the JSON stored on disk.
type file struct {
	Version int        `json:"version"`
	Key     string     `json:"key"`
	SavedAt time.Time  `json:"savedAt"`
	Posts   []api.Post `json:"posts"`
}

// Store is the cache file of one account on one server. It is safe for
// concurrent use; Load and Save do file I/O, so call them from a tea.Cmd.
type Store struct {
	path string
	key  string
	log  *log.Logger

	mu        sync.Mutex
	lastPosts []byte    // the posts last written, to skip identical writes
	lastSaved time.Time // when they were written
}

// New returns the store for account (the client ID, known before sign-in)
// on the server at baseURL, in dir. logger receives the reasons a file was
// ignored; nil discards them.
func New(dir, baseURL, account string, logger *log.Logger) *Store {
	sum := sha256.Sum256([]byte(baseURL + "\n" + account))
	key := hex.EncodeToString(sum[:12])
	if logger == nil {
		logger = log.New(io.Discard)
	}
	return &Store{path: filepath.Join(dir, "home-"+key+".json"), key: key, log: logger}
}

// Path is the cache file.
func (s *Store) Path() string { return s.path }

// Load returns the cached posts, sanitized, and when they were saved. No
// file gives an error wrapping fs.ErrNotExist; a file that cannot be read
// or parsed gives an error too, and is logged: the caller shows nothing
// from the cache and carries on.
func (s *Store) Load() ([]api.Post, time.Time, error) {
	posts, saved, err := s.load()
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.log.Warn("feed cache ignored", "path", s.path, "err", err)
	}
	return posts, saved, err
}

func (s *Store) load() ([]api.Post, time.Time, error) {
	data, err := privfile.Read(s.path, maxFile)
	if err != nil {
		return nil, time.Time{}, err
	}
	var c file
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, time.Time{}, err
	}
	if c.Version != version || c.Key != s.key {
		return nil, time.Time{}, fmt.Errorf("version %d, key %q: not this client's", c.Version, c.Key)
	}
	// Every string passes the one sanitizer, as at the decode boundary:
	// the file is as untrusted as the network it came from.
	sanitize.Struct(&c.Posts)
	posts := c.Posts[:0]
	for _, p := range c.Posts {
		if p.ID != "" && len(posts) < maxPosts {
			posts = append(posts, p)
		}
	}
	return posts, c.SavedAt, nil
}

// Save replaces the cached page with posts (at most the first 100), saved
// at at. A page identical to the last one written is not written again
// until refreshAfter has passed, so polling an idle feed costs no disk
// writes.
func (s *Store) Save(posts []api.Post, at time.Time) error {
	posts = posts[:min(len(posts), maxPosts)]
	body, err := json.Marshal(posts)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if bytes.Equal(body, s.lastPosts) && at.Sub(s.lastSaved) < refreshAfter {
		return nil
	}
	data, err := json.Marshal(file{Version: version, Key: s.key, SavedAt: at, Posts: posts})
	if err != nil {
		return err
	}
	if err := privfile.Write(s.path, data); err != nil {
		return err
	}
	s.lastPosts, s.lastSaved = body, at
	return nil
}
