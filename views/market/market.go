// Package market is the Market pane (4): the operator's orders as buyer
// and as seller, "Needs you" first, and an order's screen with its facts,
// requirements and deliverables, its message thread and composer, and the
// actions the state machine allows the operator now.
//
// A second section, Services (the section key switches), browses the
// marketplace's listings: searched on the server, filtered and sorted, a
// service's screen with its latest reviews (and all of them, paged, on a
// screen of their own), ordering one, and the operator's own
// listings (a huh form to create or edit one, delete). A third, Money
// (its own key), shows the payouts with their totals, requests one, and
// the payment account: onboarding and the crypto wallet.
package market

import (
	"cmp"
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
	"imagine/views/markdown"
)

const (
	// pollEvery is the list's cadence whatever the focus: the badge (orders
	// that need the operator) must move within 15 s of a counterparty's
	// move. One GET of the orders list per poll.
	pollEvery = 12 * time.Second
	// threadEvery is the cadence while an order's screen is on screen and
	// in use (activeFor since it opened, a key or a send): one request per
	// poll, the thread, or the list when it is pollEvery old. 4 s with the
	// scheduler's ±10 % jitter shows the other party's message within 5 s
	// (BenchmarkCounterpartyMessageToOpenOrder measures it). Once idle the
	// screen polls every pollEvery, the thread and the list in turn: 4 s
	// throughout would be 15 GET/min for this pane alone, and the whole
	// idle client must stay within 20 (cli.TestIdleClientStaysUnderTheGETBudget).
	threadEvery = 4 * time.Second
	activeFor   = 30 * time.Second
	// pageSize is how many orders a poll reads (the API's maximum).
	pageSize = 100
	// composerID tags the pane's composer messages.
	composerID = "market"
)

// Source is what the pane needs of the API (*api.MarketplaceService).
type Source interface {
	Orders(ctx context.Context, opts *api.OrderListOptions) (*api.Page[api.Order], error)
	OrderAction(ctx context.Context, id string, action api.OrderAction, deliverables string) (*api.Order, error)
	// Order reads one order back, after an action whose answer was lost.
	Order(ctx context.Context, id string) (*api.Order, error)
	OrderMessages(ctx context.Context, id string, opts *api.ListOptions) (*api.Page[api.OrderMessage], error)
	SendOrderMessage(ctx context.Context, id, content string, attachments []string) (*api.OrderMessage, error)
	CreateReview(ctx context.Context, req *api.ReviewRequest) (*api.Review, error)
	// Services gives the delivery days of the services the orders are
	// for, when the orders do not carry them (read once).
	Services(ctx context.Context, opts *api.ServiceListOptions) (*api.Page[api.MarketService], error)
	// Service is a service's detail: reviews and the seller's stats.
	Service(ctx context.Context, id string) (*api.MarketService, error)
	// Reviews pages through all of a service's reviews, newest first:
	// the detail carries only the latest few.
	Reviews(ctx context.Context, serviceID string, opts *api.ListOptions) (*api.Page[api.Review], error)
	// CreateOrder orders a service.
	CreateOrder(ctx context.Context, serviceID, requirements, method string) (*api.OrderCreated, error)
	// CreateService, UpdateService and DeleteService manage the
	// operator's listings.
	CreateService(ctx context.Context, req *api.ServiceRequest) (*api.MarketService, error)
	UpdateService(ctx context.Context, id string, upd *api.ServiceUpdate) (*api.MarketService, error)
	DeleteService(ctx context.Context, id string) (deactivated bool, err error)
	// Payouts, RequestPayout, Connect and StartConnect are the Money
	// section: the payouts and the payment account.
	Payouts(ctx context.Context, status string, opts *api.ListOptions) (*api.PayoutPage, error)
	RequestPayout(ctx context.Context, payoutID string) (*api.Payout, error)
	Connect(ctx context.Context) (*api.ConnectStatus, error)
	StartConnect(ctx context.Context, preferCrypto bool, wallet string) (*api.ConnectStatus, error)
}

// The client's marketplace service is the pane's Source: a method
// missing from it breaks the build here, not in the wiring.
var _ Source = (*api.MarketplaceService)(nil)

