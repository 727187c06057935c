package messages

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"imagine/internal/privfile"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

const (
	// outboxFile is the outbox's name under Options.DataDir.
	outboxFile = "outbox.json"
	// outboxVersion is the file format written.
	outboxVersion = 1
	// claimKeep is how long a delivered message's ID stays claimed, so a
	// reconcile never counts it for another entry with the same text. It
	// outlasts the match window with room for clock skew.
	claimKeep = 10 * time.Minute
	// maxAttempts bounds the attempt times kept per entry.
	maxAttempts = 8
)

// entryState is where an unsent message stands.
type entryState string

const (
	// stateQueued: nothing reached the server; safe to send.
	stateQueued entryState = "queued"
	// stateUnknown: an attempt may have reached the server; reconcile by
	// reading the conversation before any resend.
	stateUnknown entryState = "unknown"
	// stateFailed: the server refused it; it waits for retry or discard.
	stateFailed entryState = "failed"
)

// outboxEntry is one message on its way. Exported fields are the file
// format.
type outboxEntry struct {
	ID         string     `json:"id"`
	ConvID     string     `json:"conversationId"`
	PeerHandle string     `json:"peerHandle"`
	PeerID     string     `json:"peerId,omitempty"`
	Text       string     `json:"text"`
	CreatedAt  time.Time  `json:"createdAt"`
	State      entryState `json:"state"`
	Reason     string     `json:"reason,omitempty"`
	// Attempts are the times of sends that may have reached the server
	// (made, and not refused for being offline or rate limited); a
	// reconcile matches a server message created near any of them.
	Attempts []time.Time `json:"attempts,omitempty"`
	// Sending is set while a step for the entry is in flight. An entry
	// reloaded with it set was being sent when the program stopped, so its
	// outcome is unknown.
	Sending bool `json:"sending,omitempty"`

	ver int // bumped on every change; part of the render cache key
	// quiet marks a step planned by a poll: it may not run (an earlier
	// call of the poll can fail), so the entry keeps showing its state
	// rather than "sending…", and an offline poll changes nothing on
	// screen.
	quiet bool
}

// claim is a delivered message's ID, kept for claimKeep.
type claim struct {
	ID string    `json:"id"`
	At time.Time `json:"at"`
}

// outboxData is the outbox file.
type outboxData struct {
	Version int           `json:"version"`
	Entries []outboxEntry `json:"entries"`
	Claimed []claim       `json:"claimed,omitempty"`
}

// outbox is the pane's unsent messages, oldest first.
type outbox struct {
	entries []*outboxEntry
	claimed map[string]time.Time // delivered message IDs
	store   *outboxStore         // nil keeps the outbox in memory
	loaded  bool                 // the file was read (or there is none)
	dirty   bool                 // changed before loading; save after
	gen     uint64               // bumped per snapshot; drops stale saves
	// busy is set while a step is in flight: one at a time.
	busy      bool
	busySince time.Time
}

func newOutbox(path string) *outbox {
	b := &outbox{claimed: map[string]time.Time{}}
	if path != "" {
		b.store = &outboxStore{path: path, file: privfile.Ordered{Path: path}}
	} else {
		b.loaded = true
	}
	return b
}

