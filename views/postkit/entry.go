package postkit

import (
	"imagine/api"
	"imagine/views"
)

// Entry is one post held by the pane. Timelines and screens share entries
// by pointer, so an action shows everywhere at once; ver is bumped on every
// change and is part of the render cache key.
type Entry struct {
	Post api.Post
	Ver  int
	// Hole marks a timeline's placeholder for its dropped pages above the
	// list (earlier.go); err is why fetching them again failed.
	Hole bool
	Err  error
	// Fold is the post's text as the `/` filter compares it (filter.go).
	Fold views.Folded
}

// verStride spaces the versions of new entries: each starts past every
// version an earlier entry may have reached, so a post dropped and fetched
// again (a new entry) never meets a stale rendering of its old one in the
// render cache.
const verStride = 1 << 20

// NewEntry makes an entry whose versions no earlier entry used.
func (m *Kit) NewEntry(p api.Post) *Entry {
	m.vers += verStride
	return &Entry{Post: p, Ver: m.vers}
}

// Intern returns the shared entry for p, creating it or refreshing it with
// the server's newer copy.
func (m *Kit) Intern(p api.Post) *Entry {
	if e, ok := m.store[p.ID]; ok {
		m.RefreshEntry(e, p)
		return e
	}
	e := m.NewEntry(p)
	m.store[p.ID] = e
	return e
}

// PostByID returns the post with id if the kit holds it. The split view
// hands it to the next preview of the same post (a notification about
// another of its comments), which then need not fetch it again.
func (m *Kit) PostByID(id string) (api.Post, bool) {
	e, ok := m.store[id]
	if !ok || e.Hole {
		return api.Post{}, false
	}
	return e.Post, true
}

// RefreshEntry replaces e's post with a fresh copy from the server, unless
// an action on it is in flight (its optimistic state must stay until the
// answer comes).
func (m *Kit) RefreshEntry(e *Entry, p api.Post) {
	for k := likeKind; k <= amplifyKind; k++ {
		if m.busy[k.key(p.ID)] {
			return
		}
	}
	if !views.SamePost(&e.Post, &p) {
		e.Post = p
		e.Ver++
	}
}

// Held reports whether e is still needed though a timeline dropped it: the
// other timeline lists it, an open post view or a screen's list shows it,
// or an action on it waits for its answer (which updates it through the
// store).
func (m *Kit) Held(e *Entry) bool {
	id := e.Post.ID
	if m.host != nil && m.host.ListHolds(e) {
		return true
	}
	for k := likeKind; k <= amplifyKind; k++ {
		if m.busy[k.key(id)] {
			return true
		}
	}
	for _, s := range m.stack {
		if s.Holds(e) {
			return true
		}
	}
	return false
}
