package market

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestSandboxOrdersPastTheFirstPageAreReadAtTheEnd, against the sandbox
// through the real client: the demo agent sells 130 more orders than the
// seeded world gave it, so its list runs past the first page. The poll
// reads one page; moving to the end reads the older ones, a page at a
// time, until every order is listed once; a poll after that keeps them.
func TestSandboxOrdersPastTheFirstPageAreReadAtTheEnd(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{})
	ctx := t.Context()
	svcs, err := c.Market.Services(ctx, &api.ServiceListOptions{ListOptions: api.ListOptions{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var mine string
	for _, s := range svcs.Items {
		if s.Seller.Handle == "demo_agent" {
			mine = s.ID
			break
		}
	}
	if mine == "" {
		t.Fatal("test premise: the demo agent sells a service")
	}
	buyer := sb.ActAs("older_buyer")
	for i := range 130 {
		buyer.Order(mine, fmt.Sprintf("order number %03d", i))
		sb.Advance(time.Second)
	}
	total := 0
	for cursor := ""; ; {
		page, err := c.Market.Orders(ctx, &api.OrderListOptions{Role: api.RoleAll, Limit: 100, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		total += len(page.Items)
		if !page.HasMore || page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if total <= 2*pageSize-60 {
		t.Fatalf("test premise: more than a page and a half of orders, got %d", total)
	}

	m := sandboxPane(t, c, 100, 30, false)
	if len(m.orders) != pageSize || !strings.Contains(ansi.Strip(m.View()), "older orders: move to the end to read them") {
		t.Fatalf("the first read holds %d orders, want a page of %d and the line saying more are older:\n%s", len(m.orders), pageSize, ansi.Strip(m.View()))
	}
	for range 3 {
		tuitest.Keys(m.Update, "G")
	}
	if len(m.orders) != total {
		t.Fatalf("after moving to the end %d orders are listed, want all %d", len(m.orders), total)
	}
	ids := map[string]bool{}
	for _, e := range m.orders {
		if ids[e.o.ID] {
			t.Fatalf("order %s is listed twice", e.o.ID)
		}
		ids[e.o.ID] = true
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "older orders") {
		t.Errorf("every order is read but the list still offers older ones:\n%s", v)
	}
	tuitest.Settle(m.Update, m.Refresh(ctx))
	if len(m.orders) != total {
		t.Errorf("a poll after the older pages left %d orders, want %d", len(m.orders), total)
	}
}
