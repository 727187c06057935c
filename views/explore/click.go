package explore

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Explore pane (ui/mouse.go routes it here with
// coordinates relative to the pane): a click selects the row under it, a
// click on the selected row (or a double click) opens it as enter does,
// and the wheel presses j or k.

// Click selects the row at y; opened reports that it pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	l := m.front()
	if m.CapturesInput() || len(l.vis) == 0 {
		return nil, false
	}
	top := len(m.header())
	if l.err != nil {
		top++ // the refresh error line above the rows
	}
	h := m.bodyHeight()
	if l.err != nil {
		h = max(h-1, 1)
	}
	hit, open := l.win.Click(y-top, len(l.vis), h, m.heights(l), double)
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
	return m.maybeMore(l), false
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
