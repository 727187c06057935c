package sandbox

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// The order state machine (api-reference §5.9, the sandbox's reading):
//
//	PENDING_PAYMENT -> PAID          paymentDelay after the order, on the server clock, every method
//	PAID        -> IN_PROGRESS       seller: start
//	REVISION    -> IN_PROGRESS       seller: start (again)
//	IN_PROGRESS -> DELIVERED         seller: deliver, deliverables required
//	DELIVERED   -> COMPLETED         buyer: accept (the seller gets a PENDING payout)
//	DELIVERED   -> REVISION          buyer: request_revision, at most the service's revisions
//	PENDING_PAYMENT, PAID, IN_PROGRESS -> CANCELLED   either party: cancel
//	DELIVERED, REVISION -> DISPUTED  buyer: dispute
//	DISPUTED    -> REFUNDED          disputeRefundDelay after the dispute (the sandbox's rule)
//
// A refused action is 403 (wrong party), 409 (wrong state, or no revision
// left) or 400 (unknown action, missing deliverables).

// orderJSON is an order on the wire.
type orderJSON struct {
	ID               string          `json:"id"`
	ServiceID        string          `json:"serviceId"`
	Service          orderServiceRef `json:"service"`
	Buyer            agentInfoJSON   `json:"buyer"`
	Seller           agentInfoJSON   `json:"seller"`
	BuyerID          string          `json:"buyerId"`
	SellerID         string          `json:"sellerId"`
	Requirements     string          `json:"requirements"`
	PaymentMethod    string          `json:"paymentMethod"`
	Status           string          `json:"status"`
	Deliverables     *string         `json:"deliverables"`
	Price            int             `json:"price"`
	Currency         string          `json:"currency"`
	RevisionsAllowed int             `json:"revisionsAllowed"`
	RevisionsUsed    int             `json:"revisionsUsed"`
	HasReview        bool            `json:"hasReview"`
	CreatedAt        string          `json:"createdAt"`
	UpdatedAt        string          `json:"updatedAt"`
	PaidAt           *string         `json:"paidAt"`
	DeliveredAt      *string         `json:"deliveredAt"`
	CompletedAt      *string         `json:"completedAt"`
	CancelledAt      *string         `json:"cancelledAt"`
	DisputedAt       *string         `json:"disputedAt"`
}

// orderServiceRef is the service an order is for, as it was ordered.
type orderServiceRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// orderMessageJSON is a message on an order.
type orderMessageJSON struct {
	ID          string        `json:"id"`
	OrderID     string        `json:"orderId"`
	Content     string        `json:"content"`
	Attachments []string      `json:"attachments"`
	CreatedAt   string        `json:"createdAt"`
	Sender      agentInfoJSON `json:"sender"`
	SenderID    string        `json:"senderId"`
}

func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := formatTime(t)
	return &s
}

func (s *Server) renderOrder(o orderRecord) orderJSON {
	return orderJSON{
		ID: o.ID, ServiceID: o.ServiceID, Service: orderServiceRef{ID: o.ServiceID, Title: o.ServiceTitle},
		Buyer: s.agentInfoByID(o.BuyerID), Seller: s.agentInfoByID(o.SellerID), BuyerID: o.BuyerID, SellerID: o.SellerID,
		Requirements: o.Requirements, PaymentMethod: o.PaymentMethod, Status: o.Status,
		Deliverables: nullable(o.Deliverables), Price: o.Price, Currency: "USD",
		RevisionsAllowed: o.RevisionsAllowed, RevisionsUsed: o.RevisionsUsed, HasReview: o.Reviewed,
		CreatedAt: formatTime(o.CreatedAt), UpdatedAt: formatTime(o.UpdatedAt), PaidAt: optTime(o.PaidAt),
		DeliveredAt: optTime(o.DeliveredAt), CompletedAt: optTime(o.CompletedAt),
		CancelledAt: optTime(o.CancelledAt), DisputedAt: optTime(o.DisputedAt),
	}
}

func (s *Server) renderOrderMessage(m orderMessageRecord) orderMessageJSON {
	return orderMessageJSON{ID: m.ID, OrderID: m.OrderID, Content: m.Content, Attachments: nonNil(m.Attachments),
		CreatedAt: formatTime(m.CreatedAt), Sender: s.agentInfoByID(m.SenderID), SenderID: m.SenderID}
}

// recordOrder logs an order's new status and tells the other party of the
// moves that concern them (marketNotificationType).
func (s *Server) recordOrder(o orderRecord, actorID string, at time.Time) {
	s.recordMarket(orderEvent(o, actorID, at), o.ServiceTitle)
}

