package postkit

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views"
)

// lossyPane is a kit over the sandbox through the real client, signed in
// as its demo agent, with no posts listed.
func lossyPane(t *testing.T) (*sandbox.Server, *api.Client, *testPane) {
	t.Helper()
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	p := newTestPane(Options{
		Context: t.Context(), Posts: c.Posts, Agents: c.Agents, Me: "demo_agent",
		DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
	}, nil)
	return sb, c, p
}

// statuses are the status lines among msgs.
func statuses(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// onServer counts the public posts with content text.
func onServer(t *testing.T, c *api.Client, text string) int {
	t.Helper()
	n := 0
	opts := &api.ListOptions{Limit: api.MaxPageSize}
	for {
		page, err := c.Posts.List(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page.Items {
			if p.Content == text {
				n++
			}
		}
		if !page.HasMore || page.NextCursor == "" {
			return n
		}
		opts.Cursor = page.NextCursor
	}
}

// commentsOn counts the comments with content text on post id.
func commentsOn(t *testing.T, c *api.Client, id, text string) int {
	t.Helper()
	page, err := c.Posts.Comments(context.Background(), id, &api.ListOptions{Limit: api.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cm := range page.Items {
		if cm.Content == text {
			n++
		}
	}
	return n
}

// TestAPostWhoseAnswerWasDroppedIsFoundNotResent: the server makes the
// post and drops the answer; the kit reads the timeline back, finds it,
// says "sent" and closes the composer. Nothing is resent: one post.
func TestAPostWhoseAnswerWasDroppedIsFoundNotResent(t *testing.T) {
	sb, c, p := lossyPane(t)
	text := "dropped after processing, found after all"
	tuitest.Settle(p.Update, p.OpenNewPost())
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(p.Update, "ctrl+s")
	want := "post sent (the answer was lost; it is on the server)"
	if got := statuses(seen); !contains(got, want) {
		t.Fatalf("statuses %q, want %q", got, want)
	}
	if p.ComposerOpen() {
		t.Error("the composer stays open after the post was found")
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d posts on the server, want 1", n)
	}
}

// TestAPostDroppedBeforeProcessingSaysNotSentThenSendsOnce: the answer is
// lost and the post is not on the server: the composer says "not sent"
// (never "maybe") and keeps the text; ctrl+s sends it, once.
func TestAPostDroppedBeforeProcessingSaysNotSentThenSendsOnce(t *testing.T) {
	sb, c, p := lossyPane(t)
	text := "dropped before processing, sent on the second press"
	tuitest.Settle(p.Update, p.OpenNewPost())
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true})
	tuitest.Keys(p.Update, "ctrl+s")
	prob := p.comp.Problem()
	if !strings.HasPrefix(prob, "not sent: no answer from ") || !strings.Contains(prob, "the post is not on the server; ctrl+s sends it again") {
		t.Fatalf("composer says %q", prob)
	}
	if strings.Contains(prob, "may or may not") {
		t.Errorf("after the check the composer still says maybe: %q", prob)
	}
	if n := onServer(t, c, text); n != 0 {
		t.Fatalf("test premise: %d posts before the resend", n)
	}
	seen := tuitest.Keys(p.Update, "ctrl+s")
	if got := statuses(seen); !contains(got, "post sent") {
		t.Errorf("statuses %q, want post sent", got)
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d posts on the server, want 1", n)
	}
}

// TestAPostThatLandsAfterItsCheckIsNotSentTwice: the answer is lost and
// the read-back does not find the post ("not sent"), but the request was
// only held up and lands afterwards. ctrl+s reads back once more before
// sending, finds it and sends nothing: one post, never two.
func TestAPostThatLandsAfterItsCheckIsNotSentTwice(t *testing.T) {
	sb, c, p := lossyPane(t)
	text := "held up on its way, landed after the check"
	tuitest.Settle(p.Update, p.OpenNewPost())
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true})
	tuitest.Keys(p.Update, "ctrl+s")
	if prob := p.comp.Problem(); !strings.HasPrefix(prob, "not sent: ") {
		t.Fatalf("composer says %q", prob)
	}
	sb.ActAs("demo_agent").Post(text) // the held-up request lands
	seen := tuitest.Keys(p.Update, "ctrl+s")
	if got := statuses(seen); !contains(got, "post sent (the answer was lost; it is on the server)") {
		t.Errorf("statuses %q", got)
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d posts on the server, want 1", n)
	}
}

