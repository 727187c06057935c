package market

import (
	"context"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// entry is one order held by the pane; ver is bumped when what its row
// shows changes (part of the render cache key).
type entry struct {
	o    api.Order
	ver  int
	role role
	need string // what it needs of the operator now, "" for nothing
	fold views.Folded
	// seen are the status changes the client saw (timeline.go).
	seen []seenStep
}

// fresh is a new entry for o, held in byID.
func (m *Model) fresh(o api.Order, now time.Time) *entry {
	m.withDays(&o)
	e := &entry{}
	m.byID[o.ID] = e
	m.update(e, o, now)
	return e
}

// update gives e the order o (its days already known) and what follows
// from it: its role and what it needs of the operator.
func (m *Model) update(e *entry, o api.Order, now time.Time) {
	e.setOrder(o)
	e.ver++
	e.role = roleOf(&e.o, m.me)
	e.need = need(&e.o, e.role, now)
}

// roleFilters are the role filter's steps.
var roleFilters = []role{roleNone, roleSeller, roleBuyer}

// listMsg is a poll's answer: the orders list.
type listMsg struct {
	page *api.Page[api.Order]
	err  error
	// thread is the open order's thread read with the list on a manual
	// refresh.
	thread *threadMsg
	// then reads what else a manual refresh reads (the services, the
	// money) once the list is in: the root hands a poll's one message to
	// the pane, so a batch there would be dropped.
	then tea.Cmd
	// want is the order this read was made to open (openFromElsewhere).
	want string
}

// Err lets the root classify a failed poll.
func (m listMsg) Err() error { return m.err }

// threadMsg is a page of the open order's thread: the newest, or the
// older one asked for.
type threadMsg struct {
	id    string
	page  *api.Page[api.OrderMessage]
	err   error
	older *views.OlderPage
}

// Err lets the root classify a failed poll.
func (m threadMsg) Err() error { return m.err }

// ForceRefresh makes the next Refresh read the list, and the open
// order's thread with it (manual refresh).
func (m *Model) ForceRefresh() { m.force = true }

// Refresh implements ui.Pane: one GET. On the list it is the orders list
// (every role, one page of 100); on an order's screen it is the thread,
// or the list when the list is pollEvery old, so the badge keeps its
// cadence.
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.src == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	ctx = api.Background(ctx)
	src := m.src
	if m.force {
		m.force = false
		open := ""
		if m.open != nil {
			open = m.open.id
		}
		var then tea.Cmd
		if m.inMoney() {
			// A manual refresh on Money reads the payouts and the
			// account again: the only way they are read after the switch.
			then = m.readMoney()
		}
		if m.inServices() {
			// A manual refresh on the services reads them again too.
			if m.svc.open != nil {
				then = m.readDetail(m.svc.open.svc.ID)
			} else {
				then = m.reloadServices()
			}
		}
		return func() tea.Msg {
			page, err := src.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: pageSize})
			msg := listMsg{page: page, err: err, then: then}
			if open != "" && err == nil {
				t := readNewest(ctx, src, open)()
				msg.thread = &t
			}
			return msg
		}
	}
	if m.threadTurn() {
		read := readNewest(ctx, src, m.open.id)
		return func() tea.Msg { return read() }
	}
	return func() tea.Msg {
		page, err := src.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: pageSize})
		return listMsg{page: page, err: err}
	}
}

// threadTurn says whether this poll reads the open order's thread rather
// than the list: while the screen is in use, unless the list is a poll
// old; once idle, every other poll.
func (m *Model) threadTurn() bool {
	s := m.open
	if s == nil || !m.focused || !m.loaded {
		return false
	}
	now := m.clock()
	if now.Sub(s.active) < activeFor {
		return now.Sub(m.listAt) < pollEvery-pollEvery/10
	}
	s.listNext = !s.listNext
	return !s.listNext
}

// Outdated: a list never loaded is fetched as soon as the pane shows.
func (m *Model) Outdated() bool { return m.src != nil && !m.loaded }

// servicesMsg is the services list read for delivery days.
type servicesMsg struct {
	page *api.Page[api.MarketService]
	err  error
}

