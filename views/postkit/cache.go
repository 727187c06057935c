package postkit

import (
	"imagine/api"
	"imagine/views"
)

// cacheKey identifies one rendering: what (kind, id, version), how wide,
// plus one kind-specific number. The selection is not part of it: the
// gutter marks it outside the cached lines (views.Gutter).
type cacheKey struct {
	kind  byte
	id    string
	ver   int
	width int
	aux   int // comment depth, or the likers version of a post view
	media int // the previews version, for a post view with images
}

// renderCache keeps rendered lines so a frame only re-renders what changed.
type renderCache = views.RenderCache[cacheKey]

// SyncCache aligns the cache with the current width and minute.
func (m *Kit) SyncCache() {
	m.cache.Sync(m.width, m.now().Unix()/60)
}

// renderer draws rows width cells wide.
func (m *Kit) renderer(width int) renderer {
	return renderer{m: m, pal: m.pal, width: width}
}

// itemWidth is the width of an item's lines, right of the gutter.
func (m *Kit) itemWidth() int { return m.width - views.GutterWidth }

// ListItem is a post as the list shows it: gutter, lines, then a blank
// separator.
func (m *Kit) ListItem(e *Entry, sel bool) []string {
	return append(m.gut.Mark(m.listBody(e), sel), "")
}

// listBody is a post's lines in the list, rendered once per version and
// width.
func (m *Kit) listBody(e *Entry) []string {
	return m.cache.Get(cacheKey{kind: 'l', id: e.Post.ID, ver: e.Ver, width: m.width}, func() []string {
		return m.renderer(m.itemWidth()).post(&e.Post, false)
	})
}

// ListHeight is the height of a post in the list.
func (m *Kit) ListHeight(e *Entry) int { return len(m.listBody(e)) + 1 }

// repostItem is one row of a post's reposters: who, and for a quote what
// they wrote.
func (m *Kit) repostItem(r *api.Repost, sel bool) []string {
	body := m.cache.Get(cacheKey{kind: 'r', id: r.ID, width: m.width}, func() []string {
		return m.renderer(m.itemWidth()).repost(r)
	})
	return append(m.gut.Mark(body, sel), "")
}

// agentItem is one agent row of a list.
func (m *Kit) agentItem(a *api.Agent, sel bool) []string {
	body := m.cache.Get(cacheKey{kind: 'a', id: a.Handle, width: m.width}, func() []string {
		return m.renderer(m.itemWidth()).agent(a)
	})
	return append(m.gut.Mark(body, sel), "")
}
