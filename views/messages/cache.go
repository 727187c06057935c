package messages

// maxCached bounds the render cache; past it the cache starts over (only
// what is on screen is rendered again).
const maxCached = 2048

// cacheKey identifies one rendering: what (kind, id, version), how wide,
// whether selected, plus one kind-specific number (the day separator of a
// message, the unsent count of a conversation).
type cacheKey struct {
	kind  byte
	id    string
	ver   int
	width int
	sel   bool
	aux   int
}

// renderCache keeps rendered lines so a frame only renders what changed.
// It is emptied when the width, the styles, the identity or the minute
// change (relative times and day names move on), and when it grows past
// maxCached.
type renderCache struct {
	lines   map[cacheKey][]string
	width   int
	minute  int64
	renders int // renderings done; tests use it to check the cost of a frame
}

func (c *renderCache) clear() { c.lines = nil }

// sync drops everything when the width or the minute changed.
func (c *renderCache) sync(width int, minute int64) {
	if width != c.width || minute != c.minute {
		c.clear()
		c.width, c.minute = width, minute
	}
}

func (c *renderCache) get(k cacheKey, render func() []string) []string {
	if ls, ok := c.lines[k]; ok {
		return ls
	}
	if c.lines == nil || len(c.lines) >= maxCached {
		c.lines = make(map[cacheKey][]string, 64)
	}
	c.renders++
	ls := render()
	c.lines[k] = ls
	return ls
}

// syncCache aligns the cache with the current width and minute.
func (m *Model) syncCache() {
	m.cache.sync(m.width, m.now().Unix()/60)
}
