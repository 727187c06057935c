package explore

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

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

// TestHashtagsOverHTTPListMoreThanTrending reads the Hashtags section from
// the sandbox's seeded world over real HTTP: more tags than GET
// /api/explore embeds, enter asks for the selected tag's posts, `/`
// filters what was loaded, and r reads the tags again.
func TestHashtagsOverHTTPListMoreThanTrending(t *testing.T) {
	var reads atomic.Int32
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, OnRequest: func(r *http.Request) {
		if r.URL.Path == "/api/hashtags/trending" {
			reads.Add(1)
		}
	}})
	m := New(Options{Context: t.Context(), Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes, Hashtags: c.Hashtags})
	m.SetSize(120, 40)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	embedded := tagsOf(m.lists[sectionTrending])
	if len(embedded) == 0 {
		t.Fatal("test premise: Trending embeds some hashtags")
	}
	tuitest.Keys(m.Update, "H")
	l := m.front()
	if l.err != nil || len(l.rows) <= len(embedded) {
		t.Fatalf("H: %v, %d tags, want more than Trending's %d", l.err, len(l.rows), len(embedded))
	}
	if reads.Load() != 1 {
		t.Errorf("%d reads of the trending hashtags, want 1", reads.Load())
	}
	tuitest.CheckFrame(t, m.View(), 120, 40)
	tuitest.CheckOnlySGR(t, m.View())

	tuitest.Keys(m.Update, "j", "j", "j")
	sel := l.selected()
	seen := tuitest.Keys(m.Update, "enter")
	if got, ok := tuitest.Find[views.OpenHashtagMsg](seen); !ok || got.Tag != sel.tag.Tag {
		t.Errorf("enter on #%s: %+v", sel.tag.Tag, got)
	}
	posts, err := c.Hashtags.Posts(t.Context(), sel.tag.Tag, nil)
	if err != nil || len(posts.Items) == 0 {
		t.Errorf("the sandbox has no posts for #%s: %v", sel.tag.Tag, err)
	}

	q := strings.ToLower(sel.tag.Tag[:2])
	tuitest.Keys(m.Update, "/")
	tuitest.TypeText(m.Update, q)
	if len(l.vis) == 0 || len(l.vis) >= len(l.rows) {
		t.Errorf("/%s keeps %d of %d tags", q, len(l.vis), len(l.rows))
	}
	for _, r := range l.vis {
		if !strings.Contains(strings.ToLower(r.tag.Tag), q) {
			t.Errorf("/%s keeps #%s", q, r.tag.Tag)
		}
	}
	tuitest.Keys(m.Update, "esc")

	m.ForceRefresh()
	tuitest.Settle(m.Update, m.Refresh(t.Context()))
	if reads.Load() != 2 || l.err != nil {
		t.Errorf("r: %d reads, %v", reads.Load(), l.err)
	}
}

// TestByteRepliesOverHTTP replies to a Byte comment against the sandbox:
// the seeded thread shows its reply under its parent (the API's parentId),
// c on a comment sends the reply with that parentId, and when its answer
// is lost it is read back and found, once, under the comment it answers.
func TestByteRepliesOverHTTP(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	m := New(Options{Context: t.Context(), Explore: c.Explore, Agents: c.Agents, Bytes: c.Bytes,
		Me: "demo_agent", DraftDir: t.TempDir(), Debounce: time.Millisecond})
	m.SetSize(100, 40)
	m.SetFocused(true)
	tuitest.Settle(m.Update, m.Update(views.ShownMsg{}))
	tuitest.Keys(m.Update, "B", "enter")
	if m.byteView == nil {
		t.Fatal("enter on a Byte opened nothing")
	}
	id := m.byteView.byt.ID
	page, err := c.Bytes.Comments(t.Context(), id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // comment → its parent, as the server says
	for _, cm := range page.Items {
		want[cm.ID] = cm.ParentID
	}
	l := m.front()
	depth := map[string]int{}
	replies := 0
	for i, r := range l.rows[1:] {
		depth[r.comment.ID] = r.depth
		if p := want[r.comment.ID]; p != "" {
			replies++
			if r.depth != depth[p]+1 || l.rows[i].kind != kindComment {
				t.Errorf("reply %s drawn at depth %d, its parent %s at %d", r.comment.ID, r.depth, p, depth[p])
			}
		}
	}
	if replies == 0 {
		t.Fatalf("test premise: the seeded Byte %s has a reply; comments %+v", id, page.Items)
	}
	tuitest.CheckFrame(t, m.View(), 100, 40)
	tuitest.CheckOnlySGR(t, m.View())

	tuitest.Keys(m.Update, "j")
	parent := m.front().selected().comment
	text := "a reply whose answer was dropped"
	tuitest.Keys(m.Update, "c")
	tuitest.TypeText(m.Update, text)
	sb.InjectOnce("POST", "/api/bytes/"+id+"/comments", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(m.Update, "ctrl+s", "ctrl+s")
	if want := "reply sent (the answer was lost; it is on the server)"; !hasStatus(seen, want) {
		t.Fatalf("statuses %q, want %q", statuses(seen), want)
	}
	page, err = c.Bytes.Comments(t.Context(), id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	var sent []api.ByteComment
	for _, cm := range page.Items {
		if cm.Content == text {
			sent = append(sent, cm)
		}
	}
	if len(sent) != 1 || sent[0].ParentID != parent.ID {
		t.Fatalf("on the server: %+v, want one reply to %s", sent, parent.ID)
	}
	for i, r := range l.rows {
		if r.kind == kindComment && r.comment.ID == sent[0].ID {
			if r.depth != 1 || i == 0 {
				t.Errorf("the reply is drawn at depth %d", r.depth)
			}
			// Under its parent: the rows between are the parent's other
			// replies, deeper than the parent.
			for j := i - 1; j > 0 && l.rows[j].comment.ID != parent.ID; j-- {
				if l.rows[j].depth == 0 {
					t.Errorf("the reply is not under %s: %s comes between", parent.ID, l.rows[j].comment.ID)
				}
			}
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "↳") {
		t.Errorf("no reply is drawn as one:\n%s", ansi.Strip(m.View()))
	}
}
