package market

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// t0 is the fixed clock of every test.
var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

const me = "demo_agent"

// fakeSource is an in-memory marketplace with the sandbox's rules for the
// actions, counting requests.
type fakeSource struct {
	mu     sync.Mutex
	orders []api.Order
	// older are orders past the list's page: Order reads them, Orders
	// does not list them.
	older   []api.Order
	msgs    map[string][]api.OrderMessage
	lists   int
	threads int
	actions []string
	sendErr error
	actErr  error
	// lean makes an action's answer the order's ID, status and time
	// only, as a server that embeds less than its list may.
	lean     bool
	reviewed map[string]bool
	reviews  []api.ReviewRequest
	services int
	days     int // the delivery days Services gives every service

	// catalog, when set, is what Services lists (else one service per
	// order); svcOpts records each read's options.
	catalog    []api.MarketService
	svcOpts    []api.ServiceListOptions
	svcErr     error // fails every read of a next page (a cursor set)
	details    int
	payment    api.Payment
	orderErr   error
	placed     []string // "serviceID method requirements"
	created    []api.ServiceRequest
	updated    map[string]api.ServiceUpdate
	deleted    []string
	saveErr    error
	deactivate bool // DeleteService deactivates instead

	money fakeMoney // payouts and the payment account (money_fakes_test.go)

	// revs, when set for a service, is what Reviews pages through (else
	// the reviews its catalog entry embeds); revErr fails every read;
	// revReads records each read as "serviceID cursor".
	revs     map[string][]api.Review
	revErr   error
	revReads []string
}

// Reviews implements Source: pages of revs[serviceID], the cursor an
// offset.
func (f *fakeSource) Reviews(_ context.Context, serviceID string, opts *api.ListOptions) (*api.Page[api.Review], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revReads = append(f.revReads, serviceID+" "+opts.Cursor)
	if f.revErr != nil {
		return nil, f.revErr
	}
	all, ok := f.revs[serviceID]
	if !ok {
		for _, s := range f.catalog {
			if s.ID == serviceID {
				all = s.Reviews
			}
		}
	}
	start, _ := strconv.Atoi(opts.Cursor)
	start = min(start, len(all))
	end := min(start+max(opts.Limit, 1), len(all))
	p := &api.Page[api.Review]{Items: append([]api.Review(nil), all[start:end]...)}
	if end < len(all) {
		p.HasMore, p.NextCursor = true, strconv.Itoa(end)
	}
	return p, nil
}

func (f *fakeSource) CreateService(_ context.Context, req *api.ServiceRequest) (*api.MarketService, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return nil, f.saveErr
	}
	f.created = append(f.created, *req)
	s := api.MarketService{ID: fmt.Sprintf("n%d", len(f.created)), Title: req.Title, Description: req.Description, Price: req.Price,
		DeliveryDays: req.DeliveryDays, Revisions: req.Revisions, Category: req.Category, Tags: req.Tags, Seller: agent(me, "Demo Agent")}
	f.catalog = append([]api.MarketService{s}, f.catalog...)
	return &s, nil
}

func (f *fakeSource) UpdateService(_ context.Context, id string, upd *api.ServiceUpdate) (*api.MarketService, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return nil, f.saveErr
	}
	if f.updated == nil {
		f.updated = map[string]api.ServiceUpdate{}
	}
	f.updated[id] = *upd
	for i := range f.catalog {
		if f.catalog[i].ID == id {
			if upd.Title != nil {
				f.catalog[i].Title = *upd.Title
			}
			if upd.Price != nil {
				f.catalog[i].Price = *upd.Price
			}
			s := f.catalog[i]
			return &s, nil
		}
	}
	return nil, api.ErrNotFound
}

func (f *fakeSource) DeleteService(_ context.Context, id string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deleted = append(f.deleted, id)
	if f.deactivate {
		return true, nil
	}
	for i := range f.catalog {
		if f.catalog[i].ID == id {
			f.catalog = append(f.catalog[:i], f.catalog[i+1:]...)
			break
		}
	}
	return false, nil
}

func newSource(orders ...api.Order) *fakeSource {
	return &fakeSource{orders: orders, msgs: map[string][]api.OrderMessage{}, reviewed: map[string]bool{}}
}

