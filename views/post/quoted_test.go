package post

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

// quoteFixture is alice quoting bob's post p9, which the server serves.
func quoteFixture(t *testing.T) *harness {
	t.Helper()
	quoted := post("p9", "bob", "The original, about #go", 2*time.Hour)
	q := post("p1", "alice", "So true, @carol", time.Hour)
	q.IsQuote, q.RepostOf = true, &quoted
	hs := newHarness(t, 100, 40, []api.Post{q}, false)
	hs.posts.ByID = map[string]api.Post{"p9": quoted}
	return hs
}

// TestEnterOnAQuoteOpensTheQuotedPost: in the post view of a quote, enter
// on the post opens the post it quotes over it, read from the server;
// esc comes back to the quote. The footer names it.
func TestEnterOnAQuoteOpensTheQuotedPost(t *testing.T) {
	hs := quoteFixture(t)
	hs.keys("enter")
	if !hs.Shows("post by @alice") {
		t.Fatalf("enter opened %q", hs.m.Crumbs())
	}
	if !hasBinding(hs.m.ShortHelp(), hs.m.Top().(*view).openKey(hs.m.Kit)) {
		t.Errorf("the footer does not offer the quoted post: %v", hs.m.ShortHelp())
	}
	hs.keys("enter")
	if !hs.Shows("post by @bob") || hs.posts.Called("get:p9") != 1 {
		t.Fatalf("enter on the quote opened %q (calls %v)", hs.m.Crumbs(), hs.posts.Calls)
	}
	if v := hs.plain(); !strings.Contains(v, "The original, about #go") {
		t.Errorf("the quoted post is not shown:\n%s", v)
	}
	hs.keys("esc")
	if !hs.Shows("post by @alice") {
		t.Errorf("esc went to %q, want the quote", hs.m.Crumbs())
	}
}

// TestOListsTheQuotedPostFirst: o on a quote lists the quoted post before
// the mentions and tags, and enter on it opens it.
func TestOListsTheQuotedPostFirst(t *testing.T) {
	hs := quoteFixture(t)
	hs.keys("enter", "o")
	v := hs.plain()
	first := tuitest.LineOf(v, "quoted post by @bob")
	if first < 0 || first > tuitest.LineOf(v, "profile  @carol") || first > tuitest.LineOf(v, "posts of #go") {
		t.Fatalf("the link list does not start with the quoted post:\n%s", v)
	}
	hs.keys("enter")
	if !hs.Shows("post by @bob") {
		t.Errorf("enter on the quoted post opened %q", hs.m.Crumbs())
	}
}

// TestOOnACommentListsItsLinksFirst: with a comment selected, o lists the
// comment's mentions and tags before the post's.
func TestOOnACommentListsItsLinksFirst(t *testing.T) {
	hs := newHarness(t, 100, 40, []api.Post{post("p1", "alice", "Root post about #go with @zed", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter", "j") // c1: "Top-level thought #first"
	links := hs.m.LinksShown()
	if len(links) != 3 || links[0].Text != "#first" || links[1].Text != "#go" {
		t.Errorf("links = %v, want the comment's #first before the post's", links)
	}
	hs.keys("o")
	v := hs.plain()
	if a, b := tuitest.LineOf(v, "posts of #first"), tuitest.LineOf(v, "posts of #go"); a < 0 || b < 0 || a > b {
		t.Errorf("the list does not show the comment's link first:\n%s", v)
	}
}
