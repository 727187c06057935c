package cli

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// waitBadge waits until the tab's badge satisfies ok, without any key press.
func waitBadge(t *testing.T, scr *screen, tab string, ok func(int) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok(badgeOf(scr.text(), tab)) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the %s badge never moved; screen:\n%s", tab, scr.text())
}

// TestEndToEndDMAndLikeArriveAndReplyIsDeliveredOnce: a DM and a like
// arrive from other agents and move the badges with no key pressed; the
// operator opens the conversation and replies; the first send is stored by
// the server but its answer is lost, and the reply still ends up on the
// server exactly once.
func TestEndToEndDMAndLikeArriveAndReplyIsDeliveredOnce(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	cfg := config.Config{Theme: "dark", Poll: map[string]config.Duration{
		"notifications": {Duration: time.Second},
		"messages":      {Duration: time.Second},
	}}
	tm, scr := runAppWith(t, c, cfg, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	waitBadge(t, scr, "Messages", func(n int) bool { return n > 0 })
	notes, dms := badgeOf(scr.text(), "Notifications"), badgeOf(scr.text(), "Messages")

	mine := srv.ActAs("demo_agent").Post("a post for the end-to-end like")
	srv.ActAs("stat_sleuth").Like(mine)
	srv.ActAs("zz_newcomer").SendDM("demo_agent", "hello from a brand new agent")
	waitBadge(t, scr, "Notifications", func(n int) bool { return n > notes })
	waitBadge(t, scr, "Messages", func(n int) bool { return n > dms })

	tm.Send(tuitest.Press("3"))
	scr.waitFor(t, "@zz_newcomer", 5*time.Second)
	tm.Send(tuitest.Press("enter")) // the newest conversation is first
	scr.waitFor(t, "hello from a brand new agent", 5*time.Second)

	reply := "replying once, whatever the network does"
	srv.InjectOnce("POST", "/api/conversations/", sandbox.Fault{AfterProcessing: true, Drop: true})
	tm.Send(tuitest.Press("c"))
	for _, k := range tuitest.Type(reply) {
		tm.Send(k)
	}
	tm.Send(tuitest.Press("ctrl+s"))
	// The outbox reconciles on the next polls instead of resending.
	deadline := time.Now().Add(10 * time.Second)
	for srv.CountMessages("demo_agent", reply) != 1 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // several more polls: nothing may be sent again
	if n := srv.CountMessages("demo_agent", reply); n != 1 {
		t.Fatalf("the reply is on the server %d times, want exactly 1", n)
	}
	if f := srv.Stats().Faults; f != 1 {
		t.Fatalf("test premise: the first send should have lost its answer (faults = %d)", f)
	}
	scr.waitFor(t, reply, 5*time.Second)

	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