func (f *fakeSource) Orders(_ context.Context, opts *api.OrderListOptions) (*api.Page[api.Order], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lists++
	return &api.Page[api.Order]{Items: append([]api.Order(nil), f.orders...)}, nil
}

func (f *fakeSource) find(id string) *api.Order {
	for i := range f.orders {
		if f.orders[i].ID == id {
			return &f.orders[i]
		}
	}
	return nil
}

// Order implements Source.
func (f *fakeSource) Order(_ context.Context, id string) (*api.Order, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if o := f.find(id); o != nil {
		c := *o
		return &c, nil
	}
	for _, o := range f.older {
		if o.ID == id {
			return &o, nil
		}
	}
	return nil, api.ErrNotFound
}

func (f *fakeSource) OrderAction(_ context.Context, id string, a api.OrderAction, deliverables string) (*api.Order, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.actions = append(f.actions, string(a)+":"+id)
	if f.actErr != nil {
		return nil, f.actErr
	}
	o := f.find(id)
	if o == nil {
		return nil, api.ErrNotFound
	}
	switch a {
	case api.ActionStart:
		o.Status = api.OrderInProgress
	case api.ActionDeliver:
		o.Status, o.Deliverables = api.OrderDelivered, deliverables
	case api.ActionAccept:
		o.Status = api.OrderCompleted
	case api.ActionRequestRevision:
		o.Status = api.OrderRevision
	case api.ActionDispute:
		o.Status = api.OrderDisputed
	case api.ActionCancel:
		o.Status = api.OrderCancelled
	}
	cp := *o
	if f.lean {
		cp = api.Order{ID: o.ID, Status: o.Status, UpdatedAt: o.UpdatedAt}
	}
	return &cp, nil
}

func (f *fakeSource) OrderMessages(_ context.Context, id string, _ *api.ListOptions) (*api.Page[api.OrderMessage], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.threads++
	return &api.Page[api.OrderMessage]{Items: append([]api.OrderMessage(nil), f.msgs[id]...)}, nil
}

func (f *fakeSource) SendOrderMessage(_ context.Context, id, content string, _ []string) (*api.OrderMessage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sendErr != nil {
		return nil, f.sendErr
	}
	m := api.OrderMessage{ID: fmt.Sprintf("m%d", len(f.msgs[id])+1), OrderID: id, Sender: agent(me, "Demo Agent"), Content: content, CreatedAt: t0}
	f.msgs[id] = append(f.msgs[id], m)
	return &m, nil
}

func (f *fakeSource) CreateReview(_ context.Context, req *api.ReviewRequest) (*api.Review, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.reviewed[req.OrderID] {
		return nil, &api.Error{StatusCode: 409, Code: "already_reviewed", Message: "already reviewed"}
	}
	f.reviewed[req.OrderID] = true
	f.reviews = append(f.reviews, *req)
	return &api.Review{OrderID: req.OrderID, Rating: req.Rating, Content: req.Content}, nil
}

func (f *fakeSource) Services(_ context.Context, opts *api.ServiceListOptions) (*api.Page[api.MarketService], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.services++
	if f.svcErr != nil && opts.Cursor != "" {
		return nil, f.svcErr
	}
	if f.catalog != nil {
		f.svcOpts = append(f.svcOpts, *opts)
		var out []api.MarketService
		for _, s := range f.catalog {
			if opts.Search != "" && !strings.Contains(strings.ToLower(s.Title), strings.ToLower(opts.Search)) {
				continue
			}
			if opts.Category != "" && s.Category != opts.Category {
				continue
			}
			out = append(out, s)
		}
		start := 0
		if opts.Cursor != "" {
			start, _ = strconv.Atoi(opts.Cursor)
		}
		start = min(start, len(out))
		end := min(start+max(opts.Limit, 1), len(out))
		p := &api.Page[api.MarketService]{Items: out[start:end]}
		if end < len(out) {
			p.HasMore, p.NextCursor = true, strconv.Itoa(end)
		}
		return p, nil
	}
	var out []api.MarketService
	for _, o := range f.orders {
		out = append(out, api.MarketService{ID: o.ServiceID, DeliveryDays: f.days})
	}
	return &api.Page[api.MarketService]{Items: out}, nil
}

func (f *fakeSource) Service(_ context.Context, id string) (*api.MarketService, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.details++
	for _, s := range f.catalog {
		if s.ID == id {
			return &s, nil
		}
	}
	return nil, api.ErrNotFound
}

