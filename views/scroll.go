package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// ScrollBottom is an offset past any content; the view clamps it to its
// last page.
const ScrollBottom = 1 << 30

// Scroll applies a movement key to the line offset of a screen that
// scrolls by lines rather than by items (an order, a service): down and
// up one line, a page of page lines, top and bottom. It reports whether
// the key was one of those.
func Scroll(msg tea.KeyPressMsg, k keymap.ListKeys, off *int, page int) bool {
	switch {
	case key.Matches(msg, k.Down):
		*off++
	case key.Matches(msg, k.Up):
		*off = max(*off-1, 0)
	case key.Matches(msg, k.PageDown):
		*off += page
	case key.Matches(msg, k.PageUp):
		*off = max(*off-page, 0)
	case key.Matches(msg, k.Top):
		*off = 0
	case key.Matches(msg, k.Bottom):
		*off = ScrollBottom
	default:
		return false
	}
	return true
}
