package postkit

import (
	"context"
	"imagine/keymap"
	"imagine/views"
	"time"
)

// What the list under the stack (the Feed's timelines) uses of the kit:
// the clock the screens share with it, the entries, the rows it draws as
// the screens draw theirs, and whether the stack has the keys.

// SetHost tells the kit about the list under it; a kit on its own has
// none.
func (m *Kit) SetHost(h Host) { m.host = h }

// Now is the moment relative times are shown from, shared by the list
// and the screens so that they read the same.
func (m *Kit) Now() time.Time { return m.now() }

// Clock is the time now, as the kit's clock tells it.
func (m *Kit) Clock() time.Time { return m.clock() }

// Tick moves the moment shown to now: the screen changes anyway (a key, a
// result that changed it), so relative times catch up. A poll that brings
// nothing new does not tick, and its frame stays byte-identical.
func (m *Kit) Tick() {
	m.shown = m.clock()
	m.SyncCache()
}

// Keys are the key bindings the kit and its screens answer to.
func (m *Kit) Keys() *keymap.KeyMap { return m.keys }

// Context is the program's, which a screen's requests derive from.
func (m *Kit) Context() context.Context { return m.ctx }

// ComposerOpen reports whether the composer shows.
func (m *Kit) ComposerOpen() bool { return m.comp.IsOpen() }

// LinksOpen reports whether the link list (o) shows.
func (m *Kit) LinksOpen() bool { return m.links.IsOpen() }

// Stored is how many posts the kit holds, for the list and the screens
// together: what keeps the Feed's memory bounded (bound.go there).
func (m *Kit) Stored() int { return len(m.store) }

// Renders is how many renderings the kit's cache has made, and
// ClearRenders drops the ones it holds: what a frame costs, measured.
func (m *Kit) Renders() int { return m.cache.Renders }

// ClearRenders drops every rendering held, as new styles do.
func (m *Kit) ClearRenders() { m.cache.Clear() }

// Release drops e from the store once nothing holds it any more (a
// timeline dropped it, no screen shows it, no action on it waits).
func (m *Kit) Release(e *Entry) {
	if !e.Hole && m.store[e.Post.ID] == e && !m.Held(e) {
		delete(m.store, e.Post.ID)
	}
}

// HoleLines is the one line of a timeline's placeholder for its dropped
// pages, marked when selected: the posts being fetched again, or why that
// failed.
func (m *Kit) HoleLines(e *Entry, sel bool) []string {
	lines := m.cache.Get(cacheKey{kind: 'h', ver: e.Ver, width: m.width}, func() []string {
		r := m.renderer(m.itemWidth())
		text := r.pal.muted.Render("↑ loading…")
		if e.Err != nil {
			text = r.pal.errs.Render("↑ couldn't load earlier posts: " + views.Describe(e.Err) + " · move to retry")
		}
		return []string{r.fit(text)}
	})
	return m.gut.Mark(lines, sel)
}
