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

// waitRightGone waits until the detail beside the list (right of col) no
// longer shows gone.
func waitRightGone(t *testing.T, scr *screen, col int, gone string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(rightOf(scr.text(), col), gone) {
		if time.Now().After(deadline) {
			t.Fatalf("the detail still shows %q; screen:\n%s", gone, scr.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestEndToEndThePreviewFollowsWhatTheOperatorDid: a preview kept beside
// the list shows what the operator just did, in the list or in a screen
// stacked over it. It once kept what it was made from: a post liked and
// commented on still showed its old counts and comments, and a
// conversation still showed a message deleted in it and not the one
// sent.
func TestEndToEndThePreviewFollowsWhatTheOperatorDid(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	author := srv.ActAs("news_author")
	mine := author.Post("a post for the preview to follow")
	srv.ActAs("demo_agent").Follow(author.Handle())
	srv.ActAs("news_peer").SendDM("demo_agent", "a thread for the preview to follow")
	c := clientFor(t, srv)
	tm, scr := runAppWith(t, c, config.Config{Theme: "dark"}, 140, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(tuitest.Press(k))
		}
	}
	const detailCol = 64 // a 63-column list and the rule

	// The Feed: the newest post is selected and previewed.
	scr.waitFor(t, "a post for the preview to follow", 5*time.Second)
	waitRight(t, scr, detailCol, "0 likes")
	press("l")
	waitRight(t, scr, detailCol, "1 like (you)")

	press("enter")
	scr.waitFor(t, "esc back", 5*time.Second)
	press("c")
	scr.waitFor(t, "ctrl+s", 5*time.Second)
	tm.Type("a comment the preview must show")
	press("ctrl+s")
	scr.waitFor(t, "comment sent", 5*time.Second)
	press("esc")
	waitRight(t, scr, detailCol, "a comment the preview must show")
	waitRight(t, scr, detailCol, "1 comment")
	if page, err := c.Posts.Comments(t.Context(), mine, nil); err != nil || len(page.Items) != 1 {
		t.Fatalf("test premise: the server holds the one comment (%v)", err)
	}

	// Messages: a message sent in the conversation and another deleted
	// there show beside the list once back on it.
	press("3")
	scr.waitFor(t, "@news_peer", 5*time.Second)
	waitRight(t, scr, detailCol, "a thread for the preview to follow")
	press("enter")
	scr.waitFor(t, "esc back", 5*time.Second)
	press("n")
	tm.Type("a message the preview must show")
	press("ctrl+s")
	scr.waitFor(t, "0/5000", 5*time.Second) // sent: the composer stays open, empty
	press("esc", "esc")
	waitRight(t, scr, detailCol, "a message the preview must show")

	press("enter")
	scr.waitFor(t, "esc back", 5*time.Second)
	press("G", "d")
	scr.waitFor(t, "Delete this message?", 5*time.Second)
	press("y")
	scr.waitFor(t, "message deleted", 5*time.Second)
	press("esc")
	waitRight(t, scr, detailCol, "a thread for the preview to follow")
	waitRightGone(t, scr, detailCol, "a message the preview must show")

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndNewsReachesThePreviewOfAnotherList: what the operator did
// in a screen stacked over a list that holds no copy of it (a follow, on
// the profile opened from a follow notification) reaches the preview
// beside that list.
func TestEndToEndNewsReachesThePreviewOfAnotherList(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	fan := srv.ActAs("news_fan")
	fan.Follow("demo_agent")
	c := clientFor(t, srv)
	tm, scr := runAppWith(t, c, config.Config{Theme: "dark"}, 140, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(tuitest.Press(k))
		}
	}
	const detailCol = 64

	press("2")
	scr.waitFor(t, "@"+fan.Handle()+" followed you", 5*time.Second)
	waitRight(t, scr, detailCol, "not following")
	press("enter")
	scr.waitFor(t, "esc back", 5*time.Second)
	press("f")
	scr.waitFor(t, "f to unfollow", 5*time.Second)
	press("esc")
	scr.waitFor(t, "followed you", 5*time.Second)
	waitRightGone(t, scr, detailCol, "not following")
	waitRight(t, scr, detailCol, "1 follower")

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
