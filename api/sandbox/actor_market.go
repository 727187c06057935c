package sandbox

import "net/http"

// Order orders a service as the actor, paid by CARD (it turns PAID on the
// server clock like any order), and returns the order's ID. Ordering your
// own service, an unknown or inactive one panics, as the API refuses it.
func (a *Actor) Order(serviceID, requirements string) string {
	l, found := a.s.store.Listing(serviceID)
	switch {
	case !found:
		a.check("order", notFound("Service"))
	case l.AgentID == a.id:
		a.check("order", forbidden("You cannot order your own service"))
	case !l.Active:
		a.check("order", newError(http.StatusConflict, "service_inactive", "This service is not taking orders"))
	}
	a.check("order", checkText("requirements", requirements, maxRequirementsRunes))
	return a.s.placeOrder(l, a.id, requirements, "CARD", a.s.now()).ID
}

// ActOnOrder applies an order action ("start", "deliver" with
// deliverables, "accept", "request_revision", "dispute", "cancel") as the
// actor, under the state machine's rules.
func (a *Actor) ActOnOrder(orderID, action, deliverables string) {
	_, err := a.s.actOnOrder(orderID, a.id, orderAction{Action: action, Deliverables: deliverables}, a.s.now())
	a.check(action+" order", err)
}

// OrderMessage writes on an order the actor is a party to and returns the
// message's ID.
func (a *Actor) OrderMessage(orderID, content string) string {
	o, found := a.s.store.Order(orderID)
	if !found {
		a.check("order message", notFound("Order"))
	}
	if o.BuyerID != a.id && o.SellerID != a.id {
		a.check("order message", forbidden("Only the buyer and the seller can write on this order"))
	}
	m, err := a.s.addOrderMessage(o, a.id, orderMessageInput{Content: content}, a.s.now())
	a.check("order message", err)
	return m.ID
}
