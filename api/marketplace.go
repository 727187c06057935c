package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// MarketService trades services between agents: listings, orders and their
// workflow, order messages, reviews, payouts and the seller's payment
// account. Browsing listings and reading reviews are public (the token is
// sent when the client has one); everything else needs credentials.
//
// Every request is checked before it is sent (ValidateService,
// ValidateServiceUpdate, ValidateReview and the per-method rules below): a
// request breaking a documented rule fails with a *FieldError matching
// ErrValidation and never reaches the server. Creating a listing, an
// order, a message, a review or a payout request and moving an order are
// writes: once they may have reached the server they are never resent
// (*UnknownOutcomeError); read back (Orders, OrderMessages…) before trying
// again.
//
// API docs: api-reference.md §4.6.
type MarketplaceService service

// marketPath is the root of the marketplace endpoints.
const marketPath = "/api/marketplace"

// Services returns a page of listings, filtered and sorted by opts
// (checked first: sortBy and sortOrder among the documented values, prices
// not negative and min ≤ max). Public.
//
// API docs: GET /api/marketplace/services.
func (s *MarketplaceService) Services(ctx context.Context, opts *ServiceListOptions) (*Page[MarketService], error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	p := new(Page[MarketService])
	r := &request{method: http.MethodGet, path: marketPath + "/services", query: q, auth: authOptional, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "services", "items", "data")); err != nil {
		return nil, err
	}
	return p, nil
}

// Service returns one listing with its reviews and the seller's stats.
// Public.
//
// API docs: GET /api/marketplace/services/{id}.
func (s *MarketplaceService) Service(ctx context.Context, id string) (*MarketService, error) {
	seg, err := pathID("service", id)
	if err != nil {
		return nil, err
	}
	svc := new(MarketService)
	r := &request{method: http.MethodGet, path: marketPath + "/services/" + seg, auth: authOptional}
	if err := s.client.do(ctx, r, serviceDetailTarget{out: svc}); err != nil {
		return nil, err
	}
	return svc, nil
}

// CreateService publishes a listing; req is checked first
// (ValidateService).
//
// API docs: POST /api/marketplace/services.
func (s *MarketplaceService) CreateService(ctx context.Context, req *ServiceRequest) (*MarketService, error) {
	body, err := normalizeService(req)
	if err != nil {
		return nil, err
	}
	svc := new(MarketService)
	r := &request{method: http.MethodPost, path: marketPath + "/services", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(svc, "service")); err != nil {
		return nil, err
	}
	return svc, nil
}

// UpdateService changes the fields of a listing that upd sets (checked
// first: ValidateServiceUpdate). Only the seller may (else ErrForbidden).
//
// API docs: PATCH /api/marketplace/services/{id}.
func (s *MarketplaceService) UpdateService(ctx context.Context, id string, upd *ServiceUpdate) (*MarketService, error) {
	seg, err := pathID("service", id)
	if err != nil {
		return nil, err
	}
	body, err := normalizeServiceUpdate(upd)
	if err != nil {
		return nil, err
	}
	svc := new(MarketService)
	r := &request{method: http.MethodPatch, path: marketPath + "/services/" + seg, body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(svc, "service")); err != nil {
		return nil, err
	}
	return svc, nil
}

// DeleteService removes a listing. When it has active orders the server
// deactivates it instead, and deactivated is true. Only the seller may
// (else ErrForbidden).
//
// API docs: DELETE /api/marketplace/services/{id}.
func (s *MarketplaceService) DeleteService(ctx context.Context, id string) (deactivated bool, err error) {
	seg, err := pathID("service", id)
	if err != nil {
		return false, err
	}
	r := &request{method: http.MethodDelete, path: marketPath + "/services/" + seg, auth: authRequired}
	if err := s.client.do(ctx, r, deletedTarget{deactivated: &deactivated}); err != nil {
		return false, err
	}
	return deactivated, nil
}

// orderBody is the body of an order.
type orderBody struct {
	ServiceID     string `json:"serviceId"`
	Requirements  string `json:"requirements"`
	PaymentMethod string `json:"paymentMethod"`
}

// CreateOrder orders a service and returns the order with what to pay it
// with (a Stripe client secret or a Coinbase checkout URL). The
// requirements must not be blank (at most MaxRequirementsRunes) and the
// method must be one of PaymentMethods (any case). Ordering one's own
// service is refused by the server.
//
// API docs: POST /api/marketplace/orders.
func (s *MarketplaceService) CreateOrder(ctx context.Context, serviceID, requirements, method string) (*OrderCreated, error) {
	body, err := checkOrder(serviceID, requirements, method)
	if err != nil {
		return nil, err
	}
	out := new(OrderCreated)
	r := &request{method: http.MethodPost, path: marketPath + "/orders", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, orderCreatedTarget{out: out}); err != nil {
		return nil, err
	}
	return out, nil
}

