package api

// Tolerant decoding of the marketplace (api-reference.md §5.7-5.10, Q4 and
// Q23: the spec names few fields and shows no response body). Objects may
// be wrapped ({"service":…}, {"order":…}, {"review":…}, {"payout":…},
// {"message":…}) or bare; people may be objects or bare IDs under several
// names; money is int cents under price or amount; counts and ratings
// accept numbers, numeric strings and null. Everything still goes through
// decode, so every string is cleaned before a caller sees it.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// flexFloat is a number that accepts a number, a numeric string or null.
type flexFloat struct {
	f   float64
	set bool
}

// UnmarshalJSON implements json.Unmarshaler; unusable values leave it unset.
func (f *flexFloat) UnmarshalJSON(b []byte) error {
	*f = flexFloat{}
	var n json.Number
	if json.Unmarshal(b, &n) != nil {
		var s string
		if json.Unmarshal(b, &s) != nil {
			return nil
		}
		n = json.Number(strings.TrimSpace(s))
	}
	if v, err := strconv.ParseFloat(string(n), 64); err == nil && v >= 0 && v < 1e12 {
		*f = flexFloat{f: v, set: true}
	}
	return nil
}

// firstInt returns the first set value of ns (0 when none is).
func firstInt(ns ...flexInt) int {
	for _, n := range ns {
		if n.set {
			return n.n
		}
	}
	return 0
}

// firstFloat returns the first set value of fs (0 when none is).
func firstFloat(fs ...flexFloat) float64 {
	for _, f := range fs {
		if f.set {
			return f.f
		}
	}
	return 0
}

// marketAgent reads a person: an agent object (any of the shapes Agent
// accepts) or a bare ID string. The first of raws that names someone wins;
// ids are the fallback ID fields (buyerId…).
func marketAgent(raws []json.RawMessage, ids ...string) Agent {
	for _, raw := range raws {
		if isObject(raw) {
			var a Agent
			if json.Unmarshal(raw, &a) == nil && (a.ID != "" || a.Handle != "") {
				return a
			}
			continue
		}
		var id string
		if json.Unmarshal(raw, &id) == nil && strings.TrimSpace(id) != "" {
			return Agent{ID: strings.TrimSpace(id)}
		}
	}
	if id := cmp.Or(ids...); id != "" {
		return Agent{ID: strings.TrimSpace(id)}
	}
	return Agent{}
}

// SafeLink keeps a URL meant to be opened in a browser only when it is
// https (or http to this machine, for the sandbox); else it is "".
func SafeLink(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || !secureEnough(u) {
		return ""
	}
	return raw
}

// flexText is text that may come as a string or a list of strings
// (joined by newlines); anything else is "".
type flexText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *flexText) UnmarshalJSON(b []byte) error {
	*t = ""
	var s string
	if json.Unmarshal(b, &s) == nil {
		*t = flexText(s)
		return nil
	}
	var l flexStrings
	if json.Unmarshal(b, &l) == nil {
		*t = flexText(strings.Join(l, "\n"))
	}
	return nil
}

// sellerStatsWire reads the seller's stats under their several names.
type sellerStatsWire struct {
	CompletedOrders flexInt   `json:"completedOrders"`
	TotalOrders     flexInt   `json:"totalOrders"`
	OrderCount      flexInt   `json:"orderCount"`
	AvgRating       flexFloat `json:"avgRating"`
	AverageRating   flexFloat `json:"averageRating"`
	Rating          flexFloat `json:"rating"`
	ReviewCount     flexInt   `json:"reviewCount"`
	TotalReviews    flexInt   `json:"totalReviews"`
	ServiceCount    flexInt   `json:"serviceCount"`
	TotalServices   flexInt   `json:"totalServices"`
	ResponseTime    string    `json:"responseTime"`
}

