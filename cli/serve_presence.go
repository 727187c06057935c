package cli

import (
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"

	"imagine/ui"
)

// presenceHub knows where each session's operator is and tells every
// session who else is at the same conversation or order (ui.PresenceMsg).
type presenceHub struct {
	mu       sync.Mutex
	sessions map[*presenceEntry]struct{}
}

// presenceEntry is one session in the hub.
type presenceEntry struct {
	name  string
	where string
	send  func(tea.Msg)
}

// join adds a session; leave it with the returned function.
func (h *presenceHub) join(name string, send func(tea.Msg)) (e *presenceEntry, leave func()) {
	e = &presenceEntry{name: name, send: send}
	h.mu.Lock()
	if h.sessions == nil {
		h.sessions = map[*presenceEntry]struct{}{}
	}
	h.sessions[e] = struct{}{}
	h.mu.Unlock()
	return e, func() {
		h.mu.Lock()
		delete(h.sessions, e)
		h.mu.Unlock()
		h.broadcast()
	}
}

// move records where a session is and tells everyone.
func (h *presenceHub) move(e *presenceEntry, where string) {
	h.mu.Lock()
	e.where = where
	h.mu.Unlock()
	h.broadcast()
}

// broadcast sends each session the others at its place. Sends happen
// outside the lock: a program's Send may wait.
func (h *presenceHub) broadcast() {
	type out struct {
		send   func(tea.Msg)
		others []string
	}
	var outs []out
	h.mu.Lock()
	for e := range h.sessions {
		var others []string
		for o := range h.sessions {
			if o != e && e.where != "" && o.where == e.where && !slices.Contains(others, o.name) {
				others = append(others, o.name)
			}
		}
		slices.Sort(others)
		outs = append(outs, out{e.send, others})
	}
	h.mu.Unlock()
	for _, o := range outs {
		o.send(ui.PresenceMsg{Others: o.others})
	}
}
