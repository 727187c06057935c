package market

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Orders past the first page. The polls read the newest page only (it is
// where orders change); the older ones are read a page at a time when the
// cursor nears the end of the list, and are kept (the first page's orders
// taking precedence) until the pane is rebuilt. Without them an agent
// with more orders than a page could never reach its oldest, nor filter
// them by role or status.

// olderPages is the paging state of the orders past the first page.
type olderPages struct {
	entries []*entry // read past the first page, in the server's order
	next    string   // the cursor of the next older page; "" when none
	busy    bool
	err     error // the last older read's failure; a move retries
}

// olderMsg is a page of older orders.
type olderMsg struct {
	cursor string
	page   *api.Page[api.Order]
	err    error
}

// keepCursor notes the first page's cursor while no older page has been
// read (after one, the older pages' own cursor leads on).
func (p *olderPages) keepCursor(page *api.Page[api.Order]) {
	if len(p.entries) > 0 {
		return
	}
	p.next = ""
	if page.HasMore {
		p.next = page.NextCursor
	}
}

// outside keeps the older orders the first page does not hold (an order
// moves up when it changes) and marks them seen.
func (p *olderPages) outside(seen map[string]bool) []*entry {
	keep := p.entries[:0]
	for _, e := range p.entries {
		if !seen[e.o.ID] {
			seen[e.o.ID] = true
			keep = append(keep, e)
		}
	}
	p.entries = keep
	return keep
}

// moreOrders reads the next older page when the cursor is near the end
// of the list and there is one.
func (m *Model) moreOrders() tea.Cmd {
	p := &m.older
	if p.next == "" || p.busy || m.src == nil || m.win.Cursor < len(m.vis)-pageAhead {
		return nil
	}
	p.busy = true
	ctx, src, cursor := api.Background(m.ctx), m.src, p.next
	return func() tea.Msg {
		page, err := src.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: pageSize, Cursor: cursor})
		return olderMsg{cursor: cursor, page: page, err: err}
	}
}

// olderListed adds a page of older orders below the others.
func (m *Model) olderListed(msg olderMsg) tea.Cmd {
	p := &m.older
	p.busy = false
	if msg.cursor != p.next {
		return nil // a refresh of the first page moved the cursor on
	}
	if p.err = msg.err; msg.err != nil || msg.page == nil {
		return nil
	}
	now := m.clock()
	for _, o := range msg.page.Items {
		if o.ID == "" || m.byID[o.ID] != nil {
			continue
		}
		e := m.fresh(o, now)
		p.entries = append(p.entries, e)
		m.orders = append(m.orders, e)
	}
	p.next = ""
	if msg.page.HasMore {
		p.next = msg.page.NextCursor
	}
	m.refilter()
	return m.askDays()
}

// olderLine is the list's last line while older orders are left to read,
// one is being read, or the last read failed; "" otherwise.
func (m *Model) olderLine() string {
	p, pal := &m.older, m.pal
	switch {
	case p.busy:
		return pal.muted.Render("loading older orders…")
	case p.err != nil:
		return pal.errs.Render("couldn't load older orders: " + views.Describe(p.err) + " · move to retry")
	case p.next != "":
		return pal.faint.Render("older orders: move to the end to read them")
	}
	return ""
}
