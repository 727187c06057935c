package market

import (
	"strings"
	"testing"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"

	"github.com/charmbracelet/x/ansi"
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
	// An order older than the list's page is read on its own and opened
	// (a notification about an old order once said "not among your
	// newest orders" and opened nothing).
	hs.keys("esc")
	hs.src.older = []api.Order{order("o0", "Old order", true, "oldie", "Oldie", api.OrderCompleted, 900, 0)}
	tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "o0"}))
	if hs.m.open == nil || hs.m.open.id != "o0" || !strings.Contains(ansi.Strip(hs.m.View()), "Old order") {
		t.Fatalf("the old order is not open: %v", hs.m.open)
	}
	// One no read finds is said so.
	hs.keys("esc")
	msgs := tuitest.Settle(hs.m.Update, hs.m.Update(views.OpenOrderMsg{OrderID: "gone"}))
	if s := statusText(msgs); !strings.Contains(s, "couldn't open the order") || hs.m.open != nil {
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

// TestALeanActionAnswerKeepsWhatTheListShowed: an action's answer that
// leaves out the parties, the service, the price, the requirements and
// the delivery days leaves the order's screen as the list had it, due
// date included, with the new status.
func TestALeanActionAnswerKeepsWhatTheListShowed(t *testing.T) {
	hs := newHarness(t, 100, 30, fixture())
	hs.src.lean = true
	hs.keys("enter") // o1, paid, sold by the operator
	before := ansi.Strip(hs.m.View())
	if !strings.Contains(before, "due ") {
		t.Fatalf("test premise: the order shows a due date:\n%s", before)
	}
	hs.keys("s")
	after := ansi.Strip(hs.m.View())
	for _, want := range []string{"in progress", "due ", "Ada Bot", "Logo design", "$25.00", "bakery"} {
		if !strings.Contains(after, want) {
			t.Errorf("after a lean answer the order lacks %q:\n%s", want, after)
		}
	}
}