// orderEvent is o's new status, by actorID, for the other party.
func orderEvent(o orderRecord, actorID string, at time.Time) Event {
	recipient := o.SellerID
	if actorID == o.SellerID {
		recipient = o.BuyerID
	}
	return Event{Type: EventOrder, ActorID: actorID, RecipientID: recipient, OrderID: o.ID, Status: o.Status, CreatedAt: at}
}

// settleOrders applies the transitions the server clock makes (payment,
// refund after a dispute, payouts finishing) to every order and payout due
// by now. Every order read and action calls it first, and the living
// world's ticker does too, so they happen even when nobody asks.
func (s *Server) settleOrders(now time.Time) {
	due := func(o *orderRecord) bool {
		return o.Status == orderPendingPayment && !now.Before(o.CreatedAt.Add(paymentDelay)) ||
			o.Status == orderDisputed && !now.Before(o.DisputedAt.Add(disputeRefundDelay))
	}
	for _, id := range s.store.OrderIDs(due) {
		var actor string
		var at time.Time
		o, err := s.store.UpdateOrder(id, func(o *orderRecord) error {
			switch {
			case o.Status == orderPendingPayment && !now.Before(o.CreatedAt.Add(paymentDelay)):
				at = o.CreatedAt.Add(paymentDelay)
				o.Status, o.PaidAt, actor = orderPaid, at, o.BuyerID
			case o.Status == orderDisputed && !now.Before(o.DisputedAt.Add(disputeRefundDelay)):
				at = o.DisputedAt.Add(disputeRefundDelay)
				o.Status, actor = orderRefunded, o.SellerID
			default:
				return errConflict // settled meanwhile
			}
			o.UpdatedAt = at
			return nil
		})
		switch {
		case err != nil:
		case o.Seeded:
			// The seeded history's payments and refunds, come due after
			// New, are history too: nobody is told (quiet tests).
			s.store.AppendEvent(orderEvent(o, actor, at))
		default:
			s.recordOrder(o, actor, at)
		}
	}
	s.settlePayouts(now)
}

// paymentInfo is the simulated payment of a new order: a Stripe-like
// client secret for CARD, a checkout URL for the crypto methods and
// Coinbase. Both are sandbox values that pay nothing; the order turns PAID
// on its own paymentDelay later.
func paymentInfo(o orderRecord) map[string]any {
	p := map[string]any{"method": o.PaymentMethod, "amount": o.Price, "currency": "USD", "sandbox": true,
		"paidAutomaticallyAfterSeconds": int(paymentDelay / time.Second)}
	if o.ClientSecret != "" {
		p["clientSecret"] = o.ClientSecret
	}
	if o.CheckoutURL != "" {
		p["coinbaseCheckoutUrl"] = o.CheckoutURL
	}
	return p
}

// orderInput is the body of POST /api/marketplace/orders.
type orderInput struct {
	ServiceID     string `json:"serviceId"`
	Requirements  string `json:"requirements"`
	PaymentMethod string `json:"paymentMethod"`
}

// createOrderHandler is POST /api/marketplace/orders.
func (s *Server) createOrderHandler(rq *request) reply {
	var in orderInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	if strings.TrimSpace(in.ServiceID) == "" {
		return fail(badInput("serviceId is required"))
	}
	if err := checkText("requirements", in.Requirements, maxRequirementsRunes); err != nil {
		return fail(err)
	}
	if err := oneOf("paymentMethod", in.PaymentMethod, paymentMethods); err != nil {
		return fail(err)
	}
	l, found := s.store.Listing(in.ServiceID)
	switch {
	case !found:
		return fail(notFound("Service"))
	case l.AgentID == rq.viewer.ID:
		return fail(newError(http.StatusForbidden, "own_service", "You cannot order your own service"))
	case !l.Active:
		return fail(newError(http.StatusConflict, "service_inactive", "This service is not taking orders"))
	}
	o := s.placeOrder(l, rq.viewer.ID, in.Requirements, in.PaymentMethod, rq.now)
	body := map[string]any{"order": s.renderOrder(o), "payment": paymentInfo(o)}
	if o.ClientSecret != "" {
		body["clientSecret"] = o.ClientSecret
	} else {
		body["coinbaseCheckoutUrl"] = o.CheckoutURL
	}
	return created(body)
}

// placeOrder stores a new PENDING_PAYMENT order of buyerID for l.
func (s *Server) placeOrder(l listingRecord, buyerID, requirements, method string, at time.Time) orderRecord {
	id := s.store.NewID("ord_")
	o := orderRecord{ID: id, ServiceID: l.ID, ServiceTitle: l.Title, BuyerID: buyerID, SellerID: l.AgentID,
		Requirements: requirements, PaymentMethod: method, Status: orderPendingPayment, Price: l.Price,
		RevisionsAllowed: l.Revisions, CreatedAt: at, UpdatedAt: at, Seeded: s.seeding}
	if method == "CARD" {
		o.ClientSecret = "pi_sandbox_" + strings.TrimPrefix(id, "ord_") + "_secret_sandbox"
	} else {
		o.CheckoutURL = "https://sandbox.invalid/coinbase/checkout/" + id
	}
	o = s.store.CreateOrder(o)
	s.recordOrder(o, buyerID, at)
	return o
}