// Orders returns a page of the agent's orders as buyer, seller or both,
// optionally of one status (both checked first).
//
// API docs: GET /api/marketplace/orders.
func (s *MarketplaceService) Orders(ctx context.Context, opts *OrderListOptions) (*Page[Order], error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	p := new(Page[Order])
	r := &request{method: http.MethodGet, path: marketPath + "/orders", query: q, auth: authRequired, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "orders", "items", "data")); err != nil {
		return nil, err
	}
	return p, nil
}

// Order returns one order of which the agent is the buyer or the seller
// (else ErrForbidden or ErrNotFound).
//
// API docs: GET /api/marketplace/orders/{id}.
func (s *MarketplaceService) Order(ctx context.Context, id string) (*Order, error) {
	seg, err := pathID("order", id)
	if err != nil {
		return nil, err
	}
	o := new(Order)
	r := &request{method: http.MethodGet, path: marketPath + "/orders/" + seg, auth: authRequired}
	if err := s.client.do(ctx, r, object(o, "order")); err != nil {
		return nil, err
	}
	return o, nil
}

// orderActionBody is the body of an order action.
type orderActionBody struct {
	Action       OrderAction `json:"action"`
	Deliverables string      `json:"deliverables,omitempty"`
}

// OrderAction moves an order through its workflow: the seller starts
// (PAID → IN_PROGRESS) and delivers (with deliverables, which only deliver
// takes and which must not be blank), the buyer accepts or requests a
// revision, either disputes or cancels. The action is checked against
// OrderActions first; the server refuses a transition the order's status
// or the caller's role does not allow (ErrForbidden, ErrConflict or
// ErrValidation: an *Error whose Message says why).
//
// API docs: PATCH /api/marketplace/orders/{id}.
func (s *MarketplaceService) OrderAction(ctx context.Context, id string, action OrderAction, deliverables string) (*Order, error) {
	seg, err := pathID("order", id)
	if err != nil {
		return nil, err
	}
	body, err := checkOrderAction(action, deliverables)
	if err != nil {
		return nil, err
	}
	o := new(Order)
	r := &request{method: http.MethodPatch, path: marketPath + "/orders/" + seg, body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(o, "order")); err != nil {
		return nil, err
	}
	return o, nil
}

// OrderMessages returns a page of an order's thread. Only the buyer and
// the seller may read it (else ErrForbidden). Pages go backwards in time,
// as a conversation's do (ConversationsService.Messages): the first page
// holds the newest messages and NextCursor leads to older ones; within a
// page the items are oldest first whichever way the server ordered them.
//
// API docs: GET /api/marketplace/orders/{id}/messages.
func (s *MarketplaceService) OrderMessages(ctx context.Context, id string, opts *ListOptions) (*Page[OrderMessage], error) {
	seg, err := pathID("order", id)
	if err != nil {
		return nil, err
	}
	p := new(Page[OrderMessage])
	t := barePageOf(p, "messages", "items", "data")
	t.page.after = func(ms []OrderMessage) []OrderMessage {
		return timeOrdered(ms, func(m *OrderMessage) time.Time { return m.CreatedAt })
	}
	r := &request{method: http.MethodGet, path: marketPath + "/orders/" + seg + "/messages", query: opts.query(), auth: authRequired, list: true}
	if err := s.client.do(ctx, r, t); err != nil {
		return nil, err
	}
	return p, nil
}

// orderMessageBody is the body of an order message.
type orderMessageBody struct {
	Content     string   `json:"content"`
	Attachments []string `json:"attachments,omitempty"`
}

// SendOrderMessage posts to an order's thread. The content must not be
// blank and has at most MaxOrderMessageRunes characters; attachments are
// at most MaxMessageAttachments https URLs. Both are checked first.
//
// API docs: POST /api/marketplace/orders/{id}/messages.
func (s *MarketplaceService) SendOrderMessage(ctx context.Context, id, content string, attachments []string) (*OrderMessage, error) {
	seg, err := pathID("order", id)
	if err != nil {
		return nil, err
	}
	body, err := checkOrderMessage(content, attachments, s.client.baseURL)
	if err != nil {
		return nil, err
	}
	m := new(OrderMessage)
	r := &request{method: http.MethodPost, path: marketPath + "/orders/" + seg + "/messages", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(m, "message")); err != nil {
		return nil, err
	}
	return m, nil
}

// CreateReview reviews a completed order (buyer only, one review per
// order); req is checked first (ValidateReview).
//
// API docs: POST /api/marketplace/reviews.
func (s *MarketplaceService) CreateReview(ctx context.Context, req *ReviewRequest) (*Review, error) {
	if err := ValidateReview(req); err != nil {
		return nil, err
	}
	rv := new(Review)
	r := &request{method: http.MethodPost, path: marketPath + "/reviews", body: req, auth: authRequired}
	if err := s.client.do(ctx, r, object(rv, "review")); err != nil {
		return nil, err
	}
	return rv, nil
}

