package notifications

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Notifications pane (ui/mouse.go routes it here with
// coordinates relative to the pane): a click selects the notification on
// its row, a click on the selected one (or a double click) opens it by
// pressing enter, and the wheel presses j or k.

// Click selects the notification at row y; opened reports that it
// pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.CapturesInput() || !m.list.loaded {
		return nil, false
	}
	m.touch()
	m.jumpWanted = false // the operator moved on, as with a key
	m.list.chain = 0
	n, h, hf := len(m.vis), m.bodyHeight(), m.rowHeights()
	m.fixWindow() // the window as drawn
	hit, open := m.win.Click(y-len(m.header()), n, h, hf, double)
	switch {
	case !hit:
		return nil, false
	case open:
		press, ok := views.PressOf(m.keys.List.Open)
		if !ok {
			return nil, false
		}
		return m.Update(press), true
	}
	m.fixWindow()
	return m.maybeMore(), false
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
