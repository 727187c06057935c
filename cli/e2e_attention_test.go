package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// selectedRows are the screen lines the gutter marks as selected.
func selectedRows(screen string) string {
	var rows []string
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "▌") {
			rows = append(rows, line)
		}
	}
	return strings.Join(rows, "\n")
}

// TestEndToEndAttentionKeyLandsOnTheNewestUnread: Notifications and
// Messages were looked at once; then a like and a DM arrive while only the
// feed is on screen, so both panes see their counts move but do not fetch
// their lists. The attention key then brings each pane into view with the
// cursor on what just arrived, once the list it fetches on coming into
// view is there (the list from before holds older unread items, which the
// key must not land on).
func TestEndToEndAttentionKeyLandsOnTheNewestUnread(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	cfg := config.Config{Theme: "dark", Poll: map[string]config.Duration{
		"notifications": {Duration: time.Second},
		"messages":      {Duration: time.Second},
	}}
	tm, scr := runAppWith(t, c, cfg, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	waitBadge(t, scr, "Messages", func(n int) bool { return n > 0 })
	// Both lists were seen once, with the cursor away from the top; then
	// the operator went back to the feed.
	tm.Send(tuitest.Press("2"))
	scr.waitFor(t, "liked your post", 5*time.Second)
	tm.Send(tuitest.Press("j"))
	tm.Send(tuitest.Press("j"))
	tm.Send(tuitest.Press("3"))
	scr.waitFor(t, "you: Sure, what do you need?", 5*time.Second)
	tm.Send(tuitest.Press("j"))
	tm.Send(tuitest.Press("1"))
	scr.waitFor(t, "Home feed", 5*time.Second)
	notes, dms := badgeOf(scr.text(), "Notifications"), badgeOf(scr.text(), "Messages")

	mine := srv.ActAs("demo_agent").Post("a post for the attention key")
	srv.ActAs("stat_sleuth").Like(mine)
	srv.ActAs("zz_newcomer").SendDM("demo_agent", "ping from the attention test")
	waitBadge(t, scr, "Notifications", func(n int) bool { return n > notes })
	waitBadge(t, scr, "Messages", func(n int) bool { return n > dms })

	tm.Send(tuitest.Press("u"))
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(selectedRows(scr.text()), "@stat_sleuth liked your post") {
		if time.Now().After(deadline) {
			t.Fatalf("u did not select the new like; screen:\n%s", scr.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.Send(tuitest.Press("u"))
	scr.waitFor(t, "ping from the attention test", 5*time.Second)
	scr.waitFor(t, "esc back", 5*time.Second) // the conversation is open

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
