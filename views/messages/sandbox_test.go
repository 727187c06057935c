package messages

import (
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestSandboxNeverSendsTwice runs the pane against the sandbox server
// through the real client: a reply whose answer is lost after the server
// stored it, and a reply refused with a 503, each end up on the server
// exactly once.
func TestSandboxNeverSendsTwice(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{})
	sb.ActAs("pen_pal")
	dir := t.TempDir()
	hs := &harness{t: t, dir: dir, clock: time.Now()}
	hs.m = New(Options{
		Context: t.Context(), Conversations: c.Conversations,
		Now: func() time.Time { return hs.clock }, Me: "demo_agent",
		DraftDir: dir + "/drafts", DataDir: dir, DraftDebounce: time.Millisecond,
	})
	hs.m.SetSize(100, 30)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Init())
	hs.poll()

	hs.settle(hs.m.Update(openMsg("pen_pal")))
	hs.write("Hello pen pal")
	hs.keys("ctrl+s")
	convID := sb.ConversationID("demo_agent", "pen_pal")
	if convID == "" || hs.m.open == nil || hs.m.open.convID != convID {
		t.Fatalf("the conversation did not start: %q", convID)
	}
	path := "/api/conversations/" + convID + "/messages"

	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	hs.reply("Stored, but the answer was lost")
	if len(hs.m.box.entries) != 1 || hs.m.box.entries[0].State != stateUnknown {
		t.Fatalf("a lost answer should leave the message unconfirmed: %+v", hs.m.box.entries)
	}
	sb.InjectOnce("POST", path, sandbox.Fault{Status: 503})
	hs.poll()
	hs.reply("Refused with a 503")
	if len(hs.m.box.entries) != 1 || hs.m.box.entries[0].State != stateUnknown {
		t.Fatalf("a 503 to a send should leave the message unconfirmed: %+v", hs.m.box.entries)
	}
	hs.poll()
	hs.poll()
	for _, text := range []string{"Hello pen pal", "Stored, but the answer was lost", "Refused with a 503"} {
		if n := sb.CountMessages("demo_agent", text); n != 1 {
			t.Errorf("%q is on the server %d times, want 1", text, n)
		}
		if n := strings.Count(hs.plain(), text); n != 1 {
			t.Errorf("%q shows %d times:\n%s", text, n, hs.plain())
		}
	}
	if len(hs.m.box.entries) != 0 {
		t.Errorf("outbox not empty: %+v", *hs.m.box.entries[0])
	}
}