// Options configure the Market pane.
type Options struct {
	Context context.Context
	// Source is the API; nil shows "not available".
	Source Source
	Keys   *keymap.KeyMap
	Styles *theme.Styles
	Now    func() time.Time
	// Me is the operator's handle: it says on which side of each order the
	// operator is.
	Me string
	// DraftDir keeps the composer's drafts (keyed by order); "" keeps none.
	DraftDir string
	// Checkouts keeps the checkout links of orders not paid yet, shared
	// by every Market model of the session; nil keeps this model's own,
	// in memory.
	Checkouts *Checkouts
	Editor    string
	// Debounce delays draft saves; 0 means composer.DefaultDebounce.
	Debounce time.Duration
	// Uploads lets an order message or a delivery attach images and
	// videos (uploaded, then sent by their addresses); nil turns the
	// attachment keys off, saying why.
	Uploads composer.Uploader
	// NoLocalFiles turns the file picker off (SSH sessions: the files
	// would be the server's); earlier uploads can still be attached.
	NoLocalFiles bool
	// Complete are where the composer completes @handles and #tags
	// from; without them it offers only those of what is answered.
	Complete composer.Sources
	// Stacked makes the Model a screen showing one order over another
	// pane (stacked.go), polling itself as the pane would an open order.
	Stacked bool
	// Preview, with Stacked, makes it the split view's glance at an order
	// beside a list (preview.go): read-only, not polled.
	Preview bool
}

// section is what the pane shows: the orders, the services (with the
// operator's listings) or the money.
type section int

const (
	sectionOrders section = iota
	sectionServices
	sectionMoney
)

// Model is the Market pane. It implements ui.Pane.
type Model struct {
	ctx    context.Context
	src    Source
	keys   *keymap.KeyMap
	styles *theme.Styles
	clock  func() time.Time
	shown  time.Time // the instant ages and due dates are measured from
	me     string

	width, height int
	focused       bool
	section       section

	orders []*entry
	byID   map[string]*entry
	loaded bool
	listAt time.Time
	force  bool // the next Refresh is a manual one
	err    error

	roleF   int // index into roleFilters
	statusF int // 0 all, else api.OrderStatuses[statusF-1]
	query   views.Filter
	vis     []*entry // shown rows: needs-you first, then the rest
	nNeeds  int      // how many of vis are in "Needs you"
	win     views.Window
	// browsed says the operator moved the cursor over the orders (a key,
	// the wheel, a click). Until then the cursor stays on the first row
	// as orders arrive and change places; after, on its order.
	browsed bool

	// days is each service's delivery days, from one read of the
	// services list when orders carry neither a due date nor the days;
	// daysAsked says that read was made.
	days      map[string]int
	daysAsked bool

	alerts   int             // orders that came to need the operator since start
	needSeen map[string]bool // orders already counted in alerts
	// reviewed holds the orders the operator reviewed (or the server said
	// were reviewed) in this session: orders do not say it themselves.
	reviewedIDs map[string]bool
	// reviewChecked holds the orders whose review was looked for among
	// their service's reviews (reviewcheck.go).
	reviewChecked map[string]bool

	older    olderPages // the orders past the first page (older.go)
	open     *screen    // the order screen, nil on the list
	wantOpen string     // the order to open once a list holds it
	// stacked, closed, trail and pollGen are the stacked mode's
	// (stacked.go).
	stacked bool
	preview bool
	closed  bool
	trail   []string
	pollGen int

	svc     services // the Services section
	money   money    // the Money section
	formSeq int      // numbers the listing forms
	// drafts are the forms closed unsent, kept for the session.
	drafts formDrafts
	// checkouts are the checkout links of the orders placed and not
	// paid, by order: the API returns one only when ordering.
	checkouts *Checkouts

	comp  *composer.Model
	links views.LinkPicker // o on an order or a service
	// sends remembers the order messages whose outcome is unknown and
	// the messages claimed as deliveries (reconcile.go).
	sends views.Ledger
	md    *markdown.Renderer
	pal   *palette
	gut   views.Gutter
	cache views.RenderCache[cacheKey]
}

