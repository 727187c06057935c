package post

import (
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views/postkit"
)

// sent is the text of the last comment sent.
func (hs *harness) sent(t *testing.T) string {
	t.Helper()
	if len(hs.posts.Commented) == 0 {
		t.Fatalf("nothing was sent; calls %v", hs.posts.Calls)
	}
	return hs.posts.Commented[len(hs.posts.Commented)-1].Content
}

// TestAReplyStartsWithTheHandleItAnswers: c on someone's comment opens
// the reply with "@handle " of its author written, so what is typed
// follows it; a reply to your own comment starts empty.
func TestAReplyStartsWithTheHandleItAnswers(t *testing.T) {
	hs := newHarness(t, 100, 40, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.posts.Reply = &api.Comment{ID: "c9", Content: "x", Agent: agent("me", "Me"), CreatedAt: time.Now()}
	hs.keys("enter", "j", "j", "c") // c2, by carol
	hs.typeText("agreed")
	hs.keys("ctrl+s")
	if got := hs.sent(t); got != "@carol agreed" {
		t.Errorf("the reply sent %q, want it to start with @carol", got)
	}

	hs.keys("G", "c") // c3, yours
	hs.typeText("more")
	hs.keys("ctrl+s")
	if got := hs.sent(t); got != "more" {
		t.Errorf("the reply to your own comment sent %q, want no handle", got)
	}
}

// TestAReplyDraftWinsOverTheHandle: a draft of the reply, kept this
// session or from an earlier one, comes back as it was, without the
// handle written again.
func TestAReplyDraftWinsOverTheHandle(t *testing.T) {
	dir := t.TempDir()
	withDir := func(o *postkit.Options) { o.DraftDir = dir }
	hs := newHarnessWith(t, 100, 40, []api.Post{post("p1", "alice", "Root post", time.Hour)}, withDir)
	threadFixture(hs)
	hs.keys("enter", "j", "c") // c1, by bob
	hs.keys("ctrl+a", "ctrl+k")
	hs.typeText("my own words")
	hs.keys("esc", "c") // closed and opened again this session
	if v := hs.plain(); tuitest.LineOf(v, "my own words") < 0 || tuitest.LineOf(v, "@bob my own words") >= 0 {
		t.Fatalf("the draft kept this session did not come back as it was:\n%s", v)
	}
	hs.keys("esc")

	// A new session with the same drafts.
	next := newHarnessWith(t, 100, 40, []api.Post{post("p1", "alice", "Root post", time.Hour)}, withDir)
	threadFixture(next)
	next.posts.Reply = &api.Comment{ID: "c9", Content: "x", Agent: agent("me", "Me"), CreatedAt: time.Now()}
	next.keys("enter", "j", "c")
	next.keys("ctrl+s")
	if got := next.sent(t); got != "my own words" {
		t.Errorf("the draft from the earlier session sent %q, want it alone", got)
	}
}