// partyOrder loads an order the caller is a party to, settled to now: 404
// when unknown, 403 for anyone but its buyer and seller.
func (s *Server) partyOrder(rq *request) (orderRecord, error) {
	s.settleOrders(rq.now)
	o, found := s.store.Order(rq.path("id"))
	if !found {
		return o, notFound("Order")
	}
	if o.BuyerID != rq.viewer.ID && o.SellerID != rq.viewer.ID {
		return o, forbidden("Only the buyer and the seller can see this order")
	}
	return o, nil
}

// listOrders is GET /api/marketplace/orders: the caller's orders, newest
// first; role all (default), buyer or seller; status one of §5.9.
func (s *Server) listOrders(rq *request) reply {
	q, err := rq.page(cursorOrders)
	if err != nil {
		return fail(err)
	}
	v := rq.r.URL.Query()
	role := v.Get("role")
	if role == "" {
		role = "all"
	}
	if err := oneOf("role", role, []string{"all", "buyer", "seller"}); err != nil {
		return fail(err)
	}
	status := v.Get("status")
	if status != "" {
		if err := oneOf("status", status, orderStatuses); err != nil {
			return fail(err)
		}
	}
	s.settleOrders(rq.now)
	me := rq.viewer.ID
	os, more := s.store.ListOrders(func(o *orderRecord) bool {
		mine := (role != "seller" && o.BuyerID == me) || (role != "buyer" && o.SellerID == me)
		return mine && (status == "" || o.Status == status)
	}, q)
	out := make([]orderJSON, 0, len(os))
	var last int64
	for _, o := range os {
		out = append(out, s.renderOrder(o))
		last = o.Seq
	}
	return ok(listBody("orders", out, cursorOrders, last, more))
}

// showOrder is GET /api/marketplace/orders/{id}.
func (s *Server) showOrder(rq *request) reply {
	o, err := s.partyOrder(rq)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"order": s.renderOrder(o)})
}

// orderAction is the body of PATCH /api/marketplace/orders/{id}.
type orderAction struct {
	Action       string `json:"action"`
	Deliverables string `json:"deliverables"`
}

var orderActions = []string{"start", "deliver", "accept", "request_revision", "dispute", "cancel"}

// transition applies action by actorID to o (already settled) or says why
// not. It is the whole state machine; the living world uses it too.
func transition(o *orderRecord, actorID string, a orderAction, now time.Time) error {
	if err := oneOf("action", a.Action, orderActions); err != nil {
		return err
	}
	seller, buyer := actorID == o.SellerID, actorID == o.BuyerID
	wrongParty := func(who string) error {
		return forbidden("Only the %s may %s this order", who, strings.ReplaceAll(a.Action, "_", " "))
	}
	wrongState := func() error {
		hint := ""
		if a.Action == "deliver" && o.Status == orderRevision {
			hint = ": start it again first (action start), then deliver"
		}
		return newError(http.StatusConflict, "invalid_status", "Cannot %s an order that is %s%s", strings.ReplaceAll(a.Action, "_", " "), o.Status, hint)
	}
	switch a.Action {
	case "start":
		if !seller {
			return wrongParty("seller")
		}
		if o.Status != orderPaid && o.Status != orderRevision {
			return wrongState()
		}
		o.Status = orderInProgress
	case "deliver":
		if !seller {
			return wrongParty("seller")
		}
		if o.Status != orderInProgress {
			return wrongState()
		}
		if err := checkText("deliverables", a.Deliverables, maxDeliverablesRunes); err != nil {
			return err
		}
		o.Status, o.Deliverables, o.DeliveredAt = orderDelivered, a.Deliverables, now
	case "accept":
		if !buyer {
			return wrongParty("buyer")
		}
		if o.Status != orderDelivered {
			return wrongState()
		}
		o.Status, o.CompletedAt = orderCompleted, now
	case "request_revision":
		if !buyer {
			return wrongParty("buyer")
		}
		if o.Status != orderDelivered {
			return wrongState()
		}
		if o.RevisionsUsed >= o.RevisionsAllowed {
			return newError(http.StatusConflict, "revision_limit_reached", "All %d revisions of this order are used", o.RevisionsAllowed)
		}
		o.Status = orderRevision
		o.RevisionsUsed++
	case "dispute":
		if !buyer {
			return wrongParty("buyer")
		}
		if o.Status != orderDelivered && o.Status != orderRevision {
			return wrongState()
		}
		o.Status, o.DisputedAt = orderDisputed, now
	case "cancel":
		if !seller && !buyer {
			return forbidden("Only the buyer or the seller may cancel this order")
		}
		if !slices.Contains([]string{orderPendingPayment, orderPaid, orderInProgress}, o.Status) {
			return wrongState()
		}
		o.Status, o.CancelledAt = orderCancelled, now
	}
	o.UpdatedAt = now
	return nil
}

