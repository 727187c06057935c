package ui

import "github.com/charmbracelet/x/ansi"

// tabAt is the pane whose tab is drawn at column x of the tab bar: the
// tabs are measured from the same cells drawTabs joins, one space apart.
func (m *Model) tabAt(x int) (PaneID, bool) {
	at := 0
	for i, c := range m.tabCells(m.lay.tabs.w) {
		id := m.order[i]
		if i > 0 {
			at++ // the space between two tabs
		}
		w := ansi.StringWidth(c)
		if x >= at && x < at+w {
			return id, true
		}
		at += w
	}
	return 0, false
}