// sellerStats decodes the first of raws that is an object, or nil.
func sellerStats(raws ...json.RawMessage) *SellerStats {
	for _, raw := range raws {
		if !isObject(raw) {
			continue
		}
		var w sellerStatsWire
		if json.Unmarshal(raw, &w) != nil {
			continue
		}
		return &SellerStats{
			CompletedOrders: firstInt(w.CompletedOrders, w.TotalOrders, w.OrderCount),
			AvgRating:       firstFloat(w.AvgRating, w.AverageRating, w.Rating),
			ReviewCount:     firstInt(w.ReviewCount, w.TotalReviews),
			ServiceCount:    firstInt(w.ServiceCount, w.TotalServices),
			ResponseTime:    w.ResponseTime,
		}
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: a wrapped service is
// unwrapped; the seller comes from agent, seller or provider (or agentId/
// sellerId); the rating from avgRating, averageRating or rating; counts
// from orderCount/ordersCount/totalOrders and reviewCount/totalReviews or
// _count; isActive absent means active unless status says INACTIVE or
// deactivated is true; stats from agentStats, sellerStats or stats (or the
// seller's own stats when they carry marketplace numbers); null lists are
// empty.
func (s *MarketService) UnmarshalJSON(b []byte) error { return s.decode(b, true) }

// decode reads a service, unwrapping {"service":…} once at most, so that a
// hostile nest of wrappers costs one pass, not one per level.
func (s *MarketService) decode(b []byte, unwrap bool) error {
	type plain MarketService
	var w struct {
		plain
		ID           json.RawMessage `json:"id"`
		ServiceID    string          `json:"serviceId"`
		Name         string          `json:"name"`
		Description  flexText        `json:"description"`
		ShortDesc    string          `json:"shortDescription"`
		Price        flexInt         `json:"price"`
		PriceCents   flexInt         `json:"priceCents"`
		DeliveryDays flexInt         `json:"deliveryDays"`
		DeliveryTime flexInt         `json:"deliveryTime"`
		Revisions    flexInt         `json:"revisions"`
		Tags         flexStrings     `json:"tags"`
		Images       flexStrings     `json:"images"`
		Thumbnail    string          `json:"thumbnail"`
		AvgRating    flexFloat       `json:"avgRating"`
		AverageRate  flexFloat       `json:"averageRating"`
		Rating       flexFloat       `json:"rating"`
		ReviewCount  flexInt         `json:"reviewCount"`
		TotalReviews flexInt         `json:"totalReviews"`
		OrderCount   flexInt         `json:"orderCount"`
		OrdersCount  flexInt         `json:"ordersCount"`
		TotalOrders  flexInt         `json:"totalOrders"`
		Count        struct {
			Orders  flexInt `json:"orders"`
			Reviews flexInt `json:"reviews"`
		} `json:"_count"`
		Featured    flexBool        `json:"featured"`
		IsFeatured  flexBool        `json:"isFeatured"`
		IsActive    flexBool        `json:"isActive"`
		Active      flexBool        `json:"active"`
		Deactivated flexBool        `json:"deactivated"`
		Status      string          `json:"status"`
		CreatedAt   flexTime        `json:"createdAt"`
		UpdatedAt   flexTime        `json:"updatedAt"`
		Agent       json.RawMessage `json:"agent"`
		Seller      json.RawMessage `json:"seller"`
		Provider    json.RawMessage `json:"provider"`
		AgentID     string          `json:"agentId"`
		SellerID    string          `json:"sellerId"`
		AgentStats  json.RawMessage `json:"agentStats"`
		SellerStats json.RawMessage `json:"sellerStats"`
		Stats       json.RawMessage `json:"stats"`
		Reviews     []*Review       `json:"reviews"`
		MoreReviews flexBool        `json:"hasMoreReviews"`
		Wrapped     json.RawMessage `json:"service"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && len(w.ID) == 0 && w.ServiceID == "" && isObject(w.Wrapped) {
		return s.decode(w.Wrapped, false)
	}
	*s = MarketService(w.plain)
	s.ID = strings.TrimSpace(cmp.Or(textOf(w.ID), w.ServiceID))
	s.Title = cmp.Or(s.Title, w.Name)
	s.Description = string(w.Description)
	s.ShortDesc = cmp.Or(s.ShortDesc, w.ShortDesc)
	s.Price = firstInt(w.Price, w.PriceCents)
	s.DeliveryDays = firstInt(w.DeliveryDays, w.DeliveryTime)
	s.Revisions = w.Revisions.n
	s.Category = strings.ToUpper(strings.TrimSpace(s.Category))
	s.Tags = orEmpty(w.Tags)
	s.Images = orEmpty(w.Images)
	s.ThumbnailURL = cmp.Or(s.ThumbnailURL, w.Thumbnail)
	s.AvgRating = firstFloat(w.AvgRating, w.AverageRate, w.Rating)
	s.ReviewCount = firstInt(w.ReviewCount, w.TotalReviews, w.Count.Reviews)
	s.OrderCount = firstInt(w.OrderCount, w.OrdersCount, w.TotalOrders, w.Count.Orders)
	s.Featured = w.Featured.b || w.IsFeatured.b
	switch {
	case w.IsActive.set:
		s.IsActive = w.IsActive.b
	case w.Active.set:
		s.IsActive = w.Active.b
	case w.Deactivated.set:
		s.IsActive = !w.Deactivated.b
	case w.Status != "":
		st := strings.ToUpper(strings.TrimSpace(w.Status))
		s.IsActive = st != "INACTIVE" && st != "DEACTIVATED" && st != "PAUSED" && st != "DELETED"
	default:
		s.IsActive = true
	}
	s.CreatedAt, s.UpdatedAt = time.Time(w.CreatedAt), time.Time(w.UpdatedAt)
	s.Seller = marketAgent([]json.RawMessage{w.Agent, w.Seller, w.Provider}, w.AgentID, w.SellerID)
	s.SellerStats = sellerStats(w.AgentStats, w.SellerStats, w.Stats)
	if s.SellerStats == nil {
		s.SellerStats = sellerStatsOf(w.Agent, w.Seller, w.Provider)
	}
	s.Reviews = compact(w.Reviews)
	s.MoreReviews = w.MoreReviews.b
	return nil
}

// sellerStatsOf reads marketplace stats nested in a seller object
// ({"agent":{…,"stats":{"completedOrders":…}}}), or nil when there are
// none (an agent's follower stats are not seller stats).
func sellerStatsOf(raws ...json.RawMessage) *SellerStats {
	for _, raw := range raws {
		if !isObject(raw) {
			continue
		}
		var a struct {
			Stats            json.RawMessage `json:"stats"`
			MarketplaceStats json.RawMessage `json:"marketplaceStats"`
			SellerStats      json.RawMessage `json:"sellerStats"`
		}
		if json.Unmarshal(raw, &a) != nil {
			continue
		}
		if st := sellerStats(a.MarketplaceStats, a.SellerStats); st != nil {
			return st
		}
		if st := sellerStats(a.Stats); st != nil && *st != (SellerStats{}) {
			return st
		}
	}
	return nil
}

// compact turns a list of pointers into values, dropping nulls; never nil.
func compact[T any](in []*T) []T {
	out := make([]T, 0, len(in))
	for _, p := range in {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// UnmarshalJSON implements json.Unmarshaler: a wrapped order is unwrapped;
// the service is an object (kept in Service, its ID in ServiceID) or an
// ID; buyer and seller are objects or IDs (buyerId/sellerId); the status is
// upper-cased; the price comes from price, amount, totalPrice or
// priceCents; the due date from dueAt, dueDate, deliveryDate or
// deliverBy; revisions used from revisionsUsed or revisionCount, allowed
// from revisions, revisionsAllowed or maxRevisions (else the service's);
// deliverables may be a list.
func (o *Order) UnmarshalJSON(b []byte) error { return o.decode(b, true) }

// decode reads an order, unwrapping {"order":…} once at most.
func (o *Order) decode(b []byte, unwrap bool) error {
	type plain Order
	var w struct {
		plain
		ID               json.RawMessage `json:"id"`
		OrderID          string          `json:"orderId"`
		Service          json.RawMessage `json:"service"`
		Buyer            json.RawMessage `json:"buyer"`
		Seller           json.RawMessage `json:"seller"`
		BuyerID          string          `json:"buyerId"`
		SellerID         string          `json:"sellerId"`
		Status           string          `json:"status"`
		Requirements     flexText        `json:"requirements"`
		Deliverables     flexText        `json:"deliverables"`
		Price            flexInt         `json:"price"`
		Amount           flexInt         `json:"amount"`
		TotalPrice       flexInt         `json:"totalPrice"`
		PriceCents       flexInt         `json:"priceCents"`
		DeliveryDays     flexInt         `json:"deliveryDays"`
		DueAt            flexTime        `json:"dueAt"`
		DueDate          flexTime        `json:"dueDate"`
		DeliveryDate     flexTime        `json:"deliveryDate"`
		DeliverBy        flexTime        `json:"deliverBy"`
		RevisionsUsed    flexInt         `json:"revisionsUsed"`
		RevisionCount    flexInt         `json:"revisionCount"`
		Revisions        flexInt         `json:"revisions"`
		RevisionsAllowed flexInt         `json:"revisionsAllowed"`
		MaxRevisions     flexInt         `json:"maxRevisions"`
		CreatedAt        flexTime        `json:"createdAt"`
		UpdatedAt        flexTime        `json:"updatedAt"`
		Wrapped          json.RawMessage `json:"order"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && len(w.ID) == 0 && w.OrderID == "" && isObject(w.Wrapped) {
		return o.decode(w.Wrapped, false)
	}
	*o = Order(w.plain)
	o.ID = strings.TrimSpace(cmp.Or(textOf(w.ID), w.OrderID))
	o.Service = nil
	if isObject(w.Service) {
		var svc MarketService
		if json.Unmarshal(w.Service, &svc) == nil {
			o.Service = &svc
			o.ServiceID = cmp.Or(o.ServiceID, svc.ID)
		}
	} else if id := textOf(w.Service); id != "" {
		o.ServiceID = cmp.Or(o.ServiceID, id)
	}
	o.ServiceID = strings.TrimSpace(o.ServiceID)
	o.Buyer = marketAgent([]json.RawMessage{w.Buyer}, w.BuyerID)
	o.Seller = marketAgent([]json.RawMessage{w.Seller}, w.SellerID)
	if o.Seller.ID == "" && o.Seller.Handle == "" && o.Service != nil {
		o.Seller = o.Service.Seller
	}
	o.Status = OrderStatus(strings.ToUpper(strings.TrimSpace(w.Status)))
	o.Requirements, o.Deliverables = string(w.Requirements), string(w.Deliverables)
	o.Price = firstInt(w.Price, w.Amount, w.TotalPrice, w.PriceCents)
	if !w.Price.set && !w.Amount.set && !w.TotalPrice.set && !w.PriceCents.set && o.Service != nil {
		o.Price = o.Service.Price
	}
	o.PaymentMethod = strings.ToUpper(strings.TrimSpace(o.PaymentMethod))
	o.DeliveryDays = w.DeliveryDays.n
	if o.DeliveryDays == 0 && o.Service != nil {
		o.DeliveryDays = o.Service.DeliveryDays
	}
	o.DueAt = nil
	for _, t := range []flexTime{w.DueAt, w.DueDate, w.DeliveryDate, w.DeliverBy} {
		if tt := time.Time(t); !tt.IsZero() {
			o.DueAt = &tt
			break
		}
	}
	o.RevisionsUsed = firstInt(w.RevisionsUsed, w.RevisionCount)
	o.Revisions = firstInt(w.Revisions, w.RevisionsAllowed, w.MaxRevisions)
	if !w.Revisions.set && !w.RevisionsAllowed.set && !w.MaxRevisions.set && o.Service != nil {
		o.Revisions = o.Service.Revisions
	}
	o.CreatedAt, o.UpdatedAt = time.Time(w.CreatedAt), time.Time(w.UpdatedAt)
	return nil
}

// paymentWire reads payment details under their several names.
type paymentWire struct {
	ClientSecret        string `json:"clientSecret"`
	StripeClientSecret  string `json:"stripeClientSecret"`
	CoinbaseCheckoutURL string `json:"coinbaseCheckoutUrl"`
	CheckoutURL         string `json:"checkoutUrl"`
	HostedURL           string `json:"hostedUrl"`
	PaymentURL          string `json:"paymentUrl"`
}

func (p paymentWire) payment() Payment {
	return Payment{
		ClientSecret: Secret(strings.TrimSpace(cmp.Or(p.ClientSecret, p.StripeClientSecret))),
		CheckoutURL:  SafeLink(cmp.Or(p.CoinbaseCheckoutURL, p.CheckoutURL, p.HostedURL, p.PaymentURL)),
	}
}

// orderCreatedTarget decodes the answer to an order: the order (wrapped
// under "order" or bare) and the payment details, found at the top level,
// under payment or paymentInfo, or inside the order.
type orderCreatedTarget struct{ out *OrderCreated }

func (t orderCreatedTarget) parse(body []byte) (any, error) {
	var env struct {
		Order       json.RawMessage `json:"order"`
		Payment     json.RawMessage `json:"payment"`
		PaymentInfo json.RawMessage `json:"paymentInfo"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, malformed(err)
	}
	*t.out = OrderCreated{}
	if err := json.Unmarshal(body, &t.out.Order); err != nil {
		return nil, malformed(err)
	}
	for _, raw := range []json.RawMessage{body, env.Payment, env.PaymentInfo, env.Order} {
		var p paymentWire
		if isObject(raw) && json.Unmarshal(raw, &p) == nil {
			got := p.payment()
			if t.out.Payment.ClientSecret == "" {
				t.out.Payment.ClientSecret = got.ClientSecret
			}
			t.out.Payment.CheckoutURL = cmp.Or(t.out.Payment.CheckoutURL, got.CheckoutURL)
		}
	}
	return t.out, nil
}

// UnmarshalJSON implements json.Unmarshaler: a wrapped message is
// unwrapped; the sender comes from sender, agent or author (or
// senderId/agentId); the text from content or message; null attachments
// are empty.
func (m *OrderMessage) UnmarshalJSON(b []byte) error { return m.decode(b, true) }

// decode reads a message, unwrapping {"message":…} once at most.
func (m *OrderMessage) decode(b []byte, unwrap bool) error {
	type plain OrderMessage
	var w struct {
		plain
		ID          json.RawMessage `json:"id"`
		Sender      json.RawMessage `json:"sender"`
		Agent       json.RawMessage `json:"agent"`
		Author      json.RawMessage `json:"author"`
		SenderID    string          `json:"senderId"`
		AgentID     string          `json:"agentId"`
		Message     json.RawMessage `json:"message"`
		Attachments flexStrings     `json:"attachments"`
		CreatedAt   flexTime        `json:"createdAt"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && len(w.ID) == 0 && isObject(w.Message) {
		return m.decode(w.Message, false)
	}
	*m = OrderMessage(w.plain)
	m.ID = strings.TrimSpace(textOf(w.ID))
	if m.Content == "" {
		m.Content = textOf(w.Message)
	}
	m.Sender = marketAgent([]json.RawMessage{w.Sender, w.Agent, w.Author}, w.SenderID, w.AgentID)
	m.Attachments = orEmpty(w.Attachments)
	m.CreatedAt = time.Time(w.CreatedAt)
	return nil
}

// rating reads a 1–5 rating; anything else is unset.
func rating(n flexInt) *int {
	if !n.set || n.n < MinRating || n.n > MaxRating {
		return nil
	}
	v := n.n
	return &v
}

// UnmarshalJSON implements json.Unmarshaler: a wrapped review is
// unwrapped; the reviewer comes from reviewer, agent, author or buyer (or
// reviewerId/agentId); the text from content or comment; ratings outside
// 1–5 are dropped (Rating 0, sub-ratings nil).
func (r *Review) UnmarshalJSON(b []byte) error { return r.decode(b, true) }

// decode reads a review, unwrapping {"review":…} once at most.
func (r *Review) decode(b []byte, unwrap bool) error {
	type plain Review
	var w struct {
		plain
		ID                  json.RawMessage `json:"id"`
		Reviewer            json.RawMessage `json:"reviewer"`
		Agent               json.RawMessage `json:"agent"`
		Author              json.RawMessage `json:"author"`
		Buyer               json.RawMessage `json:"buyer"`
		ReviewerID          string          `json:"reviewerId"`
		AgentID             string          `json:"agentId"`
		Comment             string          `json:"comment"`
		Rating              flexInt         `json:"rating"`
		QualityRating       flexInt         `json:"qualityRating"`
		CommunicationRating flexInt         `json:"communicationRating"`
		DeliveryRating      flexInt         `json:"deliveryRating"`
		CreatedAt           flexTime        `json:"createdAt"`
		Wrapped             json.RawMessage `json:"review"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && len(w.ID) == 0 && isObject(w.Wrapped) {
		return r.decode(w.Wrapped, false)
	}
	*r = Review(w.plain)
	r.ID = strings.TrimSpace(textOf(w.ID))
	r.Content = cmp.Or(r.Content, w.Comment)
	r.Reviewer = marketAgent([]json.RawMessage{w.Reviewer, w.Agent, w.Author, w.Buyer}, w.ReviewerID, w.AgentID)
	r.Rating = 0
	if p := rating(w.Rating); p != nil {
		r.Rating = *p
	}
	r.QualityRating = rating(w.QualityRating)
	r.CommunicationRating = rating(w.CommunicationRating)
	r.DeliveryRating = rating(w.DeliveryRating)
	r.CreatedAt = time.Time(w.CreatedAt)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: a wrapped payout is
// unwrapped; the ID comes from id or payoutId; the amount from amount,
// amountCents, netAmount or netAmountCents; the status is upper-cased;
// the completion time from completedAt, paidAt or processedAt.
func (p *Payout) UnmarshalJSON(b []byte) error { return p.decode(b, true) }

// decode reads a payout, unwrapping {"payout":…} once at most.
func (p *Payout) decode(b []byte, unwrap bool) error {
	type plain Payout
	var w struct {
		plain
		ID             json.RawMessage `json:"id"`
		PayoutID       string          `json:"payoutId"`
		Amount         flexInt         `json:"amount"`
		AmountCents    flexInt         `json:"amountCents"`
		NetAmount      flexInt         `json:"netAmount"`
		NetAmountCents flexInt         `json:"netAmountCents"`
		Fee            flexInt         `json:"fee"`
		PlatformFee    flexInt         `json:"platformFee"`
		CreatedAt      flexTime        `json:"createdAt"`
		CompletedAt    flexTime        `json:"completedAt"`
		PaidAt         flexTime        `json:"paidAt"`
		ProcessedAt    flexTime        `json:"processedAt"`
		Wrapped        json.RawMessage `json:"payout"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if unwrap && len(w.ID) == 0 && w.PayoutID == "" && isObject(w.Wrapped) {
		return p.decode(w.Wrapped, false)
	}
	*p = Payout(w.plain)
	p.ID = strings.TrimSpace(cmp.Or(textOf(w.ID), w.PayoutID))
	p.Amount = firstInt(w.Amount, w.AmountCents, w.NetAmount, w.NetAmountCents)
	p.Fee = firstInt(w.Fee, w.PlatformFee)
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	p.Status = strings.ToUpper(strings.TrimSpace(p.Status))
	p.CreatedAt = time.Time(w.CreatedAt)
	p.CompletedAt = nil
	for _, t := range []flexTime{w.CompletedAt, w.PaidAt, w.ProcessedAt} {
		if tt := time.Time(t); !tt.IsZero() {
			p.CompletedAt = &tt
			break
		}
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: each total may be called in
// several ways (total, totalEarnings, totalEarned, lifetime; pending,
// pendingAmount, totalPending; … fees or totalFees) and be a number or a
// numeric string.
func (s *PayoutSummary) UnmarshalJSON(b []byte) error {
	var w struct {
		Total, TotalEarnings, TotalEarned, Lifetime, TotalAmount    flexInt
		Fees, TotalFees, Fee                                        flexInt
		Pending, PendingAmount, TotalPending                        flexInt
		Processing, ProcessingAmount, TotalProcessing               flexInt
		Completed, CompletedAmount, TotalCompleted, Paid, TotalPaid flexInt
	}
	if json.Unmarshal(b, &w) != nil {
		*s = PayoutSummary{}
		return nil
	}
	*s = PayoutSummary{
		Total:      firstInt(w.Total, w.TotalEarnings, w.TotalEarned, w.Lifetime, w.TotalAmount),
		Pending:    firstInt(w.Pending, w.PendingAmount, w.TotalPending),
		Processing: firstInt(w.Processing, w.ProcessingAmount, w.TotalProcessing),
		Completed:  firstInt(w.Completed, w.CompletedAmount, w.TotalCompleted, w.Paid, w.TotalPaid),
		Fees:       firstInt(w.Fees, w.TotalFees, w.Fee),
	}
	return nil
}

// payoutsTarget decodes the payouts list: a page under payouts (or items,
// data) with its summary.
type payoutsTarget struct{ out *PayoutPage }

func (t payoutsTarget) parse(body []byte) (any, error) {
	if _, err := pageOf(&t.out.Page, "payouts", "items", "data").parse(body); err != nil {
		return nil, err
	}
	var env struct {
		Summary json.RawMessage `json:"summary"`
		Totals  json.RawMessage `json:"totals"`
	}
	_ = json.Unmarshal(body, &env)
	t.out.Summary = PayoutSummary{}
	for _, raw := range []json.RawMessage{env.Summary, env.Totals} {
		if isObject(raw) {
			_ = json.Unmarshal(raw, &t.out.Summary)
			break
		}
	}
	return t.out, nil
}

// UnmarshalJSON implements json.Unmarshaler: the status may be wrapped
// under account, connect or status; the onboarding link may be called
// onboardingUrl, url or accountLinkUrl and is kept only when it is https;
// Connected is true when the server says so or names an account.
func (c *ConnectStatus) UnmarshalJSON(b []byte) error { return c.decode(b, true) }

// decode reads the status, looking into one wrapper at most.
func (c *ConnectStatus) decode(b []byte, unwrap bool) error {
	var w struct {
		Connected           flexBool        `json:"connected"`
		HasAccount          flexBool        `json:"hasAccount"`
		AccountID           string          `json:"accountId"`
		StripeAccountID     string          `json:"stripeAccountId"`
		ChargesEnabled      flexBool        `json:"chargesEnabled"`
		PayoutsEnabled      flexBool        `json:"payoutsEnabled"`
		DetailsSubmitted    flexBool        `json:"detailsSubmitted"`
		OnboardingURL       string          `json:"onboardingUrl"`
		URL                 string          `json:"url"`
		AccountLinkURL      string          `json:"accountLinkUrl"`
		PreferCrypto        flexBool        `json:"preferCrypto"`
		CryptoWalletAddress string          `json:"cryptoWalletAddress"`
		Account             json.RawMessage `json:"account"`
		Connect             json.RawMessage `json:"connect"`
		Status              json.RawMessage `json:"status"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	inner := ConnectStatus{}
	for _, raw := range []json.RawMessage{w.Account, w.Connect, w.Status} {
		if unwrap && isObject(raw) {
			_ = inner.decode(raw, false)
			break
		}
	}
	*c = ConnectStatus{
		Connected:           w.Connected.b || w.HasAccount.b || w.AccountID != "" || w.StripeAccountID != "" || inner.Connected,
		ChargesEnabled:      w.ChargesEnabled.b || inner.ChargesEnabled,
		PayoutsEnabled:      w.PayoutsEnabled.b || inner.PayoutsEnabled,
		DetailsSubmitted:    w.DetailsSubmitted.b || inner.DetailsSubmitted,
		OnboardingURL:       cmp.Or(SafeLink(cmp.Or(w.OnboardingURL, w.URL, w.AccountLinkURL)), inner.OnboardingURL),
		PreferCrypto:        w.PreferCrypto.b || inner.PreferCrypto,
		CryptoWalletAddress: strings.TrimSpace(cmp.Or(w.CryptoWalletAddress, inner.CryptoWalletAddress)),
	}
	if w.Connected.set && !w.Connected.b {
		c.Connected = false
	}
	c.Connected = c.Connected || c.ChargesEnabled || c.PayoutsEnabled
	return nil
}

// serviceDetailTarget decodes the service detail: the service (wrapped or
// bare) plus reviews and seller stats that may sit beside it rather than
// inside it ({"service":{…},"reviews":[…],"agentStats":{…}}).
type serviceDetailTarget struct{ out *MarketService }

func (t serviceDetailTarget) parse(body []byte) (any, error) {
	if err := json.Unmarshal(body, t.out); err != nil {
		return nil, malformed(err)
	}
	var env struct {
		Reviews     []*Review       `json:"reviews"`
		AgentStats  json.RawMessage `json:"agentStats"`
		SellerStats json.RawMessage `json:"sellerStats"`
		Stats       json.RawMessage `json:"stats"`
		MoreReviews flexBool        `json:"hasMoreReviews"`
	}
	if json.Unmarshal(body, &env) == nil {
		t.out.MoreReviews = t.out.MoreReviews || env.MoreReviews.b
		if len(t.out.Reviews) == 0 && len(env.Reviews) > 0 {
			t.out.Reviews = compact(env.Reviews)
		}
		if t.out.SellerStats == nil {
			t.out.SellerStats = sellerStats(env.AgentStats, env.SellerStats, env.Stats)
		}
	}
	return t.out, nil
}

// deletedTarget reads whether a DELETE deactivated the service instead of
// deleting it: deactivated true, deleted false, an answer that is the
// service with isActive false, or a message or status saying so. Any
// other 2xx (an empty body included) is a deletion.
type deletedTarget struct{ deactivated *bool }

func (t deletedTarget) parse(body []byte) (any, error) {
	*t.deactivated = false
	var w struct {
		Deactivated flexBool        `json:"deactivated"`
		Deleted     flexBool        `json:"deleted"`
		Message     string          `json:"message"`
		Status      string          `json:"status"`
		Action      string          `json:"action"`
		Service     json.RawMessage `json:"service"`
		IsActive    flexBool        `json:"isActive"`
	}
	if json.Unmarshal(body, &w) != nil {
		return nil, nil
	}
	var inner struct {
		IsActive flexBool `json:"isActive"`
	}
	if isObject(w.Service) {
		_ = json.Unmarshal(w.Service, &inner)
	}
	said := strings.ToLower(w.Message + " " + w.Status + " " + w.Action)
	switch {
	case w.Deactivated.set:
		*t.deactivated = w.Deactivated.b
	case w.Deleted.set:
		*t.deactivated = !w.Deleted.b
	case w.IsActive.set:
		*t.deactivated = !w.IsActive.b
	case inner.IsActive.set:
		*t.deactivated = !inner.IsActive.b
	default:
		*t.deactivated = strings.Contains(said, "deactivat")
	}
	return nil, nil
}

// barePageTarget is a page that may also come as a bare array (one page,
// nothing more).
type barePageTarget[T any] struct {
	page *pageTarget[T]
	key  string
}

// barePageOf returns a target like pageOf that also accepts a bare array.
func barePageOf[T any](out *Page[T], keys ...string) barePageTarget[T] {
	return barePageTarget[T]{page: pageOf(out, keys...), key: keys[0]}
}

func (t barePageTarget[T]) parse(body []byte) (any, error) {
	if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && trimmed[0] == '[' {
		wrapped := append([]byte(`{"`+t.key+`":`), trimmed...)
		body = append(wrapped, '}')
	}
	return t.page.parse(body)
}
