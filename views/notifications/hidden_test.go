package notifications

import (
	"testing"

	"imagine/api"
)

// arriveHidden moves the pane off screen and has a new unread like from
// @zed arrive on the server: the first page and the count move.
func arriveHidden(hs *harness) {
	hs.m.SetFocused(false)
	items := append([]api.Notification{note("x1", api.NotificationLike, "zed", "Zed", 0, false, "p9", "", "Fresh")}, fixture()...)
	hs.setFirstPage(items, false)
	hs.src.count++
}

func TestHiddenPaneReadsOnlyTheCountAndCatchesUpInView(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	arriveHidden(hs)
	hs.poll()
	if got := hs.src.requests(); len(got) != 1 || got[0] != "count" {
		t.Fatalf("hidden poll after the count moved = %q, want the count only", got)
	}
	if hs.m.Badge() != 5 || !hs.m.Outdated() {
		t.Errorf("badge %d, outdated %v: want 5 and the list marked behind", hs.m.Badge(), hs.m.Outdated())
	}
	if got := hs.m.NotifyText(); got != "5 unread notifications" {
		t.Errorf("NotifyText without the list = %q", got)
	}
	// Coming into view, the root's first poll brings the list.
	hs.m.SetFocused(true)
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 || got[1] != "list:" {
		t.Fatalf("first poll in view = %q, want the count then the list", got)
	}
	if hs.m.Outdated() || len(hs.m.vis) == 0 || hs.m.vis[0].n.ID != "x1" {
		t.Errorf("the list did not catch up (outdated %v):\n%s", hs.m.Outdated(), hs.plain())
	}
	if got := hs.m.NotifyText(); got != "@zed liked your post" {
		t.Errorf("NotifyText with the list = %q", got)
	}
}

func TestHiddenPaneNeverLoadsItsList(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.m = New(Options{Context: t.Context(), Source: hs.src, Now: testNow})
	hs.poll()
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 || got[0] != "count" || got[1] != "count" {
		t.Fatalf("polls of a pane never shown = %q, want counts only", got)
	}
	if hs.m.Badge() != 4 || !hs.m.Outdated() {
		t.Errorf("badge %d, outdated %v", hs.m.Badge(), hs.m.Outdated())
	}
}

func TestJumpToUnreadWaitsForTheListThatCatchesUp(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.keys("j", "j", "j")
	arriveHidden(hs)
	hs.poll()
	// The attention key: the root brings the pane into view, then asks
	// for the jump; the list on screen does not hold @zed's like yet.
	hs.m.SetFocused(true)
	if cmd := hs.m.JumpToUnread(); cmd != nil {
		hs.settle(cmd)
	}
	if hs.selectedID() != "n4" {
		t.Errorf("the cursor moved before the list arrived: %s", hs.selectedID())
	}
	hs.poll() // the root fetches an Outdated pane as it comes into view
	if hs.selectedID() != "x1" {
		t.Errorf("after the list arrived the cursor is on %s, want the newest unread x1", hs.selectedID())
	}
	// A jump left waiting is dropped when the operator presses a key.
	arriveHidden(hs)
	hs.poll()
	hs.m.SetFocused(true)
	hs.m.JumpToUnread()
	hs.keys("G")
	at := hs.selectedID()
	hs.poll()
	if hs.selectedID() != at {
		t.Errorf("a jump made before a key press moved the cursor to %s", hs.selectedID())
	}
}
