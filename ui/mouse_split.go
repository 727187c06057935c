package ui

import tea "charm.land/bubbletea/v2"

// The mouse in the split view (split.go): the body is the list on the
// left, the rule, and the detail on the right, drawn from splitWidths.

// bodyRects are the regions of the body: the focused pane's (the list,
// when split) and the split view's detail, empty unless it shows.
func (m *Model) bodyRects() (pane, detail rect) {
	b := m.lay.body
	if m.dialog != nil || m.showHelp || !m.splitting() {
		return b, rect{}
	}
	lw, dw := m.splitWidths()
	return rect{b.x, b.y, lw, b.h}, rect{b.x + lw + 1, b.y, dw, b.h}
}

// wheelDetail scrolls the detail shown beside the list.
func (m *Model) wheelDetail(dy int) tea.Cmd {
	key := m.split.shown
	d := m.split.details[key]
	if key == "" || d == nil || d.stack.CapturesInput() {
		return nil
	}
	c, ok := d.stack.(clicker)
	if !ok {
		return nil
	}
	return d.wrap(key, c.Wheel(dy))
}
