package messages

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Messages pane (ui/mouse.go routes it here with
// coordinates relative to the pane). In the conversation list a click
// selects a conversation and a click on the selected one (or a double
// click) opens it; in a conversation a click selects a message and a
// click on the selected one presses enter there too, which opens the
// reply. The wheel presses j or k.

// Click selects the conversation or message at row y; opened reports
// that it pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.CapturesInput() {
		return nil, false
	}
	if m.stacked {
		y-- // under the breadcrumb's line
	}
	m.shown = m.clock()
	m.syncCache()
	if m.want == wantUnread {
		m.want = "" // the operator moved on before the list arrived, as with a key
	}
	var hit, open bool
	if t := m.open; t != nil {
		hit, open, cmd = m.clickThread(t, y, double)
	} else {
		hit, open, cmd = m.clickList(y, double)
	}
	if !hit || !open {
		return cmd, false
	}
	press, ok := views.PressOf(m.keys.List.Open)
	if !ok {
		return nil, false
	}
	return m.Update(press), true
}

// clickList is a click at row y of the conversation list.
func (m *Model) clickList(y int, double bool) (hit, open bool, cmd tea.Cmd) {
	l := &m.list
	if !l.loaded {
		return false, false, nil
	}
	hit, open = views.ClickFiltered(&l.win, &l.filter, y-len(m.listHeader()), len(l.entries), m.listBodyHeight(),
		convHeights, convHeights, double)
	if !hit || open {
		return hit, open, nil
	}
	return true, false, m.maybeMoreList()
}

// clickThread is a click at row y of the open conversation, whose rows
// are pushed down to the bottom of the view while they do not fill it.
func (m *Model) clickThread(t *thread, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n, h, hf := len(t.rows), m.threadBodyHeight(), m.rowHeights(t)
	if n == 0 {
		return false, false, nil
	}
	row := y - len(m.threadHeader(t))
	// The rows drawn (the matches while the `/` filter is on) sit against
	// the bottom of the view when they do not fill it.
	drawn, fh := t.win, hf
	if f := &t.filter; f.Active() {
		fh = m.matchHeights(t)
		f.Win.Fix(f.Len(), h, fh)
		drawn, n = f.Win, f.Len()
	} else {
		m.place(t, h) // the window as drawn
		drawn = t.win
	}
	if drawn.Top == 0 && drawn.Skip == 0 {
		row -= h - drawn.Drawn(n, h, fh)
	}
	hit, open = views.ClickFiltered(&t.win, &t.filter, row, len(t.rows), h, hf, fh, double)
	if !hit || open {
		return hit, open, nil
	}
	return true, false, m.maybeOlder(t)
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