// TestAnUncheckablePostIsCheckedBeforeTheResend: the answer is lost and
// the timeline cannot be read either: the composer says "unconfirmed"
// and ctrl+s reads back before sending, finds the post, sends nothing.
func TestAnUncheckablePostIsCheckedBeforeTheResend(t *testing.T) {
	sb, c, p := lossyPane(t)
	text := "lost answer, lost check, one post"
	tuitest.Settle(p.Update, p.OpenNewPost())
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true, AfterProcessing: true})
	for range 3 { // every attempt of the read
		sb.InjectOnce("GET", "/api/posts", sandbox.Fault{Status: 503})
	}
	tuitest.Keys(p.Update, "ctrl+s")
	prob := p.comp.Problem()
	if !strings.HasPrefix(prob, "unconfirmed: no answer from ") || !strings.Contains(prob, "ctrl+s checks again before sending") {
		t.Fatalf("composer says %q", prob)
	}
	seen := tuitest.Keys(p.Update, "ctrl+s")
	if got := statuses(seen); !contains(got, "post sent (the answer was lost; it is on the server)") {
		t.Errorf("statuses %q", got)
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d posts on the server, want 1", n)
	}
}

// TestACommentWhoseAnswerWasDroppedIsNotDuplicated: a comment and a
// reply whose answers are dropped after processing are found among the
// post's comments; pressing send again never makes a second copy.
func TestACommentWhoseAnswerWasDroppedIsNotDuplicated(t *testing.T) {
	sb, c, p := lossyPane(t)
	id := sb.ActAs("far_author").Post("a post to comment on twice")
	post, err := c.Posts.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	p.entries = append(p.entries, p.Intern(*post))
	text := "a comment whose answer was lost"
	tuitest.Keys(p.Update, "c")
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts/"+id+"/comments", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(p.Update, "ctrl+s", "ctrl+s")
	if got := statuses(seen); !contains(got, "comment sent (the answer was lost; it is on the server)") {
		t.Fatalf("statuses %q", got)
	}
	if n := commentsOn(t, c, id, text); n != 1 {
		t.Errorf("%d comments on the server, want 1", n)
	}

	// Dropped before processing: not sent, then sent once.
	text = "a second comment, lost before it arrived"
	tuitest.Keys(p.Update, "c")
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts/"+id+"/comments", sandbox.Fault{Drop: true})
	tuitest.Keys(p.Update, "ctrl+s")
	if prob := p.comp.Problem(); !strings.Contains(prob, "the comment is not on the server; ctrl+s sends it again") {
		t.Fatalf("composer says %q", prob)
	}
	tuitest.Keys(p.Update, "ctrl+s", "ctrl+s")
	if n := commentsOn(t, c, id, text); n != 1 {
		t.Errorf("%d comments on the server, want 1", n)
	}
}

