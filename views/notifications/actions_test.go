package notifications

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestUnreadFilterKeepsARowMarkedReadUntilTheFilterChanges(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.keys("f") // Unread
	hs.keys("m")
	if line := hs.lineWith("@atlas_ai"); line == "" || strings.Contains(line, "●") {
		t.Fatalf("the row marked read left or kept its dot: %q", line)
	}
	if hs.selectedID() != "n1" {
		t.Errorf("the cursor moved to %s", hs.selectedID())
	}
	hs.keys("f", "F") // away and back
	if hs.lineWith("@atlas_ai") != "" {
		t.Errorf("a read row is still under Unread after re-filtering")
	}
}

func TestEnterOpensThePostAndMarksItRead(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.keys("j") // the reply
	msgs := hs.keys("enter")
	open, ok := tuitest.Find[views.OpenPostMsg](msgs)
	if !ok || open.PostID != "p1" || open.CommentID != "c7" {
		t.Fatalf("enter sent %v, want OpenPostMsg{p1 c7}", msgs)
	}
	if got := hs.src.requests(); len(got) != 1 || got[0] != "mark:n2" {
		t.Errorf("requests = %q, want mark:n2", got)
	}
	if strings.Contains(hs.lineWith("@bob"), "●") || hs.m.Badge() != 3 {
		t.Errorf("opened row still unread (badge %d): %q", hs.m.Badge(), hs.lineWith("@bob"))
	}
	// Opening a read notification does not mark it again.
	hs.keys("j", "j", "enter") // the comment, read
	if got := hs.src.requests(); len(got) != 0 {
		t.Errorf("opening a read notification called %q", got)
	}
}

func TestEnterOnAFollowOpensTheProfile(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.keys("j", "j")
	open, ok := tuitest.Find[views.OpenProfileMsg](hs.keys("enter"))
	if !ok || open.Handle != "carol" {
		t.Fatalf("enter on a follow did not open @carol's profile")
	}
	// p opens the actor of any notification.
	hs.keys("k")
	if open, ok := tuitest.Find[views.OpenProfileMsg](hs.keys("p")); !ok || open.Handle != "bob" {
		t.Errorf("p did not open @bob's profile")
	}
}

func TestOpeningRollsTheMarkBackOnError(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.src.errs["mark"] = api.ErrOffline
	msgs := hs.keys("enter")
	if _, ok := tuitest.Find[views.OpenPostMsg](msgs); !ok {
		t.Error("the post did not open")
	}
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelError || !errors.Is(st.Err, api.ErrOffline) {
		t.Errorf("no error status: %v", msgs)
	}
	if !strings.Contains(hs.lineWith("@atlas_ai"), "●") || hs.m.Badge() != 4 {
		t.Errorf("not rolled back (badge %d): %q", hs.m.Badge(), hs.lineWith("@atlas_ai"))
	}
}

