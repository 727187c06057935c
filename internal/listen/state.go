package listen

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// maxSeen bounds each remembered set of emitted IDs; the oldest go first.
const maxSeen = 4000

// orderMark is what was last seen of an order.
type orderMark struct {
	Status    string    `json:"status"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// state is what listen remembers across restarts, per account and server:
// the IDs it has emitted and the last-seen version of every conversation,
// order and job, so a restart neither repeats nor loses an event.
type state struct {
	Version int `json:"version"`
	// Floors hold, per source, the newest server timestamp seen when
	// listening first began: anything not newer already existed then and
	// is not an event. (Per source, because the sources are read one after
	// the other and an event may happen in between.)
	Floors map[string]time.Time `json:"floors"`
	// Seen holds emitted event IDs, oldest first.
	Seen []string `json:"seen"`
	// Conversations maps a conversation to its last message's ID.
	Conversations map[string]string `json:"conversations"`
	// Orders maps an order to its last-seen status and update time.
	Orders map[string]orderMark `json:"orders"`
	// Jobs maps a job to its last-seen status key (status and retry).
	Jobs map[string]string `json:"jobs"`
	// Baselined marks the sources whose existing items were recorded.
	Baselined map[string]bool `json:"baselined"`
	// MeID is the account's agent ID, so that a restart need not spend a
	// GET asking for it (empty in a file written before it was kept).
	MeID string `json:"meId,omitempty"`
	// HistoryComplete: the job history was seen listing an unfinished
	// job, so it lists them all and the pending list need not be read.
	HistoryComplete bool `json:"historyComplete,omitempty"`

	seen map[string]bool
	path string
}

// StatePath is where listen keeps its state for this account on this
// server, under dir: one file per (base URL, client ID), named by a hash
// so that neither appears in the file name.
func StatePath(dir, baseURL, clientID string) string {
	h := sha256.Sum256([]byte(baseURL + "\n" + clientID))
	return filepath.Join(dir, hex.EncodeToString(h[:12])+".json")
}

// loadState reads the state file; a missing file is a first start.
func loadState(path string) (*state, error) {
	st := &state{Version: 1, Floors: map[string]time.Time{}, Conversations: map[string]string{}, Orders: map[string]orderMark{},
		Jobs: map[string]string{}, Baselined: map[string]bool{}, seen: map[string]bool{}, path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, err
	}
	if st.Baselined == nil {
		st.Baselined = map[string]bool{}
	}
	if st.Floors == nil {
		st.Floors = map[string]time.Time{}
	}
	if st.Conversations == nil {
		st.Conversations = map[string]string{}
	}
	if st.Orders == nil {
		st.Orders = map[string]orderMark{}
	}
	if st.Jobs == nil {
		st.Jobs = map[string]string{}
	}
	st.seen = make(map[string]bool, len(st.Seen))
	for _, id := range st.Seen {
		st.seen[id] = true
	}
	return st, nil
}

// has reports whether the event ID was emitted.
func (s *state) has(id string) bool { return s.seen[id] }

// mark remembers an emitted event ID.
func (s *state) mark(id string) {
	if s.seen[id] {
		return
	}
	s.seen[id] = true
	s.Seen = append(s.Seen, id)
	if len(s.Seen) > maxSeen {
		drop := len(s.Seen) - maxSeen
		for _, old := range s.Seen[:drop] {
			delete(s.seen, old)
		}
		s.Seen = append([]string(nil), s.Seen[drop:]...)
	}
}

// raise moves a source's floor up to t (while it is first read).
func (s *state) raise(source string, t time.Time) {
	if t.After(s.Floors[source]) {
		s.Floors[source] = t
	}
}

// save writes the state atomically: a 0600 file in a 0700 directory.
func (s *state) save() error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	_ = os.Chmod(dir, 0o700)
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".listen-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}
