package cli

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// agentApp is one whole program signed in as one agent, on its own
// virtual terminal. c is another client of the same agent, for the test's
// own reads of the server: they must not spend the program's client-side
// request budget.
type agentApp struct {
	t      *testing.T
	handle string
	c      *api.Client
	tm     *teatest.TestModel
	scr    *screen
}

// startAgentApp registers handle on srv (served at url) and runs the TUI
// signed in as it, waiting for the sign-in to show in the status line.
func startAgentApp(t *testing.T, srv *sandbox.Server, url, handle string) *agentApp {
	t.Helper()
	srv.ActAs(handle)
	id, secret := srv.Credentials(handle)
	client := func() *api.Client {
		c, err := api.New(api.WithBaseURL(url), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tm, scr := runApp(t, client(), 120, 40)
	a := &agentApp{t: t, handle: handle, c: client(), tm: tm, scr: scr}
	a.see(" @" + handle + " ")
	return a
}

// press sends key presses by name.
func (a *agentApp) press(keys ...string) {
	for _, k := range keys {
		a.tm.Send(tuitest.Press(k))
	}
}

// typ types text, one key per rune.
func (a *agentApp) typ(text string) {
	for _, k := range tuitest.Type(text) {
		a.tm.Send(k)
	}
}

// see waits (generously) until this agent's screen shows want.
func (a *agentApp) see(want string) string {
	a.t.Helper()
	return a.scr.waitFor(a.t, want, 20*time.Second)
}

// seeRetrying waits like see, pressing r when the screen offers to retry
// a read the client's own request budget put off (this test types much
// faster than a person, and the background budget refills one read every
// 1.5 s: a retry waits for a few).
func (a *agentApp) seeRetrying(want string) {
	a.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		screen := a.scr.text()
		if strings.Contains(screen, want) {
			return
		}
		if strings.Contains(screen, "r retries") {
			time.Sleep(5 * time.Second)
			a.press("r")
		}
		time.Sleep(50 * time.Millisecond)
	}
	a.t.Fatalf("@%s: the screen never showed %q; screen:\n%s", a.handle, want, a.scr.text())
}

// seeSelected waits until the rows marked in the gutter (one item, which
// may take two lines) hold every part.
func (a *agentApp) seeSelected(parts ...string) {
	a.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		line := selectedRows(a.scr.text())
		ok := line != ""
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	a.t.Fatalf("@%s: the selected row never held %q; screen:\n%s", a.handle, parts, a.scr.text())
}

// quit ends the program.
func (a *agentApp) quit() {
	a.press("q")
	a.tm.WaitFinished(a.t, teatest.WithFinalTimeout(5*time.Second))
}

// order is the one order between the two agents, read by a.
func (a *agentApp) order() *api.Order {
	a.t.Helper()
	page, err := a.c.Market.Orders(a.t.Context(), &api.OrderListOptions{Limit: 100})
	if err != nil || len(page.Items) != 1 {
		a.t.Fatalf("@%s's orders: %v, %v", a.handle, page, err)
	}
	return &page.Items[0]
}

// waitOrder waits until the order, read on the server, satisfies ok.
func (a *agentApp) waitOrder(id string, ok func(*api.Order) bool) {
	a.t.Helper()
	var last *api.Order
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		o, err := a.c.Market.Order(a.t.Context(), id)
		if err == nil && ok(o) {
			return
		}
		last = o
		time.Sleep(100 * time.Millisecond)
	}
	a.t.Fatalf("the order on the server never reached the expected state; last %+v", last)
}

// review writes the buyer's review of the open, completed order in the
// review form (R): each rating 1-5 is reached from "not given" with ←
// (which goes to 5 first), each field answered once it has the focus. It
// is one function so that a change of the review UI changes one place.
func (a *agentApp) review(rating, quality, communication, delivery int, text string) {
	a.t.Helper()
	a.press("R")
	a.see("Review of ")
	stars := func(title string, n int) {
		a.see("┃ " + title)
		for range 6 - n {
			a.press("left")
		}
		a.press("enter")
	}
	stars("Rating (required)", rating)
	stars("Quality", quality)
	stars("Communication", communication)
	stars("Delivery", delivery)
	a.see("┃ Your review")
	a.typ(text)
	a.see(text)
	a.press("enter")
	a.see("Review posted")
}

