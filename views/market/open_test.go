package market

import (
	"strings"
	"testing"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestAnOrderOpenedFromElsewhereShowsItsScreen(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("S") // on the services: the order still opens, over the orders
	tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "o7"}))
	if hs.m.inServices() || hs.m.open == nil || hs.m.open.id != "o7" {
		t.Fatalf("o7 is not open: services %v, open %v", hs.m.inServices(), hs.m.open)
	}
	if threads := hs.src.threads; threads != 1 {
		t.Errorf("%d thread reads, want 1", threads)
	}
	hs.keys("esc")
	if hs.m.open != nil || hs.m.selected() == nil || hs.m.selected().o.ID != "o7" {
		t.Errorf("esc did not come back to o7 on the list")
	}
}

func TestAnOrderNewerThanTheListIsReadThenOpened(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	lists := hs.src.lists
	fresh := order("o99", "Fresh order", true, "newbie", "Newbie", api.OrderPaid, 1200, 0)
	hs.src.orders = append([]api.Order{fresh}, hs.src.orders...)
	tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "o99"}))
	if hs.src.lists != lists+1 || hs.m.open == nil || hs.m.open.id != "o99" {
		t.Fatalf("lists %d→%d, open %v", lists, hs.src.lists, hs.m.open)
	}
	// An order the list does not hold is said so.
	hs.keys("esc")
	msgs := tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "gone"}))
	if s := statusText(msgs); !strings.Contains(s, "not among your newest orders") || hs.m.open != nil {
		t.Errorf("status %q, open %v", s, hs.m.open)
	}
}

func TestAnOrderIsNotOpenedOverTheComposer(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture())
	hs.keys("enter", "c")
	msgs := tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "o7"}))
	if s := statusText(msgs); !strings.Contains(s, "close the composer first") || hs.m.open.id != "o1" {
		t.Errorf("status %q, open %s", s, hs.m.open.id)
	}
}
