package messages

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
)

// stackedOver builds a Model in stacked mode sharing the outbox of the
// pane of hs, as the root makes one over another pane.
func stackedOver(t *testing.T, hs *harness) *harness {
	t.Helper()
	st := &harness{t: t, srv: hs.srv, dir: hs.dir, clock: hs.clock}
	st.m = New(Options{
		Context: t.Context(), Conversations: hs.srv,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return st.clock }, Me: "me",
		DraftDir: hs.dir + "/drafts", DataDir: hs.dir, DraftDebounce: time.Millisecond,
		Stacked: true, Outbox: hs.m.Outbox(),
	})
	st.m.SetTrail([]string{"Feed", "post by @bob", "@bob"})
	st.m.SetSize(80, 24)
	return st
}

// TestStackedConversationOpensSendsThroughThePanesOutboxAndCloses: a
// conversation opened over another pane shows under its breadcrumb, a
// reply goes through the Messages pane's outbox (one queue, one file), and
// esc (after the one that closes the composer) closes it (Depth 0), for
// the root to pop.
func TestStackedConversationOpensSendsThroughThePanesOutboxAndCloses(t *testing.T) {
	pane := newHarness(t, 80, 24, standardServer(), "")
	st := stackedOver(t, pane)
	st.settle(st.m.Update(openMsg("bob")))
	if st.m.Depth() != 1 || st.m.Crumbs()[0] != "DM @bob" {
		t.Fatalf("depth %d, crumbs %q", st.m.Depth(), st.m.Crumbs())
	}
	view := st.plain()
	if !strings.HasPrefix(view, "Feed › post by @bob › @bob › DM @bob") || !strings.Contains(view, "Build is green.") {
		t.Fatalf("the conversation is not under its breadcrumb:\n%s", view)
	}
	st.keys("n")
	st.typeText("sent from a stack")
	st.keys("ctrl+s")
	if n := st.srv.count("send:c2:sent from a stack"); n != 1 {
		t.Fatalf("sent %d times, calls %v", n, st.srv.calls)
	}
	if pane.m.box != st.m.box {
		t.Fatal("the stacked Model keeps an outbox of its own")
	}
	if !strings.Contains(st.plain(), "sent from a stack") {
		t.Errorf("the reply is not in the conversation:\n%s", st.plain())
	}
	// As in the Messages pane, the composer stays under the conversation
	// after a reply: esc closes it, esc again leaves the conversation.
	st.keys("esc")
	if st.m.Depth() != 1 || st.m.comp.IsOpen() {
		t.Fatalf("the first esc should close the composer only (depth %d)", st.m.Depth())
	}
	st.keys("esc")
	if st.m.Depth() != 0 {
		t.Fatalf("esc left depth %d", st.m.Depth())
	}
}

// TestStackedFirstMessageOpensTheComposerAndEscCloses: with no
// conversation yet, the composer of a first message opens; esc closes it
// (keeping the draft) and the stacked Model with it.
func TestStackedFirstMessageOpensTheComposerAndEscCloses(t *testing.T) {
	pane := newHarness(t, 80, 24, standardServer(), "")
	st := stackedOver(t, pane)
	st.settle(st.m.Update(openMsg("zed")))
	if st.m.Depth() != 1 || !strings.Contains(st.plain(), "New conversation with @zed") {
		t.Fatalf("depth %d:\n%s", st.m.Depth(), st.plain())
	}
	st.keys("esc")
	if st.m.Depth() != 0 {
		t.Fatalf("esc left depth %d", st.m.Depth())
	}
}

// TestStackedConversationFollowsThePanesSends: a reply queued on a stack
// while offline is sent by the Messages pane's next poll (the stacked
// Model is not polled); the stacked conversation then shows it as sent,
// not as waiting.
func TestStackedConversationFollowsThePanesSends(t *testing.T) {
	pane := newHarness(t, 80, 24, standardServer(), "")
	st := stackedOver(t, pane)
	st.settle(st.m.Update(openMsg("bob")))
	pane.srv.plan = []sendOutcome{{err: api.ErrOffline}}
	st.keys("n")
	st.typeText("queued on a stack")
	st.keys("ctrl+s", "esc")
	if n := pane.srv.count("send:c2:queued on a stack"); n != 1 {
		t.Fatalf("premise: one offline attempt, got %d", n)
	}
	if !strings.Contains(st.plain(), "queued on a stack") {
		t.Fatalf("the reply does not show as waiting:\n%s", st.plain())
	}
	pane.poll()
	if got := pane.srv.sent("c2"); got[len(got)-1] != "queued on a stack" {
		t.Fatalf("the pane's poll did not send it: %q", got)
	}
	st.keys("k")
	view := st.plain()
	if strings.Count(view, "queued on a stack") != 1 || strings.Contains(view, "waiting") || strings.Contains(view, "sending") {
		t.Errorf("the stacked conversation does not show the reply as sent:\n%s", view)
	}
}

// TestThePanesPathNamesTheOpenConversation: in the Messages pane itself,
// the open conversation is the breadcrumb's second step, in its header
// and under a profile opened from it; a stacked Model keeps the trail it
// was given instead.
func TestThePanesPathNamesTheOpenConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if got := hs.m.Path(); len(got) != 1 || got[0] != "Messages" {
		t.Fatalf("the list's path is %q", got)
	}
	hs.settle(hs.m.Update(openMsg("bob")))
	got := hs.m.Path()
	if len(got) != 2 || got[0] != "Messages" || !strings.HasSuffix(got[1], " @bob") {
		t.Fatalf("the conversation's path is %q", got)
	}
	if head := strings.SplitN(hs.plain(), "\n", 2)[0]; !strings.HasPrefix(head, strings.Join(got, " › ")) {
		t.Errorf("the conversation's header %q does not start with its path %q", head, got)
	}
	hs.keys("esc")
	if got := hs.m.Path(); len(got) != 1 {
		t.Errorf("back on the list the path is %q", got)
	}
	st := stackedOver(t, hs)
	st.settle(st.m.Update(openMsg("bob")))
	if head := strings.SplitN(st.plain(), "\n", 3)[1]; strings.HasPrefix(head, "Messages") {
		t.Errorf("a stacked conversation's own header repeats the pane's name: %q", head)
	}
}