// TestALikeWhoseAnswerWasDroppedShowsLiked: the like is made and its
// answer dropped; reading the post back shows it liked, and so does the
// kit. A like lost before it arrived is sent once more, and when that is
// lost too the kit says it did not happen.
func TestALikeWhoseAnswerWasDroppedShowsLiked(t *testing.T) {
	sb, c, p := lossyPane(t)
	id := sb.ActAs("far_author").Post("a post to like through a bad line")
	post, err := c.Posts.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	e := p.Intern(*post)
	p.entries = append(p.entries, e)
	sb.InjectOnce("POST", "/api/posts/"+id+"/like", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(p.Update, "l")
	if got := statuses(seen); len(got) != 0 {
		t.Errorf("statuses %q, want none", got)
	}
	if !e.Post.IsLiked || e.Post.LikeCount != 1 {
		t.Errorf("the kit shows liked=%v count=%d, want liked, 1", e.Post.IsLiked, e.Post.LikeCount)
	}
	if got, _ := c.Posts.Get(t.Context(), id); !got.IsLiked {
		t.Error("the server does not have the like")
	}

	// An unlike is a DELETE, which the client repeats by itself.
	sb.InjectOnce("DELETE", "/api/posts/"+id+"/like", sandbox.Fault{Drop: true})
	tuitest.Keys(p.Update, "l")
	if e.Post.IsLiked {
		t.Error("the kit still shows the post liked")
	}
	if got, _ := c.Posts.Get(t.Context(), id); got.IsLiked {
		t.Error("the server still has the like")
	}

	// A like lost before it arrived, twice (the first try and the one
	// retry a like gets after the read shows no like): it says so and
	// shows the post not liked.
	sb.InjectOnce("POST", "/api/posts/"+id+"/like", sandbox.Fault{Drop: true})
	sb.InjectOnce("POST", "/api/posts/"+id+"/like", sandbox.Fault{Drop: true})
	seen = tuitest.Keys(p.Update, "l")
	want := "couldn't like the post: no answer from the server, and it did not happen; press again"
	if got := statuses(seen); !contains(got, want) {
		t.Errorf("statuses %q, want %q", got, want)
	}
	if e.Post.IsLiked || e.Post.LikeCount != 0 {
		t.Errorf("the kit shows liked=%v count=%d, want not liked, 0", e.Post.IsLiked, e.Post.LikeCount)
	}
}

// TestARepostLostBeforeItArrivedSaysSo: a repost dropped before
// processing is not sent again by itself; the kit shows what the server
// has and says it did not happen.
func TestARepostLostBeforeItArrivedSaysSo(t *testing.T) {
	sb, c, p := lossyPane(t)
	id := sb.ActAs("far_author").Post("a post to repost through a bad line")
	post, err := c.Posts.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	e := p.Intern(*post)
	p.entries = append(p.entries, e)
	sb.InjectOnce("POST", "/api/posts/"+id+"/repost", sandbox.Fault{Drop: true})
	seen := tuitest.Keys(p.Update, p.keys.Feed.Repost.Keys()[0])
	want := "couldn't repost the post: no answer from the server, and it did not happen; press again"
	if got := statuses(seen); !contains(got, want) {
		t.Errorf("statuses %q, want %q", got, want)
	}
	if e.Post.IsReposted {
		t.Error("the kit shows the post reposted")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestAFollowWhoseAnswerWasDroppedIsReadBack: a follow the server made
// but whose answer was dropped shows as followed (read back); one lost
// twice before it arrived (the first try and the one retry) says it did
// not happen. (An unfollow is a DELETE, which the client itself repeats.)
func TestAFollowWhoseAnswerWasDroppedIsReadBack(t *testing.T) {
	sb, c, p := lossyPane(t)
	handle := sb.ActAs("far_author").Handle()
	agent, err := c.Agents.Get(t.Context(), handle)
	if err != nil {
		t.Fatal(err)
	}
	if on, _ := c.Agents.IsFollowing(t.Context(), handle); on {
		t.Fatal("test premise: the demo agent does not follow far_author")
	}
	path := "/api/agents/" + handle + "/follow"
	no := false
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Settle(p.Update, p.ToggleFollow(handle, agent, &no))
	if got := statuses(seen); len(got) != 0 {
		t.Errorf("statuses %q, want none", got)
	}
	if f, ok := tuitest.Find[followedMsg](seen); !ok || !f.settled || f.toggle == nil || !f.toggle.Active {
		t.Errorf("the kit heard %+v, want following, read back", f)
	}
	if on, _ := c.Agents.IsFollowing(t.Context(), handle); !on {
		t.Error("the server has no follow")
	}

	// A follow lost before it arrived, twice (the first try and the one
	// retry a follow gets): the kit says it did not happen.
	if _, err := c.Agents.Unfollow(t.Context(), handle); err != nil {
		t.Fatal(err)
	}
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true})
	sb.InjectOnce("POST", path, sandbox.Fault{Drop: true})
	seen = tuitest.Settle(p.Update, p.ToggleFollow(handle, agent, &no))
	want := "couldn't follow @far_author: no answer from the server, and it did not happen; press again"
	if got := statuses(seen); !contains(got, want) {
		t.Errorf("statuses %q, want %q", got, want)
	}
	if f, ok := tuitest.Find[followedMsg](seen); !ok || !f.settled || f.toggle == nil || f.toggle.Active {
		t.Errorf("the kit heard %+v, want not following, read back", f)
	}
}

// TestAQuoteWhoseAnswerWasDroppedIsFoundNotResent: a quote the server
// made but whose answer was dropped is found in the timeline; a second
// ctrl+s makes no second quote.
func TestAQuoteWhoseAnswerWasDroppedIsFoundNotResent(t *testing.T) {
	sb, c, p := lossyPane(t)
	id := sb.ActAs("far_author").Post("a post to quote through a bad line")
	post, err := c.Posts.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	p.entries = append(p.entries, p.Intern(*post))
	text := "quoting it once, whatever the line does"
	tuitest.Keys(p.Update, p.keys.Feed.Quote.Keys()[0])
	tuitest.TypeText(p.Update, text)
	sb.InjectOnce("POST", "/api/posts/"+id+"/quote", sandbox.Fault{Drop: true, AfterProcessing: true})
	seen := tuitest.Keys(p.Update, "ctrl+s", "ctrl+s")
	want := "quote sent (the answer was lost; it is on the server)"
	if got := statuses(seen); !contains(got, want) {
		t.Fatalf("statuses %q, want %q", got, want)
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d quotes on the server, want 1", n)
	}
}

// TestAnUnconfirmedPostIsCheckedAfterARestart: the answer and the check
// are lost, and the program stops; the next session's kit, on the same
// drafts, names the draft at start, restores the text and reads back
// before sending: one post, and nothing left to name.
func TestAnUnconfirmedPostIsCheckedAfterARestart(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, NoRateLimit: true})
	drafts := t.TempDir()
	open := func() *testPane {
		return newTestPane(Options{
			Context: t.Context(), Posts: c.Posts, Agents: c.Agents, Me: "demo_agent",
			DraftDir: drafts, DraftDebounce: time.Millisecond,
		}, nil)
	}
	text := "lost answer, lost check, then a restart"
	first := open()
	tuitest.Settle(first.Update, first.OpenNewPost())
	tuitest.TypeText(first.Update, text)
	sb.InjectOnce("POST", "/api/posts", sandbox.Fault{Drop: true, AfterProcessing: true})
	for range 3 {
		sb.InjectOnce("GET", "/api/posts", sandbox.Fault{Status: 503})
	}
	tuitest.Keys(first.Update, "ctrl+s")
	if prob := first.comp.Problem(); !strings.HasPrefix(prob, "unconfirmed: ") {
		t.Fatalf("composer says %q", prob)
	}

	second := open()
	notice := tuitest.Collect(second.UnsentNotice())
	want := `1 send is unconfirmed: a post (n) "lost answer, lost check, then a restart" (reopen it: ctrl+s checks the server before sending)`
	if got := statuses(notice); !contains(got, want) {
		t.Errorf("at start the kit says %q, want %q", got, want)
	}
	tuitest.Settle(second.Update, second.OpenNewPost())
	if got := second.comp.Value(); got != text {
		t.Fatalf("the restarted composer holds %q, want the draft", got)
	}
	seen := tuitest.Keys(second.Update, "ctrl+s")
	if got := statuses(seen); !contains(got, "post sent (the answer was lost; it is on the server)") {
		t.Errorf("statuses %q", got)
	}
	if n := onServer(t, c, text); n != 1 {
		t.Errorf("%d posts on the server, want 1", n)
	}
	if got := statuses(tuitest.Collect(open().UnsentNotice())); len(got) != 0 {
		t.Errorf("after the check the kit still says %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(drafts, "*")); len(left) != 0 {
		t.Errorf("files left in the drafts directory after the post went: %v", left)
	}
}
