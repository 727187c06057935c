package market

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Orders opened from elsewhere (views.OpenOrderMsg: a marketplace
// notification) arrive here through the root, which brings the pane on
// screen. The order's screen opens over the orders list; an order the
// pane does not hold yet (newer than its last poll) is looked for in a
// list read made at once.

// openFromElsewhere shows order id's screen.
func (m *Model) openFromElsewhere(id string) tea.Cmd {
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	m.section = sectionOrders
	m.refilter()
	if e := m.byID[id]; e != nil {
		return m.reopen(e)
	}
	if m.src == nil {
		return nil
	}
	m.wantOpen = id
	ctx, src := m.ctx, m.src // the operator's own read, not a poll
	return func() tea.Msg {
		page, err := src.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: pageSize})
		return listMsg{page: page, err: err, want: id}
	}
}

// reopen opens e's screen, or reads its thread again when it is open;
// its row is selected, so esc comes back to it.
func (m *Model) reopen(e *entry) tea.Cmd {
	m.wantOpen = ""
	m.selectOrder(e)
	if m.open != nil && m.open.id == e.o.ID {
		m.open.active = m.clock()
		return m.fetchThread()
	}
	return m.openOrder(e)
}

// openWanted opens the order asked for once a list holds it; the list
// read for it (want) says so when it does not.
func (m *Model) openWanted(want string) tea.Cmd {
	if m.wantOpen == "" {
		return nil
	}
	if e := m.byID[m.wantOpen]; e != nil {
		return m.reopen(e)
	}
	if want == m.wantOpen && m.src != nil {
		// Older than the newest page: read on its own.
		ctx, src, id := m.ctx, m.src, want
		return func() tea.Msg {
			o, err := src.Order(ctx, id)
			return orderReadMsg{id: id, order: o, err: err}
		}
	}
	return nil
}

// orderReadMsg is an order asked for by ID, not among the newest.
type orderReadMsg struct {
	id    string
	order *api.Order
	err   error
}

// orderRead opens the order read by ID, if it is still the one wanted.
func (m *Model) orderRead(msg orderReadMsg) tea.Cmd {
	if msg.id != m.wantOpen {
		return nil
	}
	if msg.err != nil || msg.order == nil {
		m.wantOpen = ""
		return views.Failed("couldn't open the order", msg.err)
	}
	e := m.byID[msg.order.ID]
	if e == nil {
		e = m.fresh(*msg.order, m.clock())
		m.orders = append(m.orders, e)
		m.refilter()
	}
	return m.reopen(e)
}