// TestEndToEndMarketTwoAgentsOrderToReviewAndPayout walks issue 9's whole
// marketplace business between two programs on one sandbox, each signed
// in as its own agent: the seller lists a service in the form, the buyer
// finds and orders it, the payment lands, the seller starts and delivers,
// the buyer asks for a revision, the seller delivers again, the buyer
// accepts and reviews, and the seller sees the review on the listing, the
// payout in Money, and both among its notifications. Every step is a key
// of the right agent, every state is read on that agent's screen, and the
// server is checked after each move.
func TestEndToEndMarketTwoAgentsOrderToReviewAndPayout(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	seller := startAgentApp(t, srv, hs.URL, "e2e_seller")
	buyer := startAgentApp(t, srv, hs.URL, "e2e_buyer")
	const title = "Two agent mascot drawing"

	// The seller lists a service.
	seller.press("4")
	seller.see("Market · orders")
	seller.press("S")
	seller.see("Market · services")
	seller.press("n")
	seller.see("New listing")
	field := func(name, text string) {
		seller.see("┃ " + name)
		seller.typ(text)
		seller.press("enter")
	}
	field("Title", title)
	field("Short description", "A mascot, drawn for two agents")
	field("Description", "One **mascot** in two poses.")
	field("Price in dollars", "12.50")
	field("Delivery days", "")
	field("Revisions", "") // one, the form's default
	field("Category", "")
	field("Tags", "mascot")
	field("Thumbnail URL", "")
	field("Image URLs", "")
	seller.see("Listing published")
	var svc *api.MarketService
	waitServer(t, func() bool {
		page, err := buyer.c.Market.Services(t.Context(), &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 5}, Search: title})
		if err != nil || len(page.Items) != 1 {
			return false
		}
		svc = &page.Items[0]
		return svc.Price == 1250 && svc.Revisions == 1 && svc.Seller.Handle == seller.handle
	})

	// The buyer finds it and orders it.
	buyer.press("4")
	buyer.see("Market · orders")
	buyer.press("S")
	buyer.see("Market · services")
	buyer.press("/")
	buyer.typ(title)
	buyer.press("enter")
	buyer.seeSelected(title, "$12.50")
	buyer.press("enter")
	buyer.see("Market › Services › ")
	buyer.see("@" + seller.handle)
	buyer.press("B")
	buyer.see("Pay with")
	buyer.typ("Our mascot: a friendly robot.")
	buyer.see("a friendly robot.")
	buyer.press("enter") // to the payment method: card is first
	buyer.see("enter orders")
	buyer.press("enter")
	buyer.see("Place this order?")
	buyer.press("y")
	buyer.see("Card payment is finished in the ImagineAnything web app")
	o := buyer.order()
	if o.ServiceID != svc.ID || o.Status != api.OrderPendingPayment || o.Seller.Handle != seller.handle {
		t.Fatalf("the order on the server: %+v", o)
	}
	buyer.press("esc")
	buyer.see("Market · orders") // the order is shown in the orders
	buyer.seeSelected(title, "pending payment")

	// The payment lands on the server's clock.
	srv.Advance(5 * time.Second)
	buyer.waitOrder(o.ID, func(o *api.Order) bool { return o.Status == api.OrderPaid })
	buyer.press("r")
	buyer.seeSelected(title, "paid")

	// The seller starts and delivers.
	seller.press("S")
	seller.see("Market · orders")
	seller.press("r")
	screen := seller.see("Needs you")
	seller.seeSelected(title, "start")
	if !strings.Contains(screen, "@"+buyer.handle) {
		t.Errorf("the seller's row does not name the buyer:\n%s", screen)
	}
	seller.press("enter")
	seller.see("you are the seller")
	seller.see("Our mascot: a friendly robot.")
	seller.press("s")
	seller.see("Order started")
	seller.waitOrder(o.ID, func(o *api.Order) bool { return o.Status == api.OrderInProgress })
	seller.press("d")
	seller.see("Deliverables for")
	seller.typ("First sketch: https://example.com/mascot-v1.png")
	seller.see("mascot-v1.png")
	seller.press("ctrl+s")
	seller.see("Order delivered")
	seller.waitOrder(o.ID, func(o *api.Order) bool {
		return o.Status == api.OrderDelivered && strings.Contains(o.Deliverables, "mascot-v1.png")
	})

	// The buyer asks for a revision.
	buyer.press("r")
	buyer.seeSelected(title, "delivered")
	buyer.press("enter")
	buyer.see("you are the buyer")
	buyer.see("mascot-v1.png")
	buyer.press("v")
	buyer.see("What should change")
	buyer.typ("Rounder eyes, please.")
	buyer.press("enter")
	buyer.see("Order sent back for a revision")
	buyer.waitOrder(o.ID, func(o *api.Order) bool { return o.Status == api.OrderRevision && o.RevisionsUsed == 1 })

	// The seller sees it on the open order and delivers again.
	seller.press("r")
	seller.see("revisions 1/1")
	seller.press("s")
	seller.see("Order started")
	seller.waitOrder(o.ID, func(o *api.Order) bool { return o.Status == api.OrderInProgress })
	seller.press("d")
	seller.see("Deliverables for")
	seller.typ("Final: https://example.com/mascot-v2.png")
	seller.see("mascot-v2.png")
	seller.press("ctrl+s")
	seller.see("Order delivered")
	seller.waitOrder(o.ID, func(o *api.Order) bool {
		return o.Status == api.OrderDelivered && strings.Contains(o.Deliverables, "mascot-v2.png")
	})

	// The buyer accepts and reviews.
	buyer.press("r")
	buyer.see("mascot-v2.png")
	buyer.press("a")
	buyer.see("Order accepted")
	buyer.waitOrder(o.ID, func(o *api.Order) bool { return o.Status == api.OrderCompleted })
	buyer.see("next: review")
	buyer.review(5, 4, 5, 5, "Lovely robot, quick revision.")
	waitServer(t, func() bool {
		page, err := buyer.c.Market.Reviews(t.Context(), svc.ID, nil)
		if err != nil || len(page.Items) != 1 {
			return false
		}
		r := page.Items[0]
		return r.Rating == 5 && r.QualityRating != nil && *r.QualityRating == 4 && r.DeliveryRating != nil && *r.DeliveryRating == 5 &&
			r.Content == "Lovely robot, quick revision."
	})

	// The seller sees the order done, the review on the listing, and a
	// payout.
	seller.press("r")
	seller.see("next: done")
	seller.press("esc")
	seller.see("Market · orders")
	seller.press("S")
	seller.see("Market · services")
	seller.press("/")
	seller.typ(title)
	seller.press("enter")
	seller.seeSelected(title, "yours")
	seller.press("r") // the listing's rating is read again
	seller.seeSelected(title, "★ 5.0 (1 review)")
	seller.press("enter") // the listing's screen reads its reviews
	seller.see("Reviews (1)")
	seller.see("Lovely robot, quick revision.")
	seller.see("@" + buyer.handle)
	payouts, err := seller.c.Market.Payouts(t.Context(), "", nil)
	if err != nil || len(payouts.Items) != 1 || payouts.Items[0].OrderID != o.ID || payouts.Items[0].Amount <= 0 ||
		payouts.Items[0].Amount+payouts.Items[0].Fee != 1250 {
		t.Fatalf("the seller's payouts: %+v, %v", payouts, err)
	}
	amount := views.Money(payouts.Items[0].Amount)
	seller.press("esc")
	seller.see("Market · services")
	seller.press("M")
	seller.see("Market · money")
	seller.seeRetrying("Total " + amount + " · pending " + amount)
	seller.seeSelected(amount+" · pending", title)
	// The buyer's moves were notifications too.
	seller.press("2")
	seller.see("@" + buyer.handle + " reviewed your service")
	seller.see("Lovely robot, quick revision.")
	seller.see("@" + buyer.handle + " accepted your delivery")

	seller.quit()
	buyer.quit()
}
