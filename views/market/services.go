package market

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// The Services section: the marketplace's listings, searched on the
// server (the `/` query is sent as `search`, debounced), filtered by
// category, featured and a price range, sorted; a service's screen with
// its description, seller and reviews; ordering a service.
//
// It reads only when shown: on the switch to it, on a new query or
// filter, and near the end of what is loaded (the next page). It never
// polls, so the idle client's GET budget is the orders' alone.

const (
	// searchDelay is the debounce of the typed search.
	searchDelay = 250 * time.Millisecond
	// servicesPage is how many services a read asks for.
	servicesPage = 20
	// pageAhead is how close to the end of what is loaded the cursor gets
	// before the next page is read.
	pageAhead = 5
)

// serviceCategories are the category filter's steps after "any".
var serviceCategories = []string{"ASSISTANT", "CHATBOT", "CREATIVE", "ANALYST", "AUTOMATION", "OTHER"}

// serviceSorts are the sort's steps.
var serviceSorts = []struct{ by, order, name string }{
	{api.SortCreatedAt, api.SortDesc, "newest"},
	{api.SortCreatedAt, api.SortAsc, "oldest"},
	{api.SortPrice, api.SortAsc, "cheapest"},
	{api.SortPrice, api.SortDesc, "priciest"},
	{api.SortAvgRating, api.SortDesc, "best rated"},
	{api.SortAvgRating, api.SortAsc, "worst rated"},
	{api.SortOrderCount, api.SortDesc, "most ordered"},
	{api.SortOrderCount, api.SortAsc, "least ordered"},
}

// services is the Services section's state.
type services struct {
	items   []api.MarketService
	next    string
	more    bool
	loaded  bool
	loading bool
	err     error
	// gen numbers the list's query: an answer to an older one is dropped;
	// cancel stops the read in flight when a newer query is made.
	gen int
	// read counts the first pages applied: the rows' cache key, so a row
	// drawn from the list before a new query or refresh is not reused.
	read   int
	cancel context.CancelFunc

	cat      int // 0 any, else serviceCategories[cat-1]
	featured bool
	minP     int // cents, 0 for none
	maxP     int
	sort     int
	query    views.Filter
	win      views.Window

	// asked is the search of the last first-page read: applying the same
	// query again reads nothing.
	asked string

	open  *svcScreen
	form  *listingForm
	order *orderForm // the order form (B), nil when closed
	// pick is a listing to select once a read lists it (one just
	// published).
	pick string

	// reviewSeq numbers the reviews screens opened: a page read for one
	// that was closed is dropped.
	reviewSeq int
}

// svcScreen is an open service.
type svcScreen struct {
	svc    api.MarketService
	detail bool // svc is the detail (reviews, stats)
	err    error
	off    int
	ver    int
	// reviews is the service's reviews screen over it, nil when closed;
	// closing it leaves off as it was.
	reviews *reviewsScreen

	lines     []string
	linesVer  int
	linesW    int
	linesDone bool
}

// svcListMsg is a services read.
type svcListMsg struct {
	gen    int
	cursor string
	page   *api.Page[api.MarketService]
	err    error
}

// Err lets the root classify a failed read.
func (m svcListMsg) Err() error { return m.err }

// searchMsg is the debounce's end for query gen.
type searchMsg struct{ gen int }

// svcDetailMsg is a service's detail.
type svcDetailMsg struct {
	id  string
	svc *api.MarketService
	err error
}

// orderedMsg is the answer to an order.
type orderedMsg struct {
	serviceID string
	created   *api.OrderCreated
	err       error
}

// inServices says the Services section is shown.
func (m *Model) inServices() bool { return m.section == sectionServices }

// switchSection flips between Orders and Services; Services are read the
// first time they are shown.
func (m *Model) switchSection() tea.Cmd {
	return m.toggleSection(sectionServices, func() tea.Cmd {
		if !m.svc.loaded && !m.svc.loading {
			return m.reloadServices()
		}
		return nil
	})
}