// actOnOrder applies an action, records it and, for a completed order,
// creates the seller's payout and tells them.
func (s *Server) actOnOrder(id, actorID string, a orderAction, now time.Time) (orderRecord, error) {
	s.settleOrders(now)
	o, err := s.store.UpdateOrder(id, func(o *orderRecord) error { return transition(o, actorID, a, now) })
	if err != nil {
		return o, err
	}
	s.recordOrder(o, actorID, now)
	if o.Status == orderCompleted {
		fee := o.Price * platformFeePercent / 100
		s.store.CreatePayout(payoutRecord{AgentID: o.SellerID, OrderID: o.ID, Amount: o.Price - fee, Fee: fee,
			Status: payoutPending, CreatedAt: now})
		s.recordPayout(o, o.Price-fee, now)
	}
	return o, nil
}

// updateOrderHandler is PATCH /api/marketplace/orders/{id}.
func (s *Server) updateOrderHandler(rq *request) reply {
	o, err := s.partyOrder(rq)
	if err != nil {
		return fail(err)
	}
	var a orderAction
	if err := rq.decode(&a); err != nil {
		return fail(err)
	}
	if a.Action == "" {
		return fail(badInput("action is required"))
	}
	o, err = s.actOnOrder(o.ID, rq.viewer.ID, a, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"order": s.renderOrder(o)})
}

// listOrderMessages is GET /api/marketplace/orders/{id}/messages, as
// {messages, nextCursor, hasMore}, paged like a conversation's messages:
// the first page holds the newest messages and nextCursor leads to older
// ones; within a page they are oldest first. (The spec says nothing of
// the order; this is the sandbox's reading, the one a chat thread needs.)
func (s *Server) listOrderMessages(rq *request) reply {
	o, err := s.partyOrder(rq)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorOrderMessages)
	if err != nil {
		return fail(err)
	}
	ms, more := s.store.ListOrderMessages(o.ID, q) // newest first
	out := make([]orderMessageJSON, len(ms))
	var last int64
	for i, m := range ms {
		out[len(ms)-1-i] = s.renderOrderMessage(m)
		last = m.Seq
	}
	return ok(listBody("messages", out, cursorOrderMessages, last, more))
}

// orderMessageInput is the body of POST .../messages.
type orderMessageInput struct {
	Content     string   `json:"content"`
	Attachments []string `json:"attachments"`
}

// postOrderMessage is POST /api/marketplace/orders/{id}/messages.
func (s *Server) postOrderMessage(rq *request) reply {
	o, err := s.partyOrder(rq)
	if err != nil {
		return fail(err)
	}
	var in orderMessageInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	m, err := s.addOrderMessage(o, rq.viewer.ID, in, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"message": s.renderOrderMessage(m)})
}

// addOrderMessage validates and stores a message and records it.
func (s *Server) addOrderMessage(o orderRecord, senderID string, in orderMessageInput, now time.Time) (orderMessageRecord, error) {
	if err := checkText("content", in.Content, maxOrderMessageRunes); err != nil {
		return orderMessageRecord{}, err
	}
	if len(in.Attachments) > maxAttachments {
		return orderMessageRecord{}, badInput("at most %d attachments", maxAttachments)
	}
	for _, u := range in.Attachments {
		if s.ownMedia(u) {
			// The real server's uploads are https; this one's are served
			// over plain http on loopback, and must attach all the same.
			continue
		}
		if err := checkHTTPS("attachments", u); err != nil {
			return orderMessageRecord{}, err
		}
	}
	m := s.store.AddOrderMessage(orderMessageRecord{OrderID: o.ID, SenderID: senderID, Content: in.Content,
		Attachments: in.Attachments, CreatedAt: now})
	// A message is activity on the order: its updatedAt moves, so a client
	// polling the orders list (imagine listen) learns which order to read
	// the messages of without polling every order.
	_, _ = s.store.UpdateOrder(o.ID, func(r *orderRecord) error {
		if now.After(r.UpdatedAt) {
			r.UpdatedAt = now
		}
		return nil
	})
	recipient := o.SellerID
	if senderID == o.SellerID {
		recipient = o.BuyerID
	}
	s.recordMarket(Event{Type: EventOrderMessage, ActorID: senderID, RecipientID: recipient, OrderID: o.ID,
		MessageID: m.ID, CreatedAt: now}, in.Content)
	return m, nil
}
