package messages

import "imagine/views"

// cacheKey identifies one rendering: what (kind, id, version), how wide,
// plus one kind-specific number (the day separator of a message, the
// unsent count of a conversation). The selection is not part of it: the
// gutter marks it outside the cached lines (views.Gutter).
type cacheKey struct {
	kind  byte
	id    string
	ver   int
	width int
	aux   int
}

// renderCache keeps rendered lines; it is also emptied when the identity
// changes (day names and "you" labels move on).
type renderCache = views.RenderCache[cacheKey]

// syncCache aligns the cache with the current width and minute.
func (m *Model) syncCache() {
	m.cache.Sync(m.width, m.now().Unix()/60)
}
