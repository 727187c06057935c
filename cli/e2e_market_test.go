package cli

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestEndToEndMarketStartAndDeliverAPaidOrder walks issue 9's order path
// against the sandbox: pane 4 opens on "Needs you", which lists a PAID
// order the demo agent sells; it is opened, started (IN_PROGRESS on the
// server), its deliverables typed and delivered (DELIVERED on the server).
func TestEndToEndMarketStartAndDeliverAPaidOrder(t *testing.T) {
	srv, c := startDemo(t)
	srv.Advance(10 * time.Second) // the seeded pending order is paid on the server clock
	page, err := c.Market.Orders(t.Context(), &api.OrderListOptions{Role: api.RoleSeller, Status: api.OrderPaid, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 {
		t.Fatal("test premise: the demo agent sells a PAID order")
	}
	var paid []string
	for _, o := range page.Items {
		paid = append(paid, o.ID)
	}
	title := page.Items[0].Service.Title

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	press("4")
	screen := scr.waitFor(t, "Needs you", 5*time.Second)
	screen = scr.waitFor(t, title, 5*time.Second)
	if i := strings.Index(screen, "Needs you"); i < 0 || !strings.Contains(screen[i:], "→ start") {
		t.Errorf("Needs you does not list an order to start:\n%s", screen)
	}

	// Selling, PAID: the first row is one of the paid orders.
	press("w")
	scr.waitFor(t, "selling", 5*time.Second)
	press("f")
	press("f")
	scr.waitFor(t, "selling · paid", 5*time.Second)
	press("enter")
	scr.waitFor(t, "Market › ", 5*time.Second)
	scr.waitFor(t, "you are the seller", 5*time.Second)
	press("s")
	var started string
	waitServer(t, func() bool {
		for _, id := range paid {
			if o, err := c.Market.Order(t.Context(), id); err == nil && o.Status == api.OrderInProgress {
				started = id
				return true
			}
		}
		return false
	})
	scr.waitFor(t, "in progress", 5*time.Second)
	press("d")
	scr.waitFor(t, "Deliverables for", 5*time.Second)
	for _, k := range tuitest.Type("The files: https://example.com/delivery.zip") {
		tm.Send(k)
	}
	scr.waitFor(t, "delivery.zip", 5*time.Second)
	press("ctrl+s")
	waitServer(t, func() bool {
		o, err := c.Market.Order(t.Context(), started)
		return err == nil && o.Status == api.OrderDelivered && strings.Contains(o.Deliverables, "delivery.zip")
	})
	scr.waitFor(t, "Order delivered", 5*time.Second)
	if !slices.Contains(paid, started) {
		t.Errorf("started %s, not a paid order", started)
	}
	press("esc")
	scr.waitFor(t, "Market · orders", 5*time.Second)

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
