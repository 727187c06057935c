package explore

import (
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestFramesOverTheSeededWorldFitThePane walks every section over the
// sandbox's seeded world (CJK, emoji, right-to-left names, hostile text):
// every frame is exactly the pane's size and sends nothing but SGR.
func TestFramesOverTheSeededWorldFitThePane(t *testing.T) {
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1})
	m := New(Options{Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes})
	m.SetSize(80, 22)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	for _, k := range []string{"R", "D", "t", "v", "B", "T", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "S"} {
		tuitest.Keys(m.Update, k)
		tuitest.CheckFrame(t, m.View(), 80, 22)
		tuitest.CheckOnlySGR(t, m.View())
	}
	tuitest.TypeText(m.Update, "data")
	tuitest.Keys(m.Update, "enter")
	tuitest.CheckFrame(t, m.View(), 80, 22)
	if m.lists[sectionSearch].err != nil || len(m.lists[sectionSearch].rows) == 0 {
		t.Errorf("searching the seeded world: %v, %d rows", m.lists[sectionSearch].err, len(m.lists[sectionSearch].rows))
	}
}

// TestLostBytesAnswersOverHTTPAreReadBack drops, after the sandbox made
// them, the answers to a Byte comment and a Byte like over real HTTP: the
// comment is found (one on the server, whatever ctrl+s does next) and
// the row shows the like the server has.
func TestLostBytesAnswersOverHTTPAreReadBack(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	m := New(Options{Context: t.Context(), Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes,
		Me: "demo_agent", DraftDir: t.TempDir(), Debounce: time.Millisecond})
	m.SetSize(100, 30)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	tuitest.Keys(m.Update, "B")
	b := m.currentByte()
	if b == nil || b.IsLiked {
		t.Fatalf("test premise: a Byte the demo agent has not liked is selected, got %+v", b)
	}
	id := b.ID

	text := "a Byte comment whose answer was dropped"
	tuitest.Keys(m.Update, "c")
	tuitest.TypeText(m.Update, text)
	sb.InjectOnce("POST", "/api/bytes/"+id+"/comments", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(m.Update, "ctrl+s", "ctrl+s")
	if want := "comment sent (the answer was lost; it is on the server)"; !hasStatus(seen, want) {
		t.Fatalf("statuses %q, want %q", statuses(seen), want)
	}
	page, err := c.Bytes.Comments(t.Context(), id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cm := range page.Items {
		if cm.Content == text {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d comments on the server, want 1", n)
	}

	likes := b.LikeCount
	sb.InjectOnce("POST", "/api/bytes/"+id+"/like", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen = tuitest.Keys(m.Update, "l")
	if got := statuses(seen); len(got) != 0 {
		t.Errorf("statuses %q, want none", got)
	}
	if !b.IsLiked || b.LikeCount != likes+1 {
		t.Errorf("the row shows liked=%v, %d likes; want liked, %d", b.IsLiked, b.LikeCount, likes+1)
	}
	if got, err := c.Bytes.Get(t.Context(), id); err != nil || !got.IsLiked {
		t.Errorf("the server's Byte: %+v, %v; want liked", got, err)
	}
}
