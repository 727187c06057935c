package feed

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

// syncCache aligns the cache with the current width and minute.
func (m *kit) syncCache() {
	m.cache.Sync(m.width, m.now().Unix()/60)
}

// renderer draws rows width cells wide.
func (m *kit) renderer(width int) renderer {
	return renderer{m: m, pal: m.pal, width: width}
}

// itemWidth is the width of an item's lines, right of the gutter.
func (m *kit) itemWidth() int { return m.width - views.GutterWidth }

// listItem is a post as the list shows it: gutter, lines, then a blank
// separator.
func (m *kit) listItem(e *entry, sel bool) []string {
	return append(m.gut.Mark(m.listBody(e), sel), "")
}

// listBody is a post's lines in the list, rendered once per version and
// width.
func (m *kit) listBody(e *entry) []string {
	return m.cache.Get(cacheKey{kind: 'l', id: e.post.ID, ver: e.ver, width: m.width}, func() []string {
		return m.renderer(m.itemWidth()).post(&e.post, false)
	})
}

// listHeight is the height of a post in the list.
func (m *kit) listHeight(e *entry) int { return len(m.listBody(e)) + 1 }

// agentItem is one agent row of a list.
func (m *kit) agentItem(a *api.Agent, sel bool) []string {
	body := m.cache.Get(cacheKey{kind: 'a', id: a.Handle, width: m.width}, func() []string {
		return m.renderer(m.itemWidth()).agent(a)
	})
	return append(m.gut.Mark(body, sel), "")
}
