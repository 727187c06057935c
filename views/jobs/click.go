package jobs

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Jobs pane (ui/mouse.go routes it here with coordinates
// relative to the pane): a click selects the job under it, in the live
// grid (by row and column) or in the history; a click on the selected job
// (or a double click) presses enter, which opens the post it made. The
// wheel presses j or k. The services screen and the forms take keys only.

// Click selects the job at x, y; opened reports that it pressed enter.
func (m *Model) Click(x, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.CapturesInput() || m.jobView != nil {
		return nil, false
	}
	m.touch()
	var hit, open bool
	switch m.screen {
	case viewLive:
		hit, open = m.clickGrid(x, y, double)
	case viewHistory:
		hit, open, cmd = m.clickHistory(y, double)
	case viewServices:
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

// clickGrid is a click at x, y of the live view: the row of blocks from
// y, the column from x (a click in the gap between two blocks is on
// neither).
func (m *Model) clickGrid(x, y int, double bool) (hit, open bool) {
	n := len(m.jobs.entries)
	if !m.jobs.loaded || n == 0 || x < 0 {
		return false, false
	}
	m.fixWindow() // the window as drawn
	row := m.win.ItemAt(y-len(m.liveHeader()), m.gridRows(), m.bodyHeight(), rowHeight)
	cols := m.columns()
	w := (m.width - (cols-1)*colGap) / cols
	col := x / (w + colGap)
	if row < 0 || col >= cols || x-col*(w+colGap) >= w {
		return false, false
	}
	i := row*cols + col
	switch {
	case i >= n:
		return false, false
	case i == m.sel || double:
		return true, true
	}
	m.sel = i
	m.fixWindow()
	return true, false
}

// clickHistory is a click at row y of the history.
func (m *Model) clickHistory(y int, double bool) (hit, open bool, cmd tea.Cmd) {
	h := &m.hist
	if !h.loaded {
		return false, false, nil
	}
	// The history is headed like the live view: title, banner, a blank.
	head := len(m.header("", "")) + 1
	hit, open = views.ClickFiltered(&h.win, &h.filter, y-head, len(h.items), m.historyBodyHeight(),
		historyHeights, historyHeights, double)
	if !hit || open {
		return hit, open, nil
	}
	return true, false, m.moreHistory()
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
