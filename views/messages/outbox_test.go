package messages

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"imagine/internal/privfile"
	"imagine/internal/tuitest"
	"imagine/views"
	"imagine/views/composer"
)

// readOutbox reads the outbox file of a harness.
func readOutbox(t *testing.T, dir string) outboxData {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, outboxFile))
	if err != nil {
		t.Fatalf("reading the outbox: %v", err)
	}
	var d outboxData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("outbox file: %v", err)
	}
	return d
}

// reply opens the composer in the open conversation (unless it is open
// already), writes text and sends it.
func (hs *harness) reply(text string) {
	if !hs.m.comp.IsOpen() {
		hs.keys("n")
	}
	hs.write(text)
	hs.keys("ctrl+s")
}

func TestReplyShowsPendingAtOnceThenTheServersMessage(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter", "n")
	hs.write("On it, reviewing now.")
	send := tuitest.Collect(hs.m.Update(tuitest.Press("ctrl+s")))
	if len(send) != 1 {
		t.Fatalf("ctrl+s gave %v", send)
	}
	queued := hs.m.Update(send[0])
	if v := hs.plain(); !strings.Contains(v, "you · sending…") || !strings.Contains(v, "On it, reviewing now.") {
		t.Fatalf("the message is not shown pending at once:\n%s", v)
	}
	hs.settle(queued)
	if got := hs.srv.sent("c1"); len(got) != 2 || got[1] != "On it, reviewing now." {
		t.Fatalf("server has %q", got)
	}
	v := hs.plain()
	if strings.Contains(v, "sending…") || strings.Count(v, "On it, reviewing now.") != 1 || !strings.Contains(v, "you · 12:00") {
		t.Errorf("the pending message did not become the server's:\n%s", v)
	}
	if !hs.m.comp.IsOpen() || hs.m.comp.Value() != "" {
		t.Errorf("the composer should stay open and empty for the next message")
	}
	if d := readOutbox(t, hs.dir); len(d.Entries) != 0 || len(d.Claimed) != 1 {
		t.Errorf("outbox after delivery: %+v", d)
	}
	hs.keys("esc", "esc")
	if !strings.Contains(lineWith(hs.plain(), "you: On it"), "you: On it, reviewing now.") {
		t.Errorf("the list preview is not the reply:\n%s", hs.plain())
	}
}

func TestOfflineReplyIsKeptRestoredAndDeliveredOnce(t *testing.T) {
	srv := standardServer()
	dir := t.TempDir()
	hs := newHarness(t, 80, 24, srv, dir)
	hs.keys("enter")
	srv.setOffline(true)
	hs.reply("Written on a train")
	v := hs.plain()
	if !strings.Contains(v, "waiting to send · offline") || !strings.Contains(v, "Written on a train") {
		t.Fatalf("the offline message is not visibly pending:\n%s", v)
	}
	d := readOutbox(t, dir)
	if len(d.Entries) != 1 || d.Entries[0].Text != "Written on a train" || d.Entries[0].State != stateQueued || d.Entries[0].Sending {
		t.Fatalf("outbox file: %+v", d)
	}
	if fi, err := os.Stat(filepath.Join(dir, outboxFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("outbox file mode %v (%v)", fi.Mode().Perm(), err)
	}
	// Polls while offline send nothing.
	hs.poll()
	if n := srv.count("send:*"); n != 1 {
		t.Fatalf("%d sends while offline, want the 1 first attempt", n)
	}

	// Restart: a new model over the same data directory, online again.
	srv.setOffline(false)
	hs2 := newHarnessNoPoll(t, 80, 24, srv, dir)
	if len(hs2.m.box.entries) != 1 || hs2.m.box.entries[0].Text != "Written on a train" {
		t.Fatalf("the outbox was not restored: %+v", hs2.m.box.entries)
	}
	hs2.settle(hs2.m.fetchList(""))
	if !strings.Contains(lineWith(hs2.plain(), "Atlas"), "1 unsent") {
		t.Errorf("the list does not show the unsent message:\n%s", hs2.plain())
	}
	hs2.keys("enter")
	if v := hs2.plain(); !strings.Contains(v, "waiting to send") || !strings.Contains(v, "Written on a train") {
		t.Errorf("the restored message is not pending in its conversation:\n%s", v)
	}
	hs2.poll()
	hs2.poll()
	if got := srv.sent("c1"); len(got) != 2 || got[1] != "Written on a train" {
		t.Fatalf("server has %q, want the message exactly once", got)
	}
	v = hs2.plain()
	if strings.Contains(v, "waiting") || strings.Count(v, "Written on a train") != 1 {
		t.Errorf("after delivery:\n%s", v)
	}
	if d := readOutbox(t, dir); len(d.Entries) != 0 {
		t.Errorf("the delivered message is still in the outbox file: %+v", d.Entries)
	}
}

// newHarnessNoPoll is newHarness without the first poll.
func newHarnessNoPoll(t *testing.T, w, h int, srv *fakeServer, dir string) *harness {
	t.Helper()
	hs := &harness{t: t, srv: srv, dir: dir, clock: testNow().Add(time.Minute)}
	srv.now = func() time.Time { return hs.clock }
	hs.m = New(Options{
		Context: t.Context(), Conversations: srv,
		Now: func() time.Time { return hs.clock }, Me: "me",
		DraftDir: dir + "/drafts", DataDir: dir, DraftDebounce: time.Millisecond,
	})
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Init())
	return hs
}

