package market

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Preview mode (Options.Preview): the order beside a list in the split
// view, as gh-dash shows a pull request beside its list. It is the
// stacked order screen made read-only: the order comes with the request
// when the list holds it (the Market's), so only its thread is read; a
// notification's order is found in a read of the newest orders first.
// It answers no keys but scrolling (the keys beside a list are the
// list's), acts on nothing and is not polled: the root hands it the
// list's newer copy of the order when the list has one (ui's
// resyncDetail), and it reads the thread again then.

// previewTrail heads a preview's breadcrumb, as a post's preview says.
var previewTrail = []string{"Selected"}

// previewOpen shows the order of msg: the list's copy when it came with
// it, or one found in a read of the newest orders. The same order asked
// again (the list's newer copy) is updated and its thread read again.
func (m *Model) previewOpen(msg views.OpenOrderMsg) tea.Cmd {
	if msg.Order == nil {
		if m.open != nil && m.open.id == msg.OrderID {
			return nil
		}
		return m.openFromElsewhere(msg.OrderID)
	}
	o, now := *msg.Order, m.clock()
	if e := m.byID[o.ID]; e != nil {
		m.withDays(&o)
		if sameShown(&e.o, &o) && m.open != nil && m.open.id == o.ID {
			return nil
		}
		m.update(e, o, now)
		if m.open != nil && m.open.id == o.ID {
			return m.fetchThread()
		}
		return m.openOrder(e)
	}
	e := m.fresh(o, now)
	m.orders, m.loaded = append(m.orders, e), true
	m.refilter()
	return m.openOrder(e)
}

// previewKey takes the keys that scroll the order; every other one is the
// list's.
func (m *Model) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.open == nil {
		return nil
	}
	lk := m.keys.List
	if key.Matches(msg, lk.Up, lk.Down, lk.PageUp, lk.PageDown, lk.Top, lk.Bottom) {
		return m.screenKey(msg)
	}
	return nil
}

// Loaded reports whether a preview shows all it read: the order and its
// thread, nothing failed. The split view keeps a preview the cursor
// leaves only when it loaded (ui's split_fetch.go).
func (m *Model) Loaded() bool {
	return m.open != nil && m.open.thread.Loaded && m.open.msgsErr == nil
}

// previewTrailIf is a preview's breadcrumb head, nil for any other Model
// (a stacked one is given its pane's by the root).
func previewTrailIf(preview bool) []string {
	if preview {
		return previewTrail
	}
	return nil
}

// Target implements ui's Targeter: what enter opens for the selected
// order, with the order itself, for the preview beside the list; nil on
// the services and the money, which are not previewed.
func (m *Model) Target() tea.Msg {
	if m.stacked || m.section != sectionOrders || m.open != nil {
		return nil
	}
	e := m.selected()
	if e == nil {
		return nil
	}
	o := e.o
	return views.OpenOrderMsg{OrderID: o.ID, Order: &o}
}

// Here is the order the operator is at: the one open, else the one
// selected in the orders list (nil for none). `imagine serve` tells the
// other operators at the same one.
func (m *Model) Here() tea.Msg {
	if m.open != nil {
		return views.OpenOrderMsg{OrderID: m.open.id}
	}
	if m.preview || m.section != sectionOrders {
		return nil
	}
	if e := m.selected(); e != nil {
		return views.OpenOrderMsg{OrderID: e.o.ID}
	}
	return nil
}