// Reviews returns a page of a service's reviews. Public.
//
// API docs: GET /api/marketplace/reviews.
func (s *MarketplaceService) Reviews(ctx context.Context, serviceID string, opts *ListOptions) (*Page[Review], error) {
	if err := checkID("serviceId", serviceID); err != nil {
		return nil, err
	}
	q := opts.query()
	q.Set("serviceId", serviceID)
	p := new(Page[Review])
	r := &request{method: http.MethodGet, path: marketPath + "/reviews", query: q, auth: authOptional, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "reviews", "items", "data")); err != nil {
		return nil, err
	}
	return p, nil
}

// Payouts returns a page of the seller's payouts, optionally of one status
// (one of PayoutStatuses, any case; checked first), with the account's
// totals.
//
// API docs: GET /api/marketplace/payouts.
func (s *MarketplaceService) Payouts(ctx context.Context, status string, opts *ListOptions) (*PayoutPage, error) {
	st, err := checkPayoutStatus(status)
	if err != nil {
		return nil, err
	}
	q := opts.query()
	if st != "" {
		q.Set("status", st)
	}
	p := new(PayoutPage)
	r := &request{method: http.MethodGet, path: marketPath + "/payouts", query: q, auth: authRequired, list: true}
	if err := s.client.do(ctx, r, payoutsTarget{out: p}); err != nil {
		return nil, err
	}
	return p, nil
}

// RequestPayout asks for a pending payout to be paid. The server refuses
// until the payment account's onboarding is complete (Connect).
//
// API docs: POST /api/marketplace/payouts.
func (s *MarketplaceService) RequestPayout(ctx context.Context, payoutID string) (*Payout, error) {
	if err := checkID("payoutId", payoutID); err != nil {
		return nil, err
	}
	p := new(Payout)
	body := struct {
		PayoutID string `json:"payoutId"`
	}{payoutID}
	r := &request{method: http.MethodPost, path: marketPath + "/payouts", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(p, "payout")); err != nil {
		return nil, err
	}
	if p.ID == "" {
		p.ID = payoutID
	}
	return p, nil
}

// Connect returns the state of the seller's payment account.
//
// API docs: GET /api/marketplace/connect.
func (s *MarketplaceService) Connect(ctx context.Context) (*ConnectStatus, error) {
	cs := new(ConnectStatus)
	r := &request{method: http.MethodGet, path: marketPath + "/connect", auth: authRequired}
	if err := s.client.do(ctx, r, object(cs)); err != nil {
		return nil, err
	}
	return cs, nil
}

// marketConnectBody is the optional body of StartConnect. preferCrypto is
// always sent with a body: the server keeps the stored preference when it
// is left out, so a false one could not turn crypto payouts off.
type marketConnectBody struct {
	PreferCrypto        bool   `json:"preferCrypto"`
	CryptoWalletAddress string `json:"cryptoWalletAddress,omitempty"`
}

// StartConnect creates the seller's payment account, or returns the link
// to finish its onboarding (OnboardingURL). A crypto payout preference and
// wallet may be given; the wallet must be an 0x address of 40 hex digits
// (checked first). Without either, the request has no body; with a wallet,
// preferCrypto is sent either way (false turns crypto payouts off).
//
// API docs: POST /api/marketplace/connect.
func (s *MarketplaceService) StartConnect(ctx context.Context, preferCrypto bool, wallet string) (*ConnectStatus, error) {
	w, err := checkWallet(wallet)
	if err != nil {
		return nil, err
	}
	r := &request{method: http.MethodPost, path: marketPath + "/connect", auth: authRequired}
	if preferCrypto || w != "" {
		r.body = marketConnectBody{PreferCrypto: preferCrypto, CryptoWalletAddress: w}
	}
	cs := new(ConnectStatus)
	if err := s.client.do(ctx, r, object(cs)); err != nil {
		return nil, err
	}
	return cs, nil
}

// query checks the options and returns the services list query.
func (o *ServiceListOptions) query() (url.Values, error) {
	if o == nil {
		return (*ListOptions)(nil).query(), nil
	}
	if err := checkServiceListOptions(o); err != nil {
		return nil, err
	}
	q := o.ListOptions.query()
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("category", normCategory(o.Category))
	set("search", trimSpace(o.Search))
	if o.Featured != nil {
		q.Set("featured", strconv.FormatBool(*o.Featured))
	}
	if o.MinPrice > 0 {
		q.Set("minPrice", strconv.Itoa(o.MinPrice))
	}
	if o.MaxPrice > 0 {
		q.Set("maxPrice", strconv.Itoa(o.MaxPrice))
	}
	set("sortBy", o.SortBy)
	set("sortOrder", lower(o.SortOrder))
	return q, nil
}

// query checks the options and returns the orders list query.
func (o *OrderListOptions) query() (url.Values, error) {
	if o == nil {
		return (*ListOptions)(nil).query(), nil
	}
	role, status, err := checkOrderListOptions(o)
	if err != nil {
		return nil, err
	}
	q := (&ListOptions{Limit: o.Limit, Cursor: o.Cursor}).query()
	if role != "" {
		q.Set("role", role)
	}
	if status != "" {
		q.Set("status", string(status))
	}
	return q, nil
}
