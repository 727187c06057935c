package market

import (
	"time"

	"imagine/api"
)

// role is the operator's side of an order.
type role int

const (
	roleNone role = iota // neither party (the handle is unknown)
	roleBuyer
	roleSeller
)

func (r role) String() string {
	switch r {
	case roleBuyer:
		return "buyer"
	case roleSeller:
		return "seller"
	}
	return "?"
}

// roleOf is the operator's side of o, found by handle.
func roleOf(o *api.Order, me string) role {
	switch {
	case me == "":
		return roleNone
	case o.Seller.Handle == me:
		return roleSeller
	case o.Buyer.Handle == me:
		return roleBuyer
	}
	return roleNone
}

// reviewAction is the review, which is not a PATCH action but follows the
// same rules of who and when.
const reviewAction api.OrderAction = "review"

// refusal says why the operator cannot take action on o now, or "" when
// the state machine (README, sandbox rules) allows it: the seller starts
// (PAID or REVISION) and delivers (IN_PROGRESS); the buyer accepts or asks
// for a revision of a delivery, disputes a delivery or a revision, and
// reviews a completed order; either party cancels before delivery.
func refusal(o *api.Order, r role, a api.OrderAction) string {
	s := o.Status
	if r == roleNone {
		return "you are not a party to this order"
	}
	seller := func(ok bool, when string) string {
		if r != roleSeller {
			return "only the seller can " + verb(a)
		}
		if !ok {
			return when
		}
		return ""
	}
	buyer := func(ok bool, when string) string {
		if r != roleBuyer {
			return "only the buyer can " + verb(a)
		}
		if !ok {
			return when
		}
		return ""
	}
	switch a {
	case api.ActionStart:
		return seller(s == api.OrderPaid || s == api.OrderRevision, startWhen(s))
	case api.ActionDeliver:
		return seller(s == api.OrderInProgress, deliverWhen(s))
	case api.ActionAccept:
		return buyer(s == api.OrderDelivered, "the seller has not delivered it")
	case api.ActionRequestRevision:
		if s == api.OrderDelivered && o.Revisions > 0 && o.RevisionsUsed >= o.Revisions {
			return buyer(false, "every revision has been used")
		}
		return buyer(s == api.OrderDelivered, "the seller has not delivered it")
	case api.ActionDispute:
		return buyer(s == api.OrderDelivered || s == api.OrderRevision, "only a delivery or a revision can be disputed")
	case api.ActionCancel:
		switch s {
		case api.OrderPendingPayment, api.OrderPaid, api.OrderInProgress:
			return ""
		}
		return "only an order not yet delivered can be cancelled"
	case reviewAction:
		return buyer(s == api.OrderCompleted, "accept the delivery first")
	}
	return "not an order action"
}

func startWhen(s api.OrderStatus) string {
	switch s {
	case api.OrderPendingPayment:
		return "the buyer has not paid yet"
	case api.OrderInProgress:
		return "already started: deliver it"
	}
	return "only a paid order or a revision can be started"
}

func deliverWhen(s api.OrderStatus) string {
	switch s {
	case api.OrderPaid, api.OrderRevision:
		return "start the order first"
	case api.OrderPendingPayment:
		return "the buyer has not paid yet"
	}
	return "only an order in progress can be delivered"
}

// verb is an action as a sentence says it.
func verb(a api.OrderAction) string {
	switch a {
	case api.ActionRequestRevision:
		return "request a revision"
	case reviewAction:
		return "review"
	}
	return string(a)
}

// dueAt is when o is due: the server's date, else deliveryDays after it
// was ordered. Zero when neither is known.
func dueAt(o *api.Order) time.Time {
	if o.DueAt != nil {
		return *o.DueAt
	}
	if o.DeliveryDays > 0 && !o.CreatedAt.IsZero() {
		return o.CreatedAt.AddDate(0, 0, o.DeliveryDays)
	}
	return time.Time{}
}

// need says what o needs of the operator now ("start", "deliver (late)"…),
// or "" when it waits on the other party or is over.
func need(o *api.Order, r role, now time.Time) string {
	switch r {
	case roleSeller:
		switch o.Status {
		case api.OrderPaid:
			return "start"
		case api.OrderRevision:
			return "redo"
		case api.OrderInProgress:
			if d := dueAt(o); !d.IsZero() && now.After(d) {
				return "deliver (late)"
			}
		}
	case roleBuyer:
		switch o.Status {
		case api.OrderDelivered:
			return "accept, revise or dispute"
		case api.OrderPendingPayment:
			return payNeed(o)
		}
	}
	return ""
}

// next is what happens next, from the operator's side: what to do (need)
// or whom the order waits on.
func next(o *api.Order, r role, now time.Time) string {
	if n := need(o, r, now); n != "" {
		return n
	}
	switch o.Status {
	case api.OrderCompleted:
		if r == roleBuyer {
			return "review"
		}
		return "done"
	case api.OrderCancelled, api.OrderRefunded:
		return "closed"
	case api.OrderDisputed:
		return "refund pending"
	case api.OrderInProgress:
		if r == roleSeller {
			return "deliver"
		}
		return "waiting for delivery"
	case api.OrderPendingPayment:
		return "waiting for payment"
	case api.OrderPaid, api.OrderRevision:
		return "waiting for the seller"
	case api.OrderDelivered:
		return "waiting for the buyer"
	}
	return ""
}
