package notifications

import (
	"strings"
	"testing"

	"imagine/internal/tuitest"
	"imagine/views"
)

// rowOf is the row of the pane's frame where text shows first.
func (hs *harness) rowOf(text string) int {
	hs.t.Helper()
	for y, l := range strings.Split(hs.plain(), "\n") {
		if strings.Contains(l, text) {
			return y
		}
	}
	hs.t.Fatalf("%q is not on screen:\n%s", text, hs.plain())
	return -1
}

func TestClickSelectsThenOpensANotification(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	cmd, opened := hs.m.Click(4, hs.rowOf("Bob Builder"), false)
	hs.settle(cmd)
	if opened || hs.selectedID() != "n2" {
		t.Fatalf("opened %v, selected %s", opened, hs.selectedID())
	}
	if hs.selectedLine() != hs.rowOf("Bob Builder") {
		t.Fatalf("the gutter is on line %d:\n%s", hs.selectedLine(), hs.plain())
	}
	// The title line is no notification.
	cmd, opened = hs.m.Click(4, 0, false)
	if cmd != nil || opened || hs.selectedID() != "n2" {
		t.Fatal("a click on the title changed something")
	}
	cmd, opened = hs.m.Click(4, hs.rowOf("Bob Builder"), false)
	msgs := hs.settle(cmd)
	open, ok := tuitest.Find[views.OpenPostMsg](msgs)
	if !opened || !ok || open.PostID != "p1" || open.CommentID != "c7" {
		t.Fatalf("a click on the selected row sent %v", msgs)
	}
}

func TestDoubleClickOpensANotification(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	y := hs.rowOf("Dave")
	cmd, _ := hs.m.Click(4, y, false)
	hs.settle(cmd)
	cmd, opened := hs.m.Click(4, y, true)
	if _, ok := tuitest.Find[views.OpenPostMsg](hs.settle(cmd)); !opened || !ok {
		t.Fatal("a double click opened nothing")
	}
}

func TestWheelMovesThroughNotifications(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.settle(hs.m.Wheel(1))
	hs.settle(hs.m.Wheel(1))
	if hs.selectedID() != "n3" {
		t.Fatalf("two notches down: %s", hs.selectedID())
	}
	hs.settle(hs.m.Wheel(-1))
	if hs.selectedID() != "n2" {
		t.Fatalf("a notch up: %s", hs.selectedID())
	}
}

// TestWheelToTheEndFetchesMore: the wheel pages as j does.
func TestWheelToTheEndFetchesMore(t *testing.T) {
	hs := newHarness(t, 80, 24, many(20), true)
	for range 19 {
		hs.settle(hs.m.Wheel(1))
	}
	if reqs := strings.Join(hs.src.requests(), " "); !strings.Contains(reqs, "list:c2") {
		t.Fatalf("requests %q: the next page was not fetched", reqs)
	}
}