// find returns the entry with this ID.
func (b *outbox) find(id string) *outboxEntry {
	for _, e := range b.entries {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// remove drops an entry.
func (b *outbox) remove(e *outboxEntry) {
	if i := slices.Index(b.entries, e); i >= 0 {
		b.entries = slices.Delete(b.entries, i, i+1)
	}
}

// waiting reports whether an entry waits for the network or its turn
// (queued with a reason, or unconfirmed): new messages queue behind it.
func (b *outbox) waiting() bool {
	for _, e := range b.entries {
		if !e.Sending && (e.State == stateUnknown || e.State == stateQueued && e.Reason != "") {
			return true
		}
	}
	return false
}

// count is the number of unsent messages in a conversation.
func (b *outbox) count(convID string) int {
	n := 0
	for _, e := range b.entries {
		if e.ConvID == convID {
			n++
		}
	}
	return n
}

// snapshot copies the outbox for a save, dropping claims past claimKeep.
func (b *outbox) snapshot(now time.Time) outboxData {
	d := outboxData{Version: outboxVersion, Entries: make([]outboxEntry, 0, len(b.entries))}
	for _, e := range b.entries {
		c := *e
		c.Attempts = slices.Clone(e.Attempts)
		d.Entries = append(d.Entries, c)
	}
	for id, at := range b.claimed {
		if now.Sub(at) > claimKeep {
			delete(b.claimed, id)
			continue
		}
		d.Claimed = append(d.Claimed, claim{ID: id, At: at})
	}
	slices.SortFunc(d.Claimed, func(a, b claim) int { return a.At.Compare(b.At) })
	return d
}

// nextSave returns the generation and snapshot of a save, or ok false when
// there is nothing to save to or the file has not been read yet (the save
// then happens after loading, so the file's entries are never lost).
func (b *outbox) nextSave(now time.Time) (gen uint64, snap outboxData, ok bool) {
	if b.store == nil {
		return 0, outboxData{}, false
	}
	if !b.loaded {
		b.dirty = true
		return 0, outboxData{}, false
	}
	b.gen++
	return b.gen, b.snapshot(now), true
}

// newEntryID returns a random ID, unique across restarts.
func newEntryID() string { return "o-" + rand.Text() }

// outboxStore reads and writes the outbox file. Saves run in tea.Cmds, so
// several may be in flight; each carries a generation and a save older than
// the last one written is skipped (privfile.Ordered).
type outboxStore struct {
	path string
	file privfile.Ordered
}

// save writes data privately and atomically, unless a newer generation
// was written already.
func (s *outboxStore) save(gen uint64, data outboxData) error {
	return s.file.SaveJSON(gen, data)
}

// errUnreadable says the outbox file could not be parsed; it was moved
// aside so a new one can be written without losing it.
var errUnreadable = errors.New("the outbox file was unreadable")

// load reads the file; a missing file is an empty outbox. A file that does
// not parse is renamed to <name>.bad and reported with errUnreadable.
func (s *outboxStore) load() (outboxData, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return outboxData{}, nil
	}
	if err != nil {
		return outboxData{}, err
	}
	var d outboxData
	if err := json.Unmarshal(b, &d); err != nil {
		bad := s.path + ".bad"
		if rerr := os.Rename(s.path, bad); rerr != nil {
			return outboxData{}, rerr
		}
		return outboxData{}, fmt.Errorf("%w (kept as %s): %v", errUnreadable, filepath.Base(bad), err)
	}
	return d, nil
}

// loadOutbox reads the outbox file in a Cmd.
func (m *Model) loadOutbox() tea.Cmd {
	store := m.box.store
	if store == nil || m.box.loaded {
		return nil
	}
	return func() tea.Msg {
		d, err := store.load()
		return outboxLoadedMsg{file: d, err: err}
	}
}

// outboxLoaded merges the entries read from disk (older than any written
// in this session) and shows them pending in their conversations. An entry
// that was being sent when the program stopped may have been delivered: it
// is reconciled before any resend.
func (m *Model) outboxLoaded(msg outboxLoadedMsg) tea.Cmd {
	if m.box.loaded {
		return nil
	}
	var status tea.Cmd
	if msg.err != nil {
		status = views.Failed("couldn't read the outbox", msg.err)
		if !errors.Is(msg.err, errUnreadable) {
			// Writing now could destroy a file we cannot read: keep the
			// outbox in memory for this session.
			m.box.store = nil
			m.box.loaded = true
			return status
		}
	}
	m.box.loaded = true
	changed := m.box.dirty
	var restored []*outboxEntry
	for _, d := range msg.file.Entries {
		if d.ID == "" || d.Text == "" || m.box.find(d.ID) != nil {
			changed = true
			continue
		}
		e := d
		if e.Sending {
			e.Sending = false
			e.State = stateUnknown
			e.Reason = "the program stopped while sending"
			changed = true
		}
		if e.State != stateQueued && e.State != stateUnknown && e.State != stateFailed {
			e.State = stateUnknown
			changed = true
		}
		restored = append(restored, &e)
	}
	m.box.entries = append(restored, m.box.entries...)
	for _, c := range msg.file.Claimed {
		if _, ok := m.box.claimed[c.ID]; !ok && c.ID != "" {
			m.box.claimed[c.ID] = c.At
		}
	}
	for _, t := range m.threads {
		m.rebuildRows(t)
	}
	var save tea.Cmd
	if changed {
		m.box.dirty = false
		save = m.persist()
	}
	return tea.Batch(status, save)
}

// persist saves the outbox in a Cmd.
func (m *Model) persist() tea.Cmd {
	gen, snap, ok := m.box.nextSave(m.clock())
	if !ok {
		return nil
	}
	store := m.box.store
	return func() tea.Msg {
		return outboxSavedMsg{err: store.save(gen, snap)}
	}
}