func TestMarkReadIsOptimisticAndRolledBackOnError(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.src.errs["mark"] = api.ErrOffline
	cmd := hs.m.Update(tuitest.Press("m"))
	if strings.Contains(hs.lineWith("@atlas_ai"), "●") || hs.m.Badge() != 3 {
		t.Fatalf("mark not applied at once (badge %d)", hs.m.Badge())
	}
	msgs := hs.settle(cmd)
	if !strings.Contains(hs.lineWith("@atlas_ai"), "●") || hs.m.Badge() != 4 {
		t.Errorf("not rolled back (badge %d)", hs.m.Badge())
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Level != views.LevelError {
		t.Errorf("no error status: %v", msgs)
	}
	// On a read row, m only says so.
	hs.keys("j", "j", "j")
	hs.src.requests()
	if st, ok := tuitest.Find[views.StatusMsg](hs.keys("m")); !ok || st.Text != "already read" || len(hs.src.requests()) != 0 {
		t.Errorf("m on a read row: %v", st)
	}
}

func TestMarkAllReadIsOptimisticAndRolledBackOnError(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.src.count = 9 // more unread on the server than loaded
	hs.poll()
	hs.src.requests()
	msgs := hs.keys("M")
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Text != "marked 9 read" {
		t.Errorf("status = %v", msgs)
	}
	if strings.Contains(hs.plain(), "●") || hs.m.Badge() != 0 {
		t.Errorf("rows still unread after M (badge %d):\n%s", hs.m.Badge(), hs.plain())
	}
	if got := hs.src.requests(); len(got) != 1 || got[0] != "markAll" {
		t.Errorf("requests = %q", got)
	}
	if st, ok := tuitest.Find[views.StatusMsg](hs.keys("M")); !ok || st.Text != "nothing unread" {
		t.Errorf("M with nothing unread: %v", st)
	}

	hs = newHarness(t, 100, 24, fixture(), false)
	hs.src.errs["markAll"] = api.ErrOffline
	cmd := hs.m.Update(tuitest.Press("M"))
	if strings.Contains(hs.plain(), "●") || hs.m.Badge() != 0 {
		t.Fatal("mark all not applied at once")
	}
	msgs = hs.settle(cmd)
	if n := strings.Count(hs.plain(), "●"); n != 4 || hs.m.Badge() != 4 {
		t.Errorf("not rolled back: %d dots, badge %d", n, hs.m.Badge())
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Level != views.LevelError || st.Text != "couldn't mark all read" {
		t.Errorf("no error status: %v", msgs)
	}
}

func TestJumpToUnread(t *testing.T) {
	items := fixture()
	for i := range items {
		items[i].Read = true
	}
	items[5].Read = false // the quote
	items[6].Read = false // the mention, older
	hs := newHarness(t, 80, 24, items, false)
	if cmd := hs.m.JumpToUnread(); cmd != nil {
		hs.settle(cmd)
	}
	if hs.selectedID() != "n6" {
		t.Errorf("jumped to %s, want the newest unread n6", hs.selectedID())
	}
	// Under a filter that hides it, the filter goes back to All.
	hs.keys("g", "f", "f") // Follows
	hs.settle(hs.m.JumpToUnread())
	if hs.selectedID() != "n6" || hs.m.filter != filterAll {
		t.Errorf("jump under a filter: %s, filter %v", hs.selectedID(), hs.m.filter)
	}
	hs.keys("M")
	st, ok := tuitest.Find[views.StatusMsg](hs.settle(hs.m.JumpToUnread()))
	if !ok || st.Text != "no unread notifications" {
		t.Errorf("nothing unread: %v", st)
	}
}

func TestNotifyText(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	if got := hs.m.NotifyText(); got != "@atlas_ai liked your post" {
		t.Errorf("NotifyText = %q", got)
	}
	hs.keys("M")
	if got := hs.m.NotifyText(); got != "" {
		t.Errorf("NotifyText with nothing unread = %q", got)
	}
	long := note("l1", "AWARD", "NOT A HANDLE", strings.Repeat("名", 60), 0, false, "", "", "")
	long.Message = strings.Repeat("did something remarkable ", 10)
	for _, n := range append(hostileFixture(), long) {
		n.Read = false
		hs := newHarness(t, 80, 24, []api.Notification{n}, false)
		got := hs.m.NotifyText()
		if got == "" || ansi.StringWidth(got) > 80 || strings.ContainsFunc(got, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }) {
			t.Errorf("NotifyText(%s) = %q", n.ID, got)
		}
	}
}

func TestAnInvalidHandleIsNeverOpened(t *testing.T) {
	items := []api.Notification{note("f1", api.NotificationFollow, "Bad Handle!", "Bad", time.Minute, false, "", "", "")}
	hs := newHarness(t, 80, 24, items, false)
	msgs := hs.keys("enter")
	if _, ok := tuitest.Find[views.OpenProfileMsg](msgs); ok {
		t.Fatal("a profile was opened for an invalid handle")
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Level != views.LevelWarn {
		t.Errorf("no warning: %v", msgs)
	}
	if got := hs.m.NotifyText(); got != "Bad followed you" {
		t.Errorf("NotifyText = %q, want the name when the handle is invalid", got)
	}
}

// TestMarkAllUnderAFilterMarksWhatItShows: M over the follows marks the
// unread follows, not the likes and replies hidden by the filter; over
// everything it marks everything.
func TestMarkAllUnderAFilterMarksWhatItShows(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	hs.keys("f", "f") // Follows
	st, _ := tuitest.Find[views.StatusMsg](hs.keys("M"))
	if got := hs.src.requests(); len(got) != 1 || got[0] != "mark:n3" {
		t.Fatalf("M over the follows asked %q, want mark:n3", got)
	}
	if hs.m.Badge() != 3 || st.Text != "marked 1 read (only those shown)" {
		t.Errorf("badge %d, status %q", hs.m.Badge(), st.Text)
	}
	hs.keys("F", "F") // back to All
	hs.keys("M")
	if got := hs.src.requests(); len(got) != 1 || got[0] != "markAll" {
		t.Errorf("M over everything asked %q, want markAll", got)
	}
}
