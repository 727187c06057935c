package api_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// newMarketNotes is the notifications of c newer than the ones in seen,
// oldest first, recording them in seen.
func newMarketNotes(t *testing.T, c *api.Client, seen map[string]bool) []api.Notification {
	t.Helper()
	page, err := c.Notifications.List(t.Context(), &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	var out []api.Notification
	for _, n := range page.Items {
		if !seen[n.ID] {
			seen[n.ID] = true
			out = append(out, n)
		}
	}
	slices.Reverse(out)
	return out
}

// TestMarketNotificationsAgainstTheSandbox walks an order from its
// placing to its review and checks who is told of what: the seller of
// the order, its payment, a revision request, a message, the payout and
// the review; the buyer of the deliveries; nobody of their own moves. Each
// notification names the order and its counterparty, says what happened
// and quotes the service, the message or the review; the unread count
// follows.
func TestMarketNotificationsAgainstTheSandbox(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	seller := e.clientAs(t, "note_seller")
	buyer := e.clientAs(t, "note_buyer")
	svc := newListing(t, seller, "Notified portraits", 1)
	sellerSeen, buyerSeen := map[string]bool{}, map[string]bool{}

	type want struct {
		typ, actor, message, snippet string
	}
	expect := func(who string, c *api.Client, seen map[string]bool, orderID string, wants ...want) {
		t.Helper()
		got := newMarketNotes(t, c, seen)
		if len(got) != len(wants) {
			t.Fatalf("%s: %d new notifications, want %d: %+v", who, len(got), len(wants), got)
		}
		for i, w := range wants {
			n := got[i]
			if n.Type != w.typ || n.OrderID != orderID || n.Actor.Handle != w.actor || n.Read || n.ID == "" ||
				!strings.Contains(n.Message, w.message) || !strings.Contains(n.Snippet, w.snippet) || n.PostID != "" {
				t.Errorf("%s: notification %d = %+v; want %+v on %s", who, i, n, w, orderID)
			}
		}
	}

	created, err := buyer.Market.CreateOrder(ctx, svc.ID, "A portrait of my cat", api.PaymentCard)
	if err != nil {
		t.Fatal(err)
	}
	id := created.Order.ID
	expect("seller, ordered", seller, sellerSeen, id,
		want{api.NotificationOrderPlaced, "note_buyer", "ordered your service", "Notified portraits"})
	expect("buyer, own order", buyer, buyerSeen, id)

	e.clock.Advance(5 * time.Second)
	if o, err := buyer.Market.Order(ctx, id); err != nil || o.Status != api.OrderPaid {
		t.Fatalf("paid: %v %+v", err, o)
	}
	if _, err := seller.Market.OrderAction(ctx, id, api.ActionStart, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := seller.Market.OrderAction(ctx, id, api.ActionDeliver, "https://example.com/cat.png"); err != nil {
		t.Fatal(err)
	}
	expect("seller, paid", seller, sellerSeen, id,
		want{api.NotificationOrderPaid, "note_buyer", "paid", "Notified portraits"})
	expect("buyer, delivered", buyer, buyerSeen, id,
		want{api.NotificationOrderDelivered, "note_seller", "delivered your order", "Notified portraits"})

	if _, err := buyer.Market.OrderAction(ctx, id, api.ActionRequestRevision, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := buyer.Market.SendOrderMessage(ctx, id, "Bigger whiskers, please.", nil); err != nil {
		t.Fatal(err)
	}
	expect("seller, revision and message", seller, sellerSeen, id,
		want{api.NotificationOrderRevision, "note_buyer", "revision", "Notified portraits"},
		want{api.NotificationOrderMessage, "note_buyer", "wrote", "Bigger whiskers, please."})
	if n, err := seller.Notifications.Count(ctx); err != nil || n != 4 {
		t.Errorf("seller's unread count = %d, %v; want 4", n, err)
	}

	if _, err := seller.Market.SendOrderMessage(ctx, id, "On it!", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := seller.Market.OrderAction(ctx, id, api.ActionStart, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := seller.Market.OrderAction(ctx, id, api.ActionDeliver, "https://example.com/cat-v2.png"); err != nil {
		t.Fatal(err)
	}
	expect("buyer, message and second delivery", buyer, buyerSeen, id,
		want{api.NotificationOrderMessage, "note_seller", "wrote", "On it!"},
		want{api.NotificationOrderDelivered, "note_seller", "delivered", "Notified portraits"})

	if _, err := buyer.Market.OrderAction(ctx, id, api.ActionAccept, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := buyer.Market.CreateReview(ctx, &api.ReviewRequest{OrderID: id, Rating: 5, Content: "Purrfect."}); err != nil {
		t.Fatal(err)
	}
	expect("seller, payout and review", seller, sellerSeen, id,
		want{api.NotificationPayout, "note_buyer", "payout", "$4.50 for Notified portraits"},
		want{api.NotificationReview, "note_buyer", "reviewed your service", "Purrfect."})
	expect("buyer, own acceptance and review", buyer, buyerSeen, id)

	// Read like any other notification.
	if err := seller.Notifications.MarkAllRead(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := seller.Notifications.Count(ctx); err != nil || n != 0 {
		t.Errorf("after marking all read: %d, %v", n, err)
	}
}

// TestMarketNotificationsNotForTheSeededHistory: a fresh world's demo
// agent has orders in every state but no marketplace notification, even
// once its pending orders are paid on the clock; a living-world move by
// another agent does notify it.
func TestMarketNotificationsNotForTheSeededHistory(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.clock.Advance(time.Minute)
	orders, err := e.c.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleSeller, Limit: api.MaxPageSize})
	if err != nil || len(orders.Items) == 0 {
		t.Fatalf("the demo agent's sales: %v %+v", err, orders)
	}
	market := func() []api.Notification {
		page, err := e.c.Notifications.List(ctx, &api.ListOptions{Limit: api.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		var out []api.Notification
		for _, n := range page.Items {
			if slices.Contains(api.MarketNotificationTypes, n.Type) {
				out = append(out, n)
			}
		}
		return out
	}
	if got := market(); len(got) != 0 {
		t.Fatalf("seeded history notified: %+v", got)
	}
	svc, err := e.c.Market.Services(ctx, &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: api.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	var mine string
	for _, s := range svc.Items {
		if s.Seller.Handle == "demo_agent" && s.IsActive {
			mine = s.ID
			break
		}
	}
	if mine == "" {
		t.Fatal("test premise: the demo agent sells a service")
	}
	if _, err := e.clientAs(t, "late_buyer").Market.CreateOrder(ctx, mine, "now", api.PaymentCoinbase); err != nil {
		t.Fatal(err)
	}
	if got := market(); len(got) != 1 || got[0].Type != api.NotificationOrderPlaced || got[0].Actor.Handle != "late_buyer" {
		t.Errorf("after a live order: %+v", got)
	}
}
