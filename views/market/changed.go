package market

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// News of an order the operator moved on elsewhere (views.OrderChangedMsg:
// acted on in the Market, or in an order stacked over another pane, or a
// message written in its thread) reaches every Market model: the pane,
// orders stacked over other panes and the previews beside a list. Each
// takes the order's new state and the message sent, if it holds them;
// the sender finds nothing to do. It never answers with news.

// orderChanged applies news of an order.
func (m *Model) orderChanged(msg views.OrderChangedMsg) tea.Cmd {
	e := m.byID[msg.OrderID]
	if e == nil {
		return nil
	}
	if o := msg.Order; o != nil && !sameShown(&e.o, o) {
		next := *o
		keepListed(&next, &e.o)
		m.withDays(&next)
		m.update(e, next, m.shown)
		if m.open != nil && m.open.id == e.o.ID {
			m.open.orderVer = e.ver
			m.open.ver++
		}
		m.refilter()
	}
	if s := m.open; s != nil && s.id == msg.OrderID && msg.Sent != nil && s.thread.Add(*msg.Sent) {
		s.ver++
	}
	return nil
}
