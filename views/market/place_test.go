package market

import (
	"testing"
	"time"

	"imagine/api"
)

// TestTheCursorStaysOnTheFirstRowUntilTheOperatorMovesIt: orders arriving
// or changing place before the operator has touched the list leave the
// cursor on the first row (what needs them most), not on whichever order
// happened to be first at the first read; once they have moved, the cursor
// keeps to their order however the list moves.
func TestTheCursorStaysOnTheFirstRowUntilTheOperatorMovesIt(t *testing.T) {
	hs := newHarness(t, 100, 30, fixture())
	first := hs.m.selected().o.ID

	// A new paid order for the operator to start: it needs them, and
	// comes first.
	hs.src.mu.Lock()
	// The server lists the newest first.
	hs.src.orders = append([]api.Order{order("o11", "Fresh order", true, "newbie", "Newbie", api.OrderPaid, 4200, time.Minute)}, hs.src.orders...)
	hs.src.mu.Unlock()
	hs.poll()
	if got := hs.m.selected().o.ID; got != "o11" {
		t.Fatalf("untouched, the cursor is on %s after o11 arrived first (it was on %s); want the first row", got, first)
	}

	hs.keys("j", "k") // the operator moves, and back: o11 is now their place
	hs.src.mu.Lock()
	hs.src.orders = append([]api.Order{order("o12", "Fresher order", true, "newer", "Newer", api.OrderPaid, 4300, 0)}, hs.src.orders...)
	hs.src.mu.Unlock()
	hs.poll()
	if got := hs.m.selected().o.ID; got != "o11" {
		t.Errorf("after a move, the cursor went to %s when o12 arrived; want it kept on o11", got)
	}
}
