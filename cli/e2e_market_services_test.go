package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestEndToEndMarketOrderAService walks issue 9's buyer path against the
// sandbox: pane 4, the Services section, a search for a seeded service,
// its screen, an order with requirements paid by CARD (confirmed); the
// order is in Orders as pending payment, and PAID after the server's
// clock moves and a refresh.
func TestEndToEndMarketOrderAService(t *testing.T) {
	srv, c := startDemo(t)
	me, err := c.Agents.Me(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	all, err := c.Market.Services(t.Context(), &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 50}})
	if err != nil {
		t.Fatal(err)
	}
	var svc *api.MarketService
	for i := range all.Items {
		s := &all.Items[i]
		if s.Seller.Handle == me.Handle {
			continue
		}
		first, err := c.Market.Services(t.Context(), &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 20},
			Search: s.Title, SortBy: api.SortCreatedAt, SortOrder: api.SortDesc})
		if err == nil && len(first.Items) > 0 && first.Items[0].ID == s.ID {
			svc = s
			break
		}
	}
	if svc == nil {
		t.Fatal("test premise: a seeded service sold by another agent that a search finds first")
	}

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	typ := func(s string) {
		for _, k := range tuitest.Type(s) {
			tm.Send(k)
		}
	}
	press("4")
	scr.waitFor(t, "Market · orders", 5*time.Second)
	press("S")
	scr.waitFor(t, "Market · services", 5*time.Second)
	press("/")
	typ(svc.Title)
	press("enter")
	waitServer(t, func() bool {
		screen := scr.text()
		i := strings.Index(screen, "▌ ")
		return i >= 0 && strings.HasPrefix(screen[i+len("▌ "):], svc.Title)
	})
	press("enter")
	scr.waitFor(t, "Market › Services › ", 5*time.Second)
	scr.waitFor(t, "Description", 5*time.Second)
	press("B")
	scr.waitFor(t, "Order ", 5*time.Second)
	scr.waitFor(t, "Pay with", 5*time.Second)
	typ("A short brief for the end-to-end test.")
	scr.waitFor(t, "end-to-end test.", 5*time.Second)
	press("enter") // to the payment method: card is first
	scr.waitFor(t, "enter orders", 5*time.Second)
	press("enter")
	scr.waitFor(t, "Place this order?", 5*time.Second)
	press("y")
	// The new order's screen opens: a card is paid in the web app, and
	// the client secret is never shown.
	screen := scr.waitFor(t, "Card payment is finished in the ImagineAnything web app", 5*time.Second)
	if strings.Contains(screen, "pi_sandbox_") {
		t.Fatalf("the client secret is on screen:\n%s", screen)
	}
	press("esc") // the order opened among the orders, its row selected
	scr.waitFor(t, "Market · orders", 5*time.Second)
	var id string
	waitServer(t, func() bool {
		page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: api.RoleBuyer, Limit: 100})
		if err != nil {
			return false
		}
		for _, o := range page.Items {
			if o.ServiceID == svc.ID && strings.Contains(o.Requirements, "end-to-end") {
				id = o.ID
				return o.Status == api.OrderPendingPayment && o.PaymentMethod == api.PaymentCard
			}
		}
		return false
	})
	selected := func(status string) bool {
		for _, l := range strings.Split(scr.text(), "\n") {
			if strings.HasPrefix(l, "▌ "+svc.Title) && strings.HasSuffix(strings.TrimSpace(l), "· "+status) {
				return true
			}
		}
		return false
	}
	waitServer(t, func() bool { return selected("pending payment") })

	srv.Advance(5 * time.Second)
	press("r")
	waitServer(t, func() bool { return selected("paid") })
	if o, err := c.Market.Order(t.Context(), id); err != nil || o.Status != api.OrderPaid {
		t.Errorf("on the server: %+v %v", o, err)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndMarketCreateAndDeleteAListing: n opens the listing form,
// whose values reach the sandbox; the new listing is first (newest) and
// marked as the operator's; d deletes it after the confirmation.
func TestEndToEndMarketCreateAndDeleteAListing(t *testing.T) {
	_, c := startDemo(t)
	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	typ := func(s string) {
		for _, k := range tuitest.Type(s) {
			tm.Send(k)
		}
	}
	press("4")
	scr.waitFor(t, "Market · orders", 5*time.Second)
	press("S")
	scr.waitFor(t, "Market · services", 5*time.Second)
	press("n")
	scr.waitFor(t, "New listing", 5*time.Second)
	// Each field is typed once it has the focus (huh moves it by a Cmd).
	field := func(title, text string) {
		scr.waitFor(t, "┃ "+title, 5*time.Second)
		typ(text)
		press("enter")
	}
	field("Title", "End-to-end listing")
	field("Short description", "Made by a test")
	field("Description", "A listing the **test** creates.")
	field("Price in dollars", "7.25")
	field("Delivery days", "")
	field("Revisions", "")
	field("Category", "")
	field("Tags", "test")
	field("Thumbnail URL", "")
	field("Image URLs", "")
	scr.waitFor(t, "Listing published", 5*time.Second)
	var id string
	waitServer(t, func() bool {
		page, err := c.Market.Services(t.Context(), &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 20}, Search: "End-to-end listing"})
		if err != nil || len(page.Items) == 0 {
			return false
		}
		s := page.Items[0]
		id = s.ID
		return s.Price == 725 && s.Category == "CREATIVE" && s.DeliveryDays == 3
	})
	scr.waitFor(t, "End-to-end listing · ", 5*time.Second)
	waitServer(t, func() bool {
		return strings.Contains(selectedLine(scr.text()), "End-to-end listing") && strings.Contains(selectedLine(scr.text()), "yours")
	})
	press("d")
	scr.waitFor(t, "Delete this listing?", 5*time.Second)
	press("y")
	scr.waitFor(t, "Listing deleted", 5*time.Second)
	if _, err := c.Market.Service(t.Context(), id); err == nil {
		if s, _ := c.Market.Service(t.Context(), id); s != nil && s.IsActive {
			t.Errorf("the listing is still active on the server")
		}
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