func TestBacklogIsSentOldestFirstOneAtATime(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	srv.setOffline(true)
	hs.reply("first")
	hs.reply("second")
	hs.reply("third")
	if n := srv.count("send:*"); n != 1 {
		t.Fatalf("%d sends while offline: later messages must wait behind the first", n)
	}
	srv.setOffline(false)
	hs.poll()
	if got := srv.sent("c1"); strings.Join(got[1:], ",") != "first,second,third" {
		t.Errorf("server has %q", got)
	}
}

func TestUnknownOutcomeFoundByReconcileIsNotResent(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	srv.plan = []sendOutcome{{err: errUnknown, deliver: true}}
	hs.reply("Did this arrive?")
	if v := hs.plain(); !strings.Contains(v, "not confirmed") {
		t.Fatalf("an unknown outcome is not shown as unconfirmed:\n%s", v)
	}
	hs.clock = hs.clock.Add(20 * time.Second)
	hs.poll()
	if n := srv.count("send:c1:Did this arrive?"); n != 1 {
		t.Errorf("sent %d times, want 1 (the reconcile found it)", n)
	}
	if len(hs.m.box.entries) != 0 {
		t.Errorf("the entry stayed: %+v", hs.m.box.entries[0])
	}
	v := hs.plain()
	if strings.Count(v, "Did this arrive?") != 1 || strings.Contains(v, "not confirmed") {
		t.Errorf("after the reconcile:\n%s", v)
	}
}

func TestUnknownOutcomeNotFoundIsSentAgainOnce(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	srv.plan = []sendOutcome{{err: errUnknown}}
	hs.reply("Lost in transit")
	hs.poll()
	hs.poll()
	if n := srv.count("send:c1:Lost in transit"); n != 2 {
		t.Errorf("sent %d times, want 2 (the first never arrived)", n)
	}
	if got := srv.sent("c1"); len(got) != 2 || got[1] != "Lost in transit" {
		t.Errorf("server has %q", got)
	}
}

func TestReconcileIgnoresAMessageClaimedByAnotherEntry(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	hs.reply("ok")
	srv.plan = []sendOutcome{{err: errUnknown}}
	hs.reply("ok")
	hs.poll()
	if got := srv.sent("c1"); strings.Join(got, ",") != "Yes, what's up?,ok,ok" {
		t.Errorf("server has %q: the first ok must not count as the second's delivery", got)
	}
}

