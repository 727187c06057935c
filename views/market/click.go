package market

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The mouse in the Market pane (ui/mouse.go routes it here with
// coordinates relative to the pane): on the list a click selects the
// order on its row and a click on the selected one (or a double click)
// opens it; the wheel presses j or k, which scroll an open order.

// Click selects the order at row y; opened reports that it pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.inServices() {
		return m.clickService(y, double)
	}
	if m.inMoney() {
		return m.clickPayout(y), false
	}
	if m.CapturesInput() || m.open != nil || !m.loaded {
		return nil, false
	}
	m.touch()
	h := m.bodyHeight()
	m.win.Fix(len(m.vis), h, m.rowHeight)
	hit, open := m.win.Click(y-len(m.header()), len(m.vis), h, m.rowHeight, double)
	m.browsed = m.browsed || hit
	if !hit || !open {
		if hit {
			return m.moreOrders(), false
		}
		return nil, false
	}
	press, ok := views.PressOf(m.keys.List.Open)
	if !ok {
		return nil, false
	}
	return m.Update(press), true
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}

// clickService selects the service at row y; a click on the selected one
// (or a double click) opens it. Reaching near the end reads the next page.
func (m *Model) clickService(y int, double bool) (tea.Cmd, bool) {
	s := &m.svc
	if m.reviews() != nil {
		return m.clickReview(y), false
	}
	if m.CapturesInput() || s.open != nil || !s.loaded {
		return nil, false
	}
	m.touch()
	h := m.svcBodyHeight()
	s.win.Fix(len(s.items), h, svcRowHeight)
	hit, open := s.win.Click(y-len(m.servicesHeader()), len(s.items), h, svcRowHeight, double)
	if !hit {
		return nil, false
	}
	if !open {
		return m.moreServices(), false
	}
	press, ok := views.PressOf(m.keys.List.Open)
	if !ok {
		return nil, false
	}
	return m.Update(press), true
}

// clickPayout selects the payout at row y (a payout opens nothing);
// reaching near the end reads the next page.
func (m *Model) clickPayout(y int) tea.Cmd {
	mo := &m.money
	if m.CapturesInput() || !mo.loaded {
		return nil
	}
	m.touch()
	h := m.moneyBodyHeight()
	mo.win.Fix(len(mo.items), h, payoutRowHeight)
	if hit, _ := mo.win.Click(y-len(m.moneyHeader()), len(mo.items), h, payoutRowHeight, false); !hit {
		return nil
	}
	return m.morePayouts()
}