// toggleSection shows section s and returns what open starts, or, when s
// is shown already, goes back to the orders.
func (m *Model) toggleSection(s section, open func() tea.Cmd) tea.Cmd {
	if m.section == s {
		m.section = sectionOrders
		m.refilter()
		return nil
	}
	m.section = s
	return open()
}

// listOptions is the query of the list as the filters say.
func (m *Model) listOptions(cursor string) *api.ServiceListOptions {
	s := &m.svc
	o := &api.ServiceListOptions{
		ListOptions: api.ListOptions{Limit: servicesPage, Cursor: cursor},
		Search:      strings.TrimSpace(s.query.Query()),
		MinPrice:    s.minP, MaxPrice: s.maxP,
		SortBy: serviceSorts[s.sort].by, SortOrder: serviceSorts[s.sort].order,
	}
	if s.cat > 0 {
		o.Category = serviceCategories[s.cat-1]
	}
	if s.featured {
		t := true
		o.Featured = &t
	}
	return o
}

// reloadServices reads the first page for the current query, cancelling
// an older read.
func (m *Model) reloadServices() tea.Cmd {
	s := &m.svc
	s.gen++
	return m.readServices("")
}

// readServices reads a page (cursor "" for the first).
func (m *Model) readServices(cursor string) tea.Cmd {
	s := &m.svc
	if m.src == nil {
		return nil
	}
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(api.Background(m.ctx))
	s.cancel, s.loading = cancel, true
	src, gen, opts := m.src, s.gen, m.listOptions(cursor)
	if cursor == "" {
		s.asked = opts.Search
	}
	return func() tea.Msg {
		page, err := src.Services(ctx, opts)
		return svcListMsg{gen: gen, cursor: cursor, page: page, err: err}
	}
}

// gotServices applies a services read.
func (m *Model) gotServices(msg svcListMsg) {
	s := &m.svc
	if msg.gen != s.gen {
		return // a newer query was made
	}
	s.loading = false
	if errors.Is(msg.err, context.Canceled) {
		return
	}
	s.err = msg.err
	if msg.err != nil || msg.page == nil {
		return
	}
	if msg.cursor == "" {
		s.items = s.items[:0:0]
		s.win.Home()
		s.read++
	}
	s.items = appendNew(s.items, msg.page.Items, func(it *api.MarketService) string { return it.ID })
	s.next, s.more, s.loaded = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != "", true
	s.win.Fix(len(s.items), m.svcBodyHeight(), svcRowHeight)
	m.picked()
}

// moreServices reads the next page when the cursor is near the end.
func (m *Model) moreServices() tea.Cmd {
	s := &m.svc
	if !s.more || s.loading || s.win.Cursor < len(s.items)-pageAhead {
		return nil
	}
	return m.readServices(s.next)
}

// searchChanged starts the debounce of a new query: the read in flight
// is cancelled, and the newest query is read searchDelay after the last
// key.
func (m *Model) searchChanged() tea.Cmd {
	s := &m.svc
	s.gen++
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.loading = false
	gen := s.gen
	return tea.Tick(searchDelay, func(time.Time) tea.Msg { return searchMsg{gen: gen} })
}

func svcRowHeight(int) int { return 2 }

// svcBodyHeight is the room for service rows.
func (m *Model) svcBodyHeight() int {
	chrome := 1
	if m.svc.err != nil && m.svc.loaded {
		chrome++
	}
	if m.svc.query.Active() {
		chrome++
	}
	return max(m.height-chrome, 1)
}

// selectedService is the service under the cursor.
func (m *Model) selectedService() *api.MarketService {
	s := &m.svc
	if len(s.items) == 0 {
		return nil
	}
	return &s.items[min(s.win.Cursor, len(s.items)-1)]
}

// mine says the operator sells svc.
func (m *Model) mine(svc *api.MarketService) bool {
	return m.me != "" && strings.EqualFold(svc.Seller.Handle, m.me)
}