func TestRestartWhileSendingReconcilesFirst(t *testing.T) {
	srv := standardServer()
	dir := t.TempDir()
	// The program stopped during a send that reached the server.
	delivered := srv.store("c1", "Half-way message")
	snap := outboxData{Version: outboxVersion, Entries: []outboxEntry{{
		ID: "o-1", ConvID: "c1", PeerHandle: "atlas_ai", PeerID: "a-atlas_ai", Text: "Half-way message",
		CreatedAt: delivered.CreatedAt, State: stateQueued, Attempts: []time.Time{delivered.CreatedAt}, Sending: true,
	}}}
	path := filepath.Join(dir, outboxFile)
	if err := (&outboxStore{path: path, file: privfile.Ordered{Path: path}}).save(1, snap); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, 80, 24, srv, dir)
	hs.poll()
	if n := srv.count("send:*"); n != 0 {
		t.Errorf("%d sends: an entry being sent at a stop must be reconciled, not resent", n)
	}
	if len(hs.m.box.entries) != 0 {
		t.Errorf("entry left: %+v", *hs.m.box.entries[0])
	}
}

func TestRefusedMessageFailsThenRetryAndDiscard(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter", "n")
	hs.write("Rejected text")
	srv.plan = []sendOutcome{{err: errInvalid}}
	msgs := hs.keys("ctrl+s")
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelError {
		t.Errorf("no error status: %v", msgs)
	}
	hs.keys("esc")
	v := hs.plain()
	if !strings.Contains(v, "not sent: message rejected by the server") || !strings.Contains(v, "Rejected text") {
		t.Fatalf("the refused message is not shown failed with its reason:\n%s", v)
	}
	// Polls never resend a refused message.
	hs.poll()
	if n := srv.count("send:*"); n != 1 {
		t.Fatalf("%d sends", n)
	}
	if !hasBinding(hs.m.ShortHelp(), "send again now") {
		t.Error("help does not offer retry on the failed message")
	}
	hs.keys("R")
	if got := srv.sent("c1"); len(got) != 2 || got[1] != "Rejected text" || len(hs.m.box.entries) != 0 {
		t.Fatalf("retry: server has %q", got)
	}

	// A second refused message is discarded; its text returns to the
	// composer.
	srv.plan = []sendOutcome{{err: errInvalid}}
	hs.reply("Never mind")
	hs.keys("esc")
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok || !strings.Contains(confirm.Body, "Never mind") {
		t.Fatal("discarding asks no confirmation")
	}
	hs.settle(confirm.Yes)
	if len(hs.m.box.entries) != 0 || strings.Contains(hs.m.View(), "not sent") {
		t.Error("the entry was not discarded")
	}
	if !hs.m.comp.IsOpen() || !strings.Contains(hs.m.comp.Value(), "Never mind") {
		t.Errorf("the discarded text is not back in the composer: %q", hs.m.comp.Value())
	}
	if n := srv.count("send:c1:Never mind"); n != 1 {
		t.Errorf("discarded message sent %d times", n)
	}
}

func TestComposerSendsOnlyItsOwnKey(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter")
	hs.settle(hs.m.Update(composer.SendMsg{ID: "feed", Key: "post", Text: "not mine"}))
	if len(hs.m.box.entries) != 0 || hs.srv.count("send:*") != 0 {
		t.Error("a SendMsg of another pane's composer was sent")
	}
}

func TestOfflinePollsLeaveAPendingMessageAlone(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	srv.setOffline(true)
	hs.reply("Patience")
	hs.keys("esc")
	before := hs.m.View()
	cmd := hs.m.Refresh(t.Context())
	if hs.m.View() != before {
		t.Error("planning a poll's outbox step changed the frame (it may never run)")
	}
	hs.settle(cmd)
	hs.poll()
	if hs.m.View() != before {
		t.Errorf("an offline poll changed the frame:\n%s", hs.plain())
	}
	if n := srv.count("send:*"); n != 1 {
		t.Errorf("%d sends while offline", n)
	}
}

func TestLongOutageKeepsTheAttemptToReconcile(t *testing.T) {
	srv := standardServer()
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	srv.plan = []sendOutcome{{err: errUnknown, deliver: true}}
	hs.reply("Sent just before the outage")
	srv.setOffline(true)
	for range 12 {
		hs.poll()
	}
	srv.setOffline(false)
	hs.poll()
	if n := srv.count("send:c1:Sent just before the outage"); n != 1 {
		t.Errorf("sent %d times, want 1: polls that failed must not push out the attempt", n)
	}
	if len(hs.m.box.entries) != 0 {
		t.Errorf("entry left: %+v", *hs.m.box.entries[0])
	}
}
