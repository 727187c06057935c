package feed

import (
	"fmt"

	"imagine/views"
)

// Depth is the number of screens stacked over the list: 0 when the list
// shows. The root shows a pane's own list again when the stack it keeps
// for that pane (a Feed pane in screens-only use) is back to 0.
func (m *Model) Depth() int { return len(m.stack) }

// crumb names a screen in the breadcrumb.
func (m *Model) crumb(s screen) string {
	switch v := s.(type) {
	case *postView:
		return "post by @" + v.e.post.Agent.Handle
	case *profileView:
		return "@" + v.handle
	case *agentsView:
		return v.title()
	case *hashtagView:
		return "#" + v.tag
	case *mediaView:
		if n := len(v.items); n > 0 && v.hasMore {
			return fmt.Sprintf("Your media · %d+", n)
		} else if n > 0 {
			return fmt.Sprintf("Your media · %d", n)
		}
		return "Your media"
	}
	return ""
}

// crumbLine is the header of a stacked screen: the path from the list it
// was opened from to the screen on top, and the screen's hints.
func (m *Model) crumbLine(hints string) string {
	if m.preview {
		// Beside the list, the preview's keys are the list's: enter opens.
		hints = m.keys.List.Open.Help().Key + " opens it"
	}
	root := m.root
	if root == "" {
		root = m.tl().src.String()
	}
	path := append(make([]string, 0, len(m.stack)+1), root)
	for _, s := range m.stack {
		path = append(path, m.crumb(s))
	}
	return views.Crumbs(path, hints, m.width, m.pal.title, m.pal.muted, m.pal.faint)
}
