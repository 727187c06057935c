package feed

import (
	"imagine/api"
	"imagine/views"
)

// cacheKey identifies one rendering: what (kind, id, version), how wide,
// whether selected, plus one kind-specific number.
type cacheKey struct {
	kind  byte
	id    string
	ver   int
	width int
	sel   bool
	aux   int // comment depth, or the likers version of a post view
	media int // the previews version, for a post view with images
}

// renderCache keeps rendered lines so a frame only re-renders what changed.
type renderCache = views.RenderCache[cacheKey]

// syncCache aligns the cache with the current width and minute.
func (m *Model) syncCache() {
	m.cache.Sync(m.width, m.now().Unix()/60)
}

func (m *Model) renderer(sel bool, width int) renderer {
	p := m.pal[0]
	if sel {
		p = m.pal[1]
	}
	return renderer{m: m, pal: p, width: width}
}

// gutter prefixes lines with the selection mark (or blanks).
func (m *Model) gutter(lines []string, sel bool) []string {
	g := m.pal[0].gutter
	if sel {
		g = m.pal[1].gutter
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = g + l
	}
	return out
}

// listItem is a post as the list shows it, followed by a blank separator.
func (m *Model) listItem(e *entry, sel bool) []string {
	return m.cache.Get(cacheKey{kind: 'l', id: e.post.ID, ver: e.ver, width: m.width, sel: sel}, func() []string {
		lines := m.gutter(m.renderer(sel, m.width-2).post(&e.post, false), sel)
		return append(lines, "")
	})
}

// listHeight is the height of a post in the list.
func (m *Model) listHeight(e *entry) int { return len(m.listItem(e, false)) }

// agentItem is one agent row of a list.
func (m *Model) agentItem(a *api.Agent, sel bool) []string {
	return m.cache.Get(cacheKey{kind: 'a', id: a.Handle, width: m.width, sel: sel}, func() []string {
		lines := m.gutter(m.renderer(sel, m.width-2).agent(a), sel)
		return append(lines, "")
	})
}
