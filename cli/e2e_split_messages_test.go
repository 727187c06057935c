package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// rightOf is what the screen shows right of column col on every line:
// beside the list, the split view's detail.
func rightOf(screen string, col int) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		b.WriteString(ansi.Cut(l, col, ansi.StringWidth(l)))
		b.WriteByte('\n')
	}
	return b.String()
}

// waitRight waits until the detail beside the list (right of col) shows
// want.
func waitRight(t *testing.T, scr *screen, col int, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(rightOf(scr.text(), col), want) {
		if time.Now().After(deadline) {
			t.Fatalf("the detail never showed %q; screen:\n%s", want, scr.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestEndToEndSplitShowsTheSelectedConversation walks issue 8's split view
// for Messages at 140 columns: the selected conversation's thread shows
// beside the list and follows the cursor, without marking anything read
// (the badge stays, and the server still counts the messages unread), and
// enter opens the conversation over the whole width, which reads it.
func TestEndToEndSplitShowsTheSelectedConversation(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	srv.ActAs("split_older").SendDM("demo_agent", "an older line only the thread shows")
	srv.ActAs("split_older").SendDM("demo_agent", "the older conversation's last word")
	srv.Advance(time.Minute)
	srv.ActAs("split_newer").SendDM("demo_agent", "an earlier line only the thread shows")
	srv.ActAs("split_newer").SendDM("demo_agent", "the newer conversation's last word")
	c := clientFor(t, srv)
	unread, err := c.Conversations.Unread(t.Context())
	if err != nil || unread < 4 {
		t.Fatalf("test premise: at least the 4 new messages unread, got %d (%v)", unread, err)
	}

	// A quick poll: a conversation marked read would move the badge soon.
	cfg := config.Config{Theme: "dark", Poll: map[string]config.Duration{"messages": {Duration: time.Second}}}
	tm, scr := runAppWith(t, c, cfg, 140, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	press("3")
	scr.waitFor(t, "@split_newer", 5*time.Second)
	const detailCol = 64 // a 63-column list and the rule
	waitRight(t, scr, detailCol, "an earlier line only the thread shows")
	waitRight(t, scr, detailCol, "the newer conversation's last word")
	badge := badgeOf(scr.text(), "Messages")
	if badge < 4 {
		t.Fatalf("test premise: the Messages badge counts the new messages, got %d", badge)
	}

	press("j")
	waitRight(t, scr, detailCol, "an older line only the thread shows")
	if strings.Contains(rightOf(scr.text(), detailCol), "the newer conversation's last word") {
		t.Error("the thread did not follow the cursor")
	}
	press("k")
	waitRight(t, scr, detailCol, "the newer conversation's last word")

	// Several polls later, nothing was marked read.
	time.Sleep(2500 * time.Millisecond)
	if got := badgeOf(scr.text(), "Messages"); got != badge {
		t.Errorf("glancing at two conversations moved the Messages badge from %d to %d", badge, got)
	}
	if got, err := c.Conversations.Unread(t.Context()); err != nil || got != unread {
		t.Errorf("the server counts %d unread after the previews, want %d (%v)", got, unread, err)
	}

	// enter opens the thread over the whole width, and reads it.
	press("enter")
	scr.waitFor(t, "esc back", 5*time.Second)
	scr.waitGone(t, "n new conversation", 5*time.Second) // the list's header
	scr.waitFor(t, "the newer conversation's last word", 5*time.Second)
	waitBadge(t, scr, "Messages", func(n int) bool { return n < badge })

	press("esc")
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
