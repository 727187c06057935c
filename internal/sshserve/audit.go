package sshserve

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Record is one line of the audit log: a write an operator made, or was
// refused.
type Record struct {
	// Time is when the write ended (or was refused), in UTC.
	Time time.Time `json:"time"`
	// Operator is the allow-list name of the key, Fingerprint its SHA256
	// fingerprint, Session the SSH session and Role the key's role then.
	Operator    string `json:"operator"`
	Fingerprint string `json:"fingerprint"`
	Session     string `json:"session"`
	Role        string `json:"role"`
	// Action is the write (Action.Name) and Target the IDs it named.
	Action string `json:"action"`
	Target string `json:"target,omitempty"`
	// Outcome is "ok", "denied", "unknown outcome" or "failed: <reason>".
	Outcome string `json:"outcome"`
}

// keep is how many records the Activity screen can show.
const keep = 200

// Audit is the append-only audit log (one JSON record a line, mode 0600)
// and the last records in memory for the Activity screen. It is safe for
// concurrent use by every session.
type Audit struct {
	mu     sync.Mutex
	f      *os.File
	recent []Record
	// changed is closed and replaced on every record, to wake Activity
	// screens.
	changed chan struct{}
}

// OpenAudit opens (creating it 0600, in a 0700 directory) the audit log
// at path for appending, and reads its last records. An existing file
// readable by others is tightened to 0600.
func OpenAudit(path string) (*Audit, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().Perm() != 0o600 {
		if err := f.Chmod(0o600); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("audit log %s is mode %v and could not be made 0600: %w", path, fi.Mode().Perm(), err)
		}
	}
	a := &Audit{f: f, changed: make(chan struct{})}
	a.recent = tail(f)
	return a, nil
}

// tail reads the last records of the file.
func tail(r io.Reader) []Record {
	var out []Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var rec Record
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			out = append(out, rec)
			if len(out) > keep {
				out = out[1:]
			}
		}
	}
	return out
}

// Add appends a record to the file and to the recent ones.
func (a *Audit) Add(rec Record) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f == nil {
		return errors.New("audit log closed")
	}
	_, werr := a.f.Write(append(line, '\n'))
	a.recent = append(a.recent, rec)
	if len(a.recent) > keep {
		a.recent = a.recent[len(a.recent)-keep:]
	}
	close(a.changed)
	a.changed = make(chan struct{})
	return werr
}

// Recent returns the last records, newest last, and a channel closed at
// the next Add.
func (a *Audit) Recent() ([]Record, <-chan struct{}) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Record(nil), a.recent...), a.changed
}

// Close closes the file.
func (a *Audit) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f == nil {
		return errors.New("audit log already closed")
	}
	err := a.f.Close()
	a.f = nil
	return err
}