// servicesKey handles a key on the services list.
func (m *Model) servicesKey(msg tea.KeyPressMsg) tea.Cmd {
	s := &m.svc
	lk, mk := m.keys.List, m.keys.Market
	switch {
	case s.win.Navigate(msg, lk, len(s.items), m.svcBodyHeight(), svcRowHeight):
		return m.moreServices()
	case key.Matches(msg, mk.Section):
		return m.switchSection()
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	case key.Matches(msg, lk.Filter):
		s.query.Start(s.win)
		return nil
	case key.Matches(msg, lk.Back):
		if s.query.Active() {
			s.query.Clear()
			return m.reloadServices()
		}
		return nil
	case key.Matches(msg, lk.Open):
		if svc := m.selectedService(); svc != nil {
			return m.openService(svc)
		}
		return nil
	case key.Matches(msg, mk.Category):
		s.cat = (s.cat + 1) % (len(serviceCategories) + 1)
		return m.reloadServices()
	case key.Matches(msg, mk.Featured):
		s.featured = !s.featured
		return m.reloadServices()
	case key.Matches(msg, mk.Sort):
		s.sort = (s.sort + 1) % len(serviceSorts)
		return m.reloadServices()
	case key.Matches(msg, mk.Price):
		cur := ""
		if s.minP > 0 || s.maxP > 0 {
			cur = dollars(s.minP) + "-" + dollars(s.maxP)
		}
		return m.comp.Open(composer.Request{
			Key: "price", Title: "Price range in dollars (min-max; empty for any)",
			Limit: 40, Placeholder: "5-50" + map[bool]string{true: " (now " + cur + ")", false: ""}[cur != ""],
		})
	case key.Matches(msg, mk.Buy):
		return m.buy(m.selectedService())
	case key.Matches(msg, mk.Profile):
		return m.sellerProfile(m.selectedService())
	case key.Matches(msg, mk.NewListing):
		return m.openListing(nil)
	case key.Matches(msg, mk.Edit):
		if svc := m.selectedService(); svc != nil {
			return m.openListing(svc)
		}
	case key.Matches(msg, mk.Delete):
		return m.deleteListing(m.selectedService())
	case key.Matches(msg, lk.Copy):
		return m.copyID()
	}
	return nil
}

// searchInput feeds the `/` query: a change starts the debounce.
func (m *Model) searchInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.svc.query.Input(msg, func() {
		if strings.TrimSpace(m.svc.query.Query()) != m.svc.asked || !m.svc.loaded && !m.svc.loading {
			cmd = m.searchChanged()
		}
	}, func() {
		m.svc.query.Clear()
		cmd = m.reloadServices()
	})
	return cmd
}

// dollars formats cents as a plain dollar amount for the price prompt.
func dollars(c int) string {
	if c == 0 {
		return ""
	}
	if c%100 == 0 {
		return strconv.Itoa(c / 100)
	}
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

// parseDollars reads "12", "12.5" or "$12.50" as cents; "" is 0.
func parseDollars(s string) (int, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	if s == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("%q has more than cents", s)
	}
	w, err := strconv.Atoi(strings.ReplaceAll(whole, ",", ""))
	if err != nil || w < 0 {
		return 0, fmt.Errorf("%q is not an amount in dollars", s)
	}
	f := 0
	if frac != "" {
		for len(frac) < 2 {
			frac += "0"
		}
		if f, err = strconv.Atoi(frac); err != nil || f < 0 {
			return 0, fmt.Errorf("%q is not an amount in dollars", s)
		}
	}
	if w > api.MaxServicePrice/100 {
		return 0, fmt.Errorf("%q is more than the marketplace's maximum", s)
	}
	return w*100 + f, nil
}

