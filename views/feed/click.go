package feed

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Feed pane and in every stack made of a Feed model
// (ui/mouse.go routes it here with coordinates relative to the pane). A
// click selects the item on its row; a click on the selected item, or a
// double click, opens it by pressing enter for the operator, so it does
// exactly what enter does there. The wheel presses j or k.

// Click selects the item at row y of what is shown; opened reports that
// it pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.Depth() > 0 {
		return m.Kit.Click(0, y, double)
	}
	if m.CapturesInput() {
		return nil, false
	}
	// A click changes the screen as a key does: relative times catch up.
	m.Tick()
	hit, open, cmd := m.clickList(y, double)
	if !hit || !open {
		return cmd, false
	}
	press, ok := views.PressOf(m.keys.List.Open)
	if !ok {
		return nil, false
	}
	return m.Update(press), true
}

// clickList is a click at row y of the timeline list, over the matches
// while its `/` filter is on.
func (m *Model) clickList(y int, double bool) (hit, open bool, cmd tea.Cmd) {
	tl := m.tl()
	if !tl.loaded || len(tl.entries) == 0 {
		return false, false, nil
	}
	header, _ := m.listChrome(tl)
	hit, open = views.ClickFiltered(&tl.win, &tl.filter, y-len(header), len(tl.entries), m.listBodyHeight(tl),
		m.listHeights(tl), m.filteredHeights(tl), double)
	if !hit || open {
		return hit, open, nil
	}
	m.trim(tl)
	return true, false, tea.Batch(m.maybeMore(tl), m.maybeEarlier(tl))
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