// New builds the pane. Nothing is fetched until the root calls Refresh.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{
		ctx:           opts.Context,
		src:           opts.Source,
		keys:          opts.Keys,
		clock:         opts.Now,
		shown:         opts.Now(),
		me:            opts.Me,
		byID:          map[string]*entry{},
		days:          map[string]int{},
		needSeen:      map[string]bool{},
		reviewedIDs:   map[string]bool{},
		reviewChecked: map[string]bool{},
		checkouts:     cmp.Or(opts.Checkouts, LoadCheckouts("")),
		stacked:       opts.Stacked || opts.Preview,
		preview:       opts.Preview,
		trail:         previewTrailIf(opts.Preview),
		focused:       opts.Stacked, // on screen whenever it is drawn
		query:         views.NewFilter(nil, opts.Keys.List),
		svc:           services{query: views.NewFilter(nil, opts.Keys.List)},
		comp: composer.New(composer.Options{
			ID: composerID, Keys: opts.Keys, Styles: opts.Styles,
			DraftDir: opts.DraftDir, Editor: opts.Editor, Context: opts.Context, Debounce: opts.Debounce,
			Uploads: opts.Uploads, NoLocalFiles: opts.NoLocalFiles, Complete: opts.Complete,
		}),
	}
	m.md = markdown.New(opts.Styles)
	m.SetStyles(opts.Styles)
	m.SetSize(80, 24)
	return m
}

// SetMe tells the pane who the operator is once signed in.
func (m *Model) SetMe(handle string) {
	if handle == m.me {
		return
	}
	m.me = handle
	m.cache.Clear() // services rows mark the operator's own
	if m.svc.open != nil {
		m.svc.open.ver++
	}
	for _, e := range m.orders {
		e.ver++
		e.role = roleOf(&e.o, m.me)
		e.need = need(&e.o, e.role, m.shown)
		if e.need != "" {
			m.needSeen[e.o.ID] = true // what waited at sign-in is no news
		}
	}
	m.refilter()
}

// SetStyles switches styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	m.cache.Clear()
	m.query.SetStyles(s)
	m.svc.query.SetStyles(s)
	if m.svc.open != nil {
		m.svc.open.ver++
	}
	m.comp.SetStyles(s)
	m.md.SetStyles(s)
	if m.open != nil {
		m.open.ver++
	}
}

// Init implements ui.Pane.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.comp.SetSize(m.width, min(10, max(m.height/2, 5)))
	if m.open != nil {
		m.open.ver++
	}
	if m.svc.open != nil {
		m.svc.open.ver++
	}
}

// SetFocused implements ui.Pane.
func (m *Model) SetFocused(focused bool) {
	if focused && !m.focused {
		m.touch()
	}
	m.focused = focused
}

// CapturesInput implements ui.Pane: the `/` filter, the composer or a
// form.
func (m *Model) CapturesInput() bool {
	return m.query.Editing() || m.svc.query.Editing() || m.comp.IsOpen() || m.activeForm() != nil || m.links.IsOpen()
}

// Title implements ui.Pane.
func (m *Model) Title() string { return "Market" }

// Badge implements ui.Pane: the orders that need the operator.
func (m *Model) Badge() int {
	n := 0
	for _, e := range m.orders {
		if e.need != "" {
			n++
		}
	}
	return n
}

// Alerts counts the orders that came to need the operator after the first
// list: a counterparty's move is news even when the badge stays level.
func (m *Model) Alerts() int { return m.alerts }

// NotifyText summarises what needs the operator for a terminal
// notification.
func (m *Model) NotifyText() string {
	for _, e := range m.orders {
		if e.need != "" {
			return "Order " + title(&e.o) + ": " + e.need
		}
	}
	return ""
}

// JumpToUnread moves to the top of "Needs you", coming back to the orders
// from Services or Money: what needs the operator is an order.
func (m *Model) JumpToUnread() tea.Cmd {
	if m.section != sectionOrders {
		m.section = sectionOrders
		m.refilter()
	}
	if m.open == nil {
		m.win.Home()
	}
	return nil
}

// PollInterval implements ui.Pane.
func (m *Model) PollInterval() time.Duration {
	switch {
	case m.src == nil:
		return 0
	case m.open != nil && m.focused && m.clock().Sub(m.open.active) < activeFor:
		return threadEvery
	}
	return pollEvery
}

// ShowsList reports whether the list is on screen (not an order).
func (m *Model) ShowsList() bool {
	if m.inServices() {
		return m.svc.open == nil
	}
	if m.inMoney() {
		return m.money.form == nil
	}
	return m.open == nil
}

func (m *Model) touch() {
	m.shown = m.clock()
	m.cache.Sync(m.width, m.shown.Unix()/60)
}