// withDays fills an order's delivery days from its service when the
// server gave neither them nor a due date.
func (m *Model) withDays(o *api.Order) {
	if o.DueAt == nil && o.DeliveryDays == 0 {
		if d := m.days[o.ServiceID]; d > 0 {
			o.DeliveryDays = d
		} else if o.Service != nil && o.Service.DeliveryDays > 0 {
			o.DeliveryDays = o.Service.DeliveryDays
		}
	}
}

// askDays reads the services list once (one GET, 100 services) when some
// order has no due date to show.
func (m *Model) askDays() tea.Cmd {
	if m.daysAsked || m.src == nil {
		return nil
	}
	missing := false
	for _, e := range m.orders {
		if e.o.DueAt == nil && e.o.DeliveryDays == 0 && !e.o.Status.Final() {
			missing = true
			break
		}
	}
	if !missing {
		return nil
	}
	m.daysAsked = true
	ctx, src := api.Background(m.ctx), m.src
	return func() tea.Msg {
		page, err := src.Services(ctx, &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 100}})
		return servicesMsg{page: page, err: err}
	}
}

// gotDays applies the services list: due dates appear.
func (m *Model) gotDays(msg servicesMsg) {
	if msg.err != nil || msg.page == nil {
		return
	}
	for _, s := range msg.page.Items {
		if s.ID != "" && s.DeliveryDays > 0 {
			m.days[s.ID] = s.DeliveryDays
		}
	}
	for _, e := range m.orders {
		before := e.o.DeliveryDays
		m.withDays(&e.o)
		if e.o.DeliveryDays != before {
			e.ver++
		}
	}
	m.renew(m.clock())
	m.refilter()
}

// listed applies a list poll: orders are updated in place (their version
// bumped only when something shown changed), new ones added, gone ones
// dropped; the selected order stays selected.
func (m *Model) listed(msg listMsg) tea.Cmd {
	m.err = msg.err
	if msg.err != nil || msg.page == nil {
		if msg.want != "" && msg.want == m.wantOpen {
			m.wantOpen = ""
			return views.Failed("couldn't open the order", msg.err)
		}
		return nil
	}
	m.listAt = m.clock()
	first := !m.loaded
	m.loaded = true
	now := m.clock()
	seen := make(map[string]bool, len(msg.page.Items))
	orders := make([]*entry, 0, len(msg.page.Items))
	for _, o := range msg.page.Items {
		if o.ID == "" || seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		e := m.byID[o.ID]
		if e == nil {
			orders = append(orders, m.fresh(o, now))
			continue
		}
		m.withDays(&o)
		if !sameShown(&e.o, &o) {
			m.update(e, o, now)
		}
		orders = append(orders, e)
	}
	m.older.keepCursor(msg.page)
	orders = append(orders, m.older.outside(seen)...)
	for id := range m.byID {
		if !seen[id] {
			delete(m.byID, id)
		}
	}
	m.orders = orders
	m.renew(now) // an order in progress falls due as time passes
	for _, e := range orders {
		if e.need != "" && !m.needSeen[e.o.ID] {
			m.needSeen[e.o.ID] = true
			if !first {
				m.alerts++
			}
		} else if e.need == "" {
			delete(m.needSeen, e.o.ID)
		}
	}
	if m.open != nil {
		if e := m.byID[m.open.id]; e != nil && e.ver != m.open.orderVer {
			m.open.orderVer = e.ver
			m.open.ver++
		}
	}
	m.refilter()
	return tea.Batch(m.askDays(), m.openWanted(msg.want), m.forgetPaid())
}

// sameShown compares what a row or the order screen shows.
func sameShown(a, b *api.Order) bool {
	return a.Status == b.Status && a.UpdatedAt.Equal(b.UpdatedAt) && a.Price == b.Price &&
		a.Requirements == b.Requirements && a.Deliverables == b.Deliverables &&
		a.Buyer == b.Buyer && a.Seller == b.Seller && title(a) == title(b) &&
		a.RevisionsUsed == b.RevisionsUsed && a.Revisions == b.Revisions &&
		a.DeliveryDays == b.DeliveryDays && dueAt(a).Equal(dueAt(b)) && a.CreatedAt.Equal(b.CreatedAt)
}