func (f *fakeSource) CreateOrder(_ context.Context, serviceID, req, method string) (*api.OrderCreated, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.placed = append(f.placed, serviceID+" "+method+" "+req)
	if f.orderErr != nil {
		return nil, f.orderErr
	}
	var svc api.MarketService
	for _, s := range f.catalog {
		if s.ID == serviceID {
			svc = s
		}
	}
	o := api.Order{ID: fmt.Sprintf("new%d", len(f.placed)), ServiceID: serviceID, Service: &api.MarketService{ID: serviceID, Title: svc.Title},
		Buyer: agent(me, "Demo Agent"), Seller: svc.Seller, Status: api.OrderPendingPayment, Price: svc.Price,
		PaymentMethod: method, Requirements: req, CreatedAt: t0, UpdatedAt: t0}
	f.orders = append(f.orders, o)
	return &api.OrderCreated{Order: o, Payment: f.payment}, nil
}

func agent(handle, name string) api.Agent {
	return api.Agent{ID: "id-" + handle, Handle: handle, Name: name}
}

// order builds an order of the demo agent: as seller when sell is true.
func order(id, svc string, sell bool, cp, cpName string, st api.OrderStatus, price int, age time.Duration) api.Order {
	o := api.Order{ID: id, ServiceID: "s-" + id, Service: &api.MarketService{ID: "s-" + id, Title: svc},
		Status: st, Price: price, DeliveryDays: 3, Revisions: 2, PaymentMethod: api.PaymentCard,
		CreatedAt: t0.Add(-age), UpdatedAt: t0.Add(-age),
		Requirements: "A **logo** for a bakery:\n\n- round\n- warm colours"}
	if sell {
		o.Seller, o.Buyer = agent(me, "Demo Agent"), agent(cp, cpName)
	} else {
		o.Buyer, o.Seller = agent(me, "Demo Agent"), agent(cp, cpName)
	}
	return o
}

// fixture is the demo agent's orders in every state on both sides.
func fixture() []api.Order {
	h := time.Hour
	return []api.Order{
		order("o1", "Logo design", true, "ada_bot", "Ada Bot", api.OrderPaid, 2500, 2*h),
		order("o2", "Market research report", false, "quill", "Quill Writer", api.OrderDelivered, 12000, 50*h),
		order("o3", "Chatbot persona", true, "pixel", "Pixel", api.OrderInProgress, 500, 100*h),
		order("o4", "Voice-over, 60 s", true, "echo", "Echo", api.OrderRevision, 4000, 30*h),
		order("o5", "Data cleanup", false, "tidy", "Tidy", api.OrderPendingPayment, 999, time.Minute),
		order("o6", "Poem for a launch", true, "bard", "Bard", api.OrderCompleted, 1500, 200*h),
		order("o7", "SQL tuning", false, "dba", "DBA Bot", api.OrderInProgress, 30000, 5*h),
		order("o8", "Icon set", false, "iconic", "Iconic", api.OrderCompleted, 7500, 300*h),
		order("o9", "Translation FR", true, "lingo", "Lingo", api.OrderCancelled, 800, 400*h),
		order("o10", "Name ideas", false, "namer", "Namer", api.OrderDisputed, 300, 60*h),
	}
}

// harness drives a pane over a fake source on a fixed clock.
type harness struct {
	t   testing.TB
	m   *Model
	src *fakeSource
	now time.Time
}

func newHarness(t testing.TB, w, h int, orders []api.Order) *harness {
	t.Helper()
	hs := &harness{t: t, src: newSource(orders...), now: t0}
	hs.m = New(Options{Source: hs.src, Me: me, Now: func() time.Time { return hs.now },
		DraftDir: t.TempDir(), Debounce: time.Millisecond})
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.poll()
	return hs
}

// poll runs one Refresh as the root would.
func (hs *harness) poll() []tea.Msg {
	return tuitest.Settle(hs.m.Update, hs.m.Refresh(context.Background()))
}

func (hs *harness) keys(ks ...string) []tea.Msg { return tuitest.Keys(hs.m.Update, ks...) }

func (hs *harness) typeText(s string) []tea.Msg { return tuitest.TypeText(hs.m.Update, s) }

var errBoom = errors.New("boom")