// parsePriceRange reads "min-max" in dollars; either side may be empty.
func parsePriceRange(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		b = a
		a = ""
		if strings.TrimSpace(s) != "" {
			return 0, 0, errors.New(`write the range as "min-max" in dollars ("5-50", "-20", "10-")`)
		}
	}
	if lo, err = parseDollars(a); err != nil {
		return 0, 0, err
	}
	if hi, err = parseDollars(b); err != nil {
		return 0, 0, err
	}
	if hi > 0 && lo > hi {
		return 0, 0, errors.New("the minimum is above the maximum")
	}
	return lo, hi, nil
}

// priced applies the price prompt.
func (m *Model) priced(text string) tea.Cmd {
	lo, hi, err := parsePriceRange(text)
	if err != nil {
		return m.comp.Failed(err)
	}
	m.svc.minP, m.svc.maxP = lo, hi
	return tea.Batch(m.comp.Sent(), m.comp.Close(), m.reloadServices())
}

// openService shows svc's screen and reads its detail.
func (m *Model) openService(svc *api.MarketService) tea.Cmd {
	m.svc.open = &svcScreen{svc: *svc}
	return m.readDetail(svc.ID)
}

// readDetail reads a service's detail (one GET).
func (m *Model) readDetail(id string) tea.Cmd {
	if m.src == nil {
		return nil
	}
	ctx, src := api.Background(m.ctx), m.src
	return func() tea.Msg {
		d, err := src.Service(ctx, id)
		return svcDetailMsg{id: id, svc: d, err: err}
	}
}

// gotDetail applies a service's detail.
func (m *Model) gotDetail(msg svcDetailMsg) {
	o := m.svc.open
	if o == nil || o.svc.ID != msg.id {
		return
	}
	o.ver++
	if msg.err != nil || msg.svc == nil {
		o.err = msg.err
		return
	}
	d := *msg.svc
	if d.Seller.Handle == "" {
		d.Seller = o.svc.Seller
	}
	o.svc, o.detail, o.err = d, true, nil
}

// serviceScreenKey handles a key on a service's screen.
func (m *Model) serviceScreenKey(msg tea.KeyPressMsg) tea.Cmd {
	lk, mk := m.keys.List, m.keys.Market
	o := m.svc.open
	h := max(m.height-1, 1)
	switch {
	case key.Matches(msg, lk.Back):
		m.svc.open = nil
		return m.comp.Close()
	case views.Scroll(msg, lk, &o.off, h):
	case key.Matches(msg, lk.Links):
		return m.showLinks()
	case key.Matches(msg, lk.Copy):
		return m.copyID()
	case key.Matches(msg, mk.Profile):
		return m.sellerProfile(&o.svc)
	case key.Matches(msg, mk.Buy):
		return m.buy(&o.svc)
	case key.Matches(msg, mk.Reviews):
		return m.openReviews()
	case key.Matches(msg, mk.Edit):
		return m.openListing(&o.svc)
	case key.Matches(msg, mk.Delete):
		return m.deleteListing(&o.svc)
	case key.Matches(msg, mk.NewListing):
		return m.openListing(nil)
	case key.Matches(msg, mk.Money):
		return m.toggleMoney()
	}
	return nil
}

// sellerProfile opens the seller's profile on the pane's stack.
func (m *Model) sellerProfile(svc *api.MarketService) tea.Cmd {
	if svc == nil {
		return nil
	}
	return openAgent(svc.Seller.Handle, "sells this service")
}

// currentService is the open service, else the one under the cursor.
func (m *Model) currentService() *api.MarketService {
	if m.svc.open != nil {
		return &m.svc.open.svc
	}
	return m.selectedService()
}

// knownService is the service id as the pane holds it (open or listed).
func (m *Model) knownService(id string) *api.MarketService {
	if o := m.svc.open; o != nil && o.svc.ID == id {
		return &o.svc
	}
	for i := range m.svc.items {
		if m.svc.items[i].ID == id {
			return &m.svc.items[i]
		}
	}
	return nil
}
