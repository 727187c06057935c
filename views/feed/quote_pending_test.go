package feed

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// withNewPostsWaiting is a feed of five posts, the cursor on the third,
// with two newer ones read and waiting behind the banner.
func withNewPostsWaiting(t *testing.T) (hs *harness, first, newer []api.Post) {
	t.Helper()
	first = posts(5)
	hs = newHarness(t, 100, 40, first, false)
	newer = []api.Post{post("n2", "carol", "Fresh one", 0), post("n1", "carol", "Fresh two", 0)}
	hs.home.Pages[""] = &api.Page[api.Post]{Items: append(newer, first...)}
	hs.settle(hs.m.Refresh(t.Context()))
	hs.keys("j", "j")
	return hs, first, newer
}

// TestQuoteKeepsTheNewPostsWaiting: new posts wait behind the banner, the
// operator quotes the post under the cursor; the quote is the newest post
// on the server, yet the next refresh still counts the waiting posts, "."
// shows them in the server's order, and the cursor stayed on the quoted
// post meanwhile.
func TestQuoteKeepsTheNewPostsWaiting(t *testing.T) {
	hs, first, newer := withNewPostsWaiting(t)
	quoted := hs.m.selected().Post.ID

	quote := post("q1", "me", "my quote", 0)
	quote.CreatedAt = testNow().Add(time.Second) // sent after the new posts came
	q := hs.m.selected().Post
	quote.IsQuote, quote.RepostOf = true, &q
	hs.posts.Created = &quote
	hs.keys("enter", "Q")
	hs.typeText("my quote")
	hs.keys("ctrl+s", "esc")
	if hs.m.Depth() != 0 {
		t.Fatalf("esc did not go back to the list: %q", hs.m.Crumbs())
	}
	if got := hs.m.selected(); got == nil || got.Post.ID != quoted {
		t.Errorf("after the quote the cursor is on %v, want the quoted post %s", got, quoted)
	}

	// The server now lists the quote above the posts still waiting.
	hs.home.Pages[""] = &api.Page[api.Post]{Items: append(append([]api.Post{quote}, newer...), first...)}
	hs.settle(hs.m.Refresh(t.Context()))
	v := hs.plain()
	if !strings.Contains(v, "2 new posts · press . to show") || hs.m.Badge() != 2 {
		t.Fatalf("the waiting posts were lost after the quote (badge %d):\n%s", hs.m.Badge(), v)
	}
	if !strings.Contains(v, "6 posts") {
		t.Errorf("the header should count the 5 posts and the quote:\n%s", v)
	}
	hs.keys(".")
	var got []string
	for _, e := range hs.m.tl().entries[:4] {
		got = append(got, e.Post.ID)
	}
	if strings.Join(got, " ") != "q1 n2 n1 "+first[0].ID {
		t.Errorf("after '.' the list starts %v, want the quote, then the new posts", got)
	}
	if v := hs.plain(); !strings.Contains(v, "8 posts") || strings.Contains(v, "new posts") {
		t.Errorf("after '.' the header should count 8 posts and the banner go:\n%s", v)
	}
}

// TestTheNextUnreadKeyShowsTheNewPosts: the root's "next unread" key,
// landing on the Feed, shows the posts waiting behind the banner with the
// newest selected, as "." does.
func TestTheNextUnreadKeyShowsTheNewPosts(t *testing.T) {
	hs, _, _ := withNewPostsWaiting(t)
	if hs.m.Badge() != 2 {
		t.Fatalf("test premise: two new posts wait (badge %d)", hs.m.Badge())
	}
	hs.settle(hs.m.JumpToUnread())
	if got := hs.m.selected(); hs.m.Badge() != 0 || got == nil || got.Post.ID != "n2" {
		t.Errorf("after the jump: badge %d, selected %v, want n2 and nothing waiting", hs.m.Badge(), got)
	}
}
