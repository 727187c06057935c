package notifications

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The `/` filter (views.Filter) narrows the rows the type filter shows to
// those whose actor, action or snippet hold every word typed. The pane
// filters its own rows (vis), so the query is one more test in refilter;
// chosen keeps the row selected when typing began, which esc returns to.

// queryText is what the `/` filter looks in: who, what they did, and the
// snippet of the post or comment.
func queryText(n *api.Notification) string {
	return strings.Join([]string{n.Actor.Name, "@" + handle(&n.Actor), action(n), snippet(n)}, "\n")
}

// shows reports whether the `/` filter keeps e.
func (m *Model) shows(e *entry) bool {
	if !m.query.Active() {
		return true
	}
	return m.query.Matches(e.fold.Get(e.ver, func() string { return queryText(&e.n) }))
}

// anchor is the row the selection should stay on, or be nearest to: the
// one chosen before typing began, while the query is typed.
func (m *Model) anchor() *entry {
	if m.query.Editing() && m.chosen != nil {
		return m.chosen
	}
	return m.selected()
}

// startQuery begins typing the `/` filter, or edits it again.
func (m *Model) startQuery() {
	if !m.query.Active() {
		m.chosen = m.selected()
	}
	m.query.Start(m.win)
	m.requery()
}

// requery applies a changed query: the selection (or, while typing, the
// row chosen before) stays when it still shows, else the nearest row that
// does, at the same place on screen.
func (m *Model) requery() {
	before := m.win
	idx, _ := m.rebuildVis(m.anchor())
	m.placeAt(idx, before)
}

// placeAt selects visible row idx (the top when -1), as many rows below
// the top of the view as the cursor was in before.
func (m *Model) placeAt(idx int, before views.Window) {
	if idx < 0 {
		m.win.Home()
	} else {
		m.win = views.Window{Cursor: idx, Top: max(idx-max(before.Cursor-before.Top, 0), 0)}
	}
	m.fixWindow()
}

// closeQuery drops the `/` filter: the row selected stays selected, or
// while typing, the one chosen before typing began.
func (m *Model) closeQuery() {
	target := m.anchor()
	before := m.win
	m.query.Clear()
	m.chosen = nil
	idx, _ := m.rebuildVis(target)
	m.placeAt(idx, before)
}

// queryInput types a key or a paste into the `/` filter.
func (m *Model) queryInput(msg tea.Msg) tea.Cmd {
	var ev views.FilterEvent
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		ev = m.query.Edit(msg)
	case tea.PasteMsg:
		ev = m.query.Paste(msg.Content)
	}
	switch ev {
	case views.FilterChanged:
		m.requery()
	case views.FilterApplied:
		// From now on the row under the cursor is the selection.
		m.chosen = nil
	case views.FilterClosed:
		m.closeQuery()
	case views.FilterIgnored:
	}
	return nil
}

// queryKey handles the list keys that concern the `/` filter: / starts or
// edits it, and esc drops it while it is applied. It reports whether it
// took the key.
func (m *Model) queryKey(msg tea.KeyPressMsg) bool {
	k := m.keys.List
	switch {
	case key.Matches(msg, k.Filter):
		m.startQuery()
	case m.query.Active() && key.Matches(msg, k.Back):
		m.closeQuery()
	default:
		return false
	}
	return true
}
