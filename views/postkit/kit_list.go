package postkit

import (
	"context"
	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"time"

	"github.com/charmbracelet/x/ansi"
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

// Agents is the agents service the kit was built with (Options.Agents),
// for the screens that read agents (a profile).
func (m *Kit) Agents() Agents { return m.agents }

// Previewing reports a kit that shows beside a list (the split view): its
// screens fetch only what they show at once.
func (m *Kit) Previewing() bool { return m.preview }

// Styles are the theme's styles, for a screen's own lines.
func (m *Kit) Styles() *theme.Styles { return m.styles }

// Has reports whether the kit holds the post id.
func (m *Kit) Has(id string) bool { return m.store[id] != nil }

// Renderer draws a screen's own lines as the kit draws posts: Width cells
// wide, right of the gutter.
type Renderer struct{ r renderer }

// Width is how wide a line is.
func (r Renderer) Width() int { return r.r.width }

// Fit pads or cuts one line to the width.
func (r Renderer) Fit(line string) string { return r.r.fit(line) }

// Full is text read in full (a bio), as markdown, in lines of the width.
func (r Renderer) Full(text string) []string { return r.r.full(text) }

// Cached is a screen's own lines (a profile card), rendered by render
// once per kind, id, version and width: kind is a letter the kit's own
// renderings do not use ('p' for a profile card).
func (m *Kit) Cached(kind byte, id string, ver int, render func(Renderer) []string) []string {
	return m.cache.Get(cacheKey{kind: kind, id: id, ver: ver, width: m.width}, func() []string {
		return render(Renderer{m.renderer(m.itemWidth())})
	})
}

// Mark puts the gutter beside lines, marked when sel: the selection is
// drawn there only, so moving it changes a few cells.
func (m *Kit) Mark(lines []string, sel bool) []string { return m.gut.Mark(lines, sel) }

// Rule is a short rule around label ("── Liked posts ──"), under which a
// screen lists something. It stops after the label rather than running
// across the width: a full-width rule is three bytes a cell, written again
// each time the screen opens or the split view's detail changes, and the
// label is what the eye looks for.
func (m *Kit) Rule(label string) []string {
	return m.cache.Get(cacheKey{kind: 'R', id: label, width: m.width}, func() []string {
		return []string{m.pal.faint.Render(ansi.Truncate(label+"──", m.width, ""))}
	})
}

// Posts is the posts service the kit was built with (Options.Posts), for
// the screens that read posts (a post's comments and likers).
func (m *Kit) Posts() Posts { return m.posts }

// Width is the width of the screens, in cells.
func (m *Kit) Width() int { return m.width }

// FullPost is a post as the post view shows it, right of the gutter: read
// in full, with its image previews, and extra (the "liked by" line) under
// it; rendered once per version of the post, of its previews and of the
// extra line (extraVer).
func (m *Kit) FullPost(e *Entry, extraVer int, extra string) []string {
	k := cacheKey{kind: 'P', id: e.Post.ID, ver: e.Ver, width: m.width, aux: extraVer}
	if len(imageURLs(&e.Post)) > 0 {
		k.media = m.previewVer
	}
	return m.cache.Get(k, func() []string {
		r := m.renderer(m.itemWidth())
		return append(r.post(&e.Post, true), r.fit(r.pal.muted.Render(extra)))
	})
}

// CommentLines is a comment of a tree, indented by depth, right of the
// gutter; the operator's own say so.
func (m *Kit) CommentLines(c *api.Comment, depth int) []string {
	return m.cache.Get(cacheKey{kind: 'c', id: c.ID, width: m.width, aux: depth}, func() []string {
		return m.renderer(m.itemWidth()).comment(c, depth, m.IsMe(c.Agent.Handle))
	})
}