// title is the order's service title, or its ID when the order names the
// service by ID only.
func title(o *api.Order) string {
	if o.Service != nil && o.Service.Title != "" {
		return o.Service.Title
	}
	if o.ServiceID != "" {
		return "service " + o.ServiceID
	}
	return "order " + o.ID
}

// renew re-evaluates what every order needs at now (an order in
// progress becomes late as time passes).
func (m *Model) renew(now time.Time) {
	for _, e := range m.orders {
		if n := need(&e.o, e.role, now); n != e.need {
			e.need = n
			e.ver++
		}
	}
}

// filterText is an order's text as the `/` filter compares it.
func (e *entry) filterText() string {
	o := &e.o
	cp := counterparty(o, e.role)
	return strings.Join([]string{title(o), cp.Name, "@" + cp.Handle, string(o.Status), views.Money(o.Price), e.need}, " ")
}

// counterparty is the other side of the order.
func counterparty(o *api.Order, r role) api.Agent {
	if r == roleSeller {
		return o.Buyer
	}
	return o.Seller
}

// refilter recomputes the rows shown, keeping the selected order selected
// once the operator has moved to it (browsed); before that, the first row.
func (m *Model) refilter() {
	var sel *entry
	if c := m.win.Cursor; m.browsed && c >= 0 && c < len(m.vis) {
		sel = m.vis[c]
	}
	rf := roleFilters[m.roleF]
	var st api.OrderStatus
	if m.statusF > 0 {
		st = api.OrderStatuses[m.statusF-1]
	}
	needs, rest := m.vis[:0:0], []*entry(nil)
	for _, e := range m.orders {
		if rf != roleNone && e.role != rf || st != "" && e.o.Status != st {
			continue
		}
		if m.query.Active() && !m.query.Matches(e.fold.Get(e.ver, e.filterText)) {
			continue
		}
		if e.need != "" {
			needs = append(needs, e)
		} else {
			rest = append(rest, e)
		}
	}
	m.nNeeds = len(needs)
	m.vis = append(needs, rest...)
	m.win.Cursor = 0
	for i, e := range m.vis {
		if e == sel {
			m.win.Cursor = i
			break
		}
	}
	m.win.Fix(len(m.vis), m.bodyHeight(), m.rowHeight)
}

// selectOrder puts the cursor on e's row, if shown, as the operator's
// place (browsed): an order opened from elsewhere or just placed.
func (m *Model) selectOrder(e *entry) {
	m.browsed = true
	if i := slices.Index(m.vis, e); i >= 0 {
		m.win.Cursor = i
	}
	m.win.Fix(len(m.vis), m.bodyHeight(), m.rowHeight)
}

// selected is the order under the cursor.
func (m *Model) selected() *entry {
	if len(m.vis) == 0 {
		return nil
	}
	return m.vis[min(m.win.Cursor, len(m.vis)-1)]
}

// rowHeight is a row's height: two lines, and a section title above the
// first row of each section.
func (m *Model) rowHeight(i int) int {
	if m.sectionStart(i) != "" {
		return 3
	}
	return 2
}

// sectionStart names the section row i opens, or "".
func (m *Model) sectionStart(i int) string {
	switch {
	case i == 0 && m.nNeeds > 0:
		return "Needs you"
	case i == m.nNeeds:
		return "Other orders"
	}
	return ""
}

// roleName and statusName describe the filters.
func (m *Model) roleName() string {
	switch roleFilters[m.roleF] {
	case roleSeller:
		return "selling"
	case roleBuyer:
		return "buying"
	}
	return "all roles"
}

func (m *Model) statusName() string {
	if m.statusF == 0 {
		return "any status"
	}
	return statusLabel(api.OrderStatuses[m.statusF-1])
}

// statusLabel is a status as people read it.
func statusLabel(s api.OrderStatus) string {
	return strings.ToLower(strings.ReplaceAll(string(s), "_", " "))
}
