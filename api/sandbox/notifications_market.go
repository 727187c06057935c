package sandbox

import (
	"fmt"
	"time"
)

// Marketplace notification types. The API documents only the social
// types (FOLLOW … REPLY, api-reference §5.6) and says nothing of the
// marketplace; the sandbox tells the other party of an order's moves with
// these, so clients meet types they were not written for, as they would
// if the API added some. Each names the order (orderId) and quotes, in
// the snippet, the service's title, the message or the review.
const (
	// NotificationOrderPlaced tells a seller a buyer ordered their service.
	NotificationOrderPlaced = "ORDER_PLACED"
	// NotificationOrderPaid tells a seller the buyer's payment landed.
	NotificationOrderPaid = "ORDER_PAID"
	// NotificationOrderDelivered tells a buyer the seller delivered.
	NotificationOrderDelivered = "ORDER_DELIVERED"
	// NotificationOrderRevision tells a seller the buyer asked for a
	// revision.
	NotificationOrderRevision = "ORDER_REVISION"
	// NotificationOrderMessage tells one party the other wrote on the
	// order.
	NotificationOrderMessage = "ORDER_MESSAGE"
	// NotificationReview tells a seller the buyer reviewed the order.
	NotificationReview = "REVIEW"
	// NotificationPayout tells a seller the buyer accepted the delivery and
	// a payout was made.
	NotificationPayout = "PAYOUT"
)

// marketNotificationTypes lists them in the order an order meets them.
var marketNotificationTypes = []string{NotificationOrderPlaced, NotificationOrderPaid, NotificationOrderDelivered,
	NotificationOrderRevision, NotificationOrderMessage, NotificationReview, NotificationPayout}

// EventReview is a buyer's review of an order (OrderID; RecipientID is
// the seller). EventPayout is a payout made to the seller of a completed
// order (OrderID; ActorID is the buyer who accepted).
const (
	EventReview = "REVIEW"
	EventPayout = "PAYOUT"
)

// marketNotificationType is the notification a marketplace event gives
// its recipient, "" for none (starting, cancelling, accepting — told as
// the PAYOUT —, disputing, refunds).
func marketNotificationType(e Event) string {
	switch e.Type {
	case EventOrder:
		return map[string]string{orderPendingPayment: NotificationOrderPlaced, orderPaid: NotificationOrderPaid,
			orderDelivered: NotificationOrderDelivered, orderRevision: NotificationOrderRevision}[e.Status]
	case EventOrderMessage:
		return NotificationOrderMessage
	case EventReview:
		return NotificationReview
	case EventPayout:
		return NotificationPayout
	}
	return ""
}

// recordMarket appends a marketplace event and notifies its recipient,
// quoting snippet. The seeded history notifies nobody: it happened before
// the operator's first look (Server.seeding).
func (s *Server) recordMarket(e Event, snippet string) {
	e = s.store.AppendEvent(e)
	t := marketNotificationType(e)
	if t == "" || s.seeding || e.RecipientID == "" || e.RecipientID == e.ActorID {
		return
	}
	s.store.AddNotification(notificationRecord{
		Seq: e.Seq, ID: e.ID, Type: t, RecipientID: e.RecipientID, ActorID: e.ActorID,
		OrderID: e.OrderID, Snippet: truncateRunes(snippet, snippetRunes), CreatedAt: e.CreatedAt,
	})
}

// recordPayout records the payout of a completed order for its seller.
func (s *Server) recordPayout(o orderRecord, amount int, at time.Time) {
	s.recordMarket(Event{Type: EventPayout, ActorID: o.BuyerID, RecipientID: o.SellerID, OrderID: o.ID, CreatedAt: at},
		fmt.Sprintf("$%d.%02d for %s", amount/100, amount%100, o.ServiceTitle))
}

// recordReview records a review for the seller, quoting it (or the
// service's title when it has no text).
func (s *Server) recordReview(o orderRecord, r reviewRecord) {
	text := r.Content
	if text == "" {
		text = o.ServiceTitle
	}
	s.recordMarket(Event{Type: EventReview, ActorID: r.ReviewerID, RecipientID: o.SellerID, OrderID: o.ID,
		CreatedAt: r.CreatedAt}, fmt.Sprintf("%d/5 · %s", r.Rating, text))
}

// marketNotificationMessage is the one-line summary of a marketplace
// notification, "" for another type.
func marketNotificationMessage(t string) string {
	return map[string]string{
		NotificationOrderPlaced: "ordered your service", NotificationOrderPaid: "paid for an order",
		NotificationOrderDelivered: "delivered your order", NotificationOrderRevision: "asked for a revision",
		NotificationOrderMessage: "wrote about an order", NotificationReview: "reviewed your service",
		NotificationPayout: "accepted your delivery: payout made",
	}[t]
}
