package feed

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Target is what enter would open in the list, for the root to show
// beside it in the split view: the selected post, handed over so it shows
// without a request. Nil while a screen or the composer is open; the link
// list (o) over the list leaves the preview of its post beside it.
func (m *Model) Target() tea.Msg {
	if m.Depth() > 0 || m.ComposerOpen() {
		return nil
	}
	if e := m.selected(); e != nil {
		p := e.Post
		return views.OpenPostMsg{PostID: p.ID, Post: &p}
	}
	return nil
}

// ShowsList reports whether the list is on screen rather than a screen
// over it or the composer: the root splits the view only for the list.
func (m *Model) ShowsList() bool { return m.Depth() == 0 && !m.ComposerOpen() }
