package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndConversationStacksOnTheFeed walks issue 8's path for a
// conversation: Feed → a post → p its author → m message them. The
// conversation opens on the Feed's stack (its breadcrumb starts with the
// Feed's), a first message sent there reaches the server once, and esc,
// esc, esc come back through the profile and the post to the same post
// selected in the feed: the tab never changes, the Messages list never
// shows.
func TestEndToEndConversationStacksOnTheFeed(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	srv.ActAs("dm_walker").Post("a post to message its author from")
	srv.ActAs("demo_agent").Follow("dm_walker")
	c := clientFor(t, srv)

	tm, scr := runApp(t, c, 120, 40)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	scr.waitFor(t, "a post to message its author from", 5*time.Second)
	before := selectedLine(scr.waitFor(t, "Home feed · ", 5*time.Second))
	if !strings.Contains(before, "dm_walker") {
		t.Fatalf("test premise: the newest post is selected, got %q", before)
	}
	noMessagesList := func(screen string) {
		t.Helper()
		if strings.Contains(screen, "Messages · ") {
			t.Fatalf("the Messages list showed: the tab changed\n%s", screen)
		}
	}

	press("enter")
	scr.waitFor(t, "Home feed › post by @dm_walker", 5*time.Second)
	press("p")
	scr.waitFor(t, "Home feed › post by @dm_walker › @dm_walker", 5*time.Second)
	press("m")
	// No conversation with them yet: the composer of a first message,
	// under the breadcrumb of the Feed's stack.
	noMessagesList(scr.waitFor(t, "› @dm_walker › DM @dm_walker", 5*time.Second))
	scr.waitFor(t, "New conversation with @dm_walker", 5*time.Second)

	text := "hello from a conversation stacked on the feed"
	for _, k := range tuitest.Type(text) {
		tm.Send(k)
	}
	press("ctrl+s")
	waitServer(t, func() bool { return srv.CountMessages("demo_agent", text) == 1 })
	// The conversation shows, still on the Feed's stack.
	shown := scr.waitFor(t, text, 5*time.Second)
	noMessagesList(shown)
	if !strings.Contains(shown, "Home feed › post by @dm_walker › @dm_walker › DM @dm_walker") {
		t.Fatalf("the conversation is not on the Feed's stack:\n%s", shown)
	}

	press("esc")
	scr.waitFor(t, "Home feed › post by @dm_walker › @dm_walker ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Home feed › post by @dm_walker ", 5*time.Second)
	press("esc")
	back := scr.waitFor(t, "Home feed · ", 5*time.Second)
	noMessagesList(back)
	if got := selectedLine(back); got != before {
		t.Errorf("back on the Feed the selection is %q, want %q", got, before)
	}
	if n := srv.CountMessages("demo_agent", text); n != 1 {
		t.Errorf("the message is on the server %d times, want 1", n)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
