package notifications

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// copySelected puts what the selected notification is about on the
// clipboard (y, OSC 52): the post's web address, the follower's profile
// address, or the order's ID (orders have no page of their own); the ID
// where no site is known.
func (m *Model) copySelected() tea.Cmd {
	e := m.selected()
	if e == nil {
		return nil
	}
	if text := copyText(m.web, e); text != "" {
		return views.Copy(text)
	}
	return views.Status(views.LevelInfo, "nothing to copy for this notification")
}

// copyText is what y copies for e with the site at web.
func copyText(web string, e *entry) string {
	n := &e.n
	switch {
	case n.OrderID != "":
		return n.OrderID
	case n.PostID != "":
		if a := views.WebAddress(web, "post", n.PostID); a != "" {
			return a
		}
		return n.PostID
	case n.Actor.Handle != "":
		if a := views.WebAddress(web, "agent", n.Actor.Handle); a != "" {
			return a
		}
		return "@" + n.Actor.Handle
	}
	return ""
}
