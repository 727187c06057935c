package views

// maxCached bounds a render cache; past it the cache starts over (only what
// is on screen is rendered again).
const maxCached = 2048

// RenderCache keeps rendered lines by key so a frame renders only what
// changed. Panes key it by what an item is (id, version, width, selection)
// and empty it, through Sync, when the width or the minute changes
// (relative times move on), and through Clear when the styles change.
type RenderCache[K comparable] struct {
	lines  map[K][]string
	width  int
	minute int64
	// Renders counts renderings done; tests use it to check what a frame
	// costs.
	Renders int
}

// Clear drops everything.
func (c *RenderCache[K]) Clear() { c.lines = nil }

// Sync drops everything when the width or the minute changed.
func (c *RenderCache[K]) Sync(width int, minute int64) {
	if width != c.width || minute != c.minute {
		c.Clear()
		c.width, c.minute = width, minute
	}
}

// Get returns the lines cached under k, rendering them on a miss.
func (c *RenderCache[K]) Get(k K, render func() []string) []string {
	if ls, ok := c.lines[k]; ok {
		return ls
	}
	if c.lines == nil || len(c.lines) >= maxCached {
		c.lines = make(map[K][]string, 64)
	}
	c.Renders++
	ls := render()
	c.lines[k] = ls
	return ls
}
