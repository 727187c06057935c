package composer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"imagine/internal/privfile"
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

// path is the file holding the text of key's draft.
func (s *draftStore) path(key string) string { return s.base(key) + ".txt" }

// mediaPath is the sidecar file holding the attachments of key's draft,
// next to its text.
func (s *draftStore) mediaPath(key string) string { return s.base(key) + ".media.json" }

// base maps a key to its file name without extension. Keys embed server
// IDs, which are not trusted to be file-name safe: anything outside
// [A-Za-z0-9_-] is replaced and a short hash of the original key keeps
// distinct keys apart.
func (s *draftStore) base(key string) string {
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
	return filepath.Join(s.dir, name)
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
	return privfile.Write(s.path(key), []byte(text))
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

func (s *draftStore) removeLocked(key string) error { return removeFile(s.path(key)) }

// removeFile deletes path; a missing file is fine.
func removeFile(path string) error {
	err := os.Remove(path)
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

// savedAttachment is one attachment in a draft's sidecar file. An entry
// with a MediaID was uploaded; one without is offered again for upload.
type savedAttachment struct {
	Path        string `json:"path,omitempty"`
	Name        string `json:"name,omitempty"`
	Kind        string `json:"kind"`
	ContentType string `json:"contentType,omitempty"`
	Size        int64  `json:"size,omitempty"`
	MediaID     string `json:"mediaId,omitempty"`
	URL         string `json:"url,omitempty"`
}

// sidecar is the file format of a draft's attachments.
type sidecar struct {
	Version     int               `json:"version"`
	Attachments []savedAttachment `json:"attachments"`
}

// mediaGenKey keeps the sidecar's generations apart from the text's.
func mediaGenKey(key string) string { return "\x00media:" + key }

// saveMedia writes the attachments of key's draft; none removes the file.
func (s *draftStore) saveMedia(key string, gen uint64, items []savedAttachment) error {
	if s.dir == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.current(mediaGenKey(key), gen) {
		return nil
	}
	if len(items) == 0 {
		return removeFile(s.mediaPath(key))
	}
	b, err := json.MarshalIndent(sidecar{Version: 1, Attachments: items}, "", "  ")
	if err != nil {
		return err
	}
	return privfile.Write(s.mediaPath(key), b)
}

// removeMedia deletes the sidecar of key, if any.
func (s *draftStore) removeMedia(key string, gen uint64) error {
	return s.saveMedia(key, gen, nil)
}

// loadMedia reads the sidecar of key; a missing one is nil without error.
func (s *draftStore) loadMedia(key string) ([]savedAttachment, error) {
	if s.dir == "" {
		return nil, nil
	}
	b, err := os.ReadFile(s.mediaPath(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var sc sidecar
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, err
	}
	return sc.Attachments, nil
}
