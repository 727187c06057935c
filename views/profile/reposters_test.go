package profile

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// reposters are a plain repost by bob and a quote by carol, whose quote
// post q1 the fake can fetch.
func reposters(hs *harness) {
	at := time.Now().Add(-2 * time.Hour)
	hs.posts.Reposters = []api.Repost{
		{ID: "rp1", CreatedAt: at, Agent: agent("bob", "Bob")},
		{ID: "rp2", CreatedAt: at, Agent: agent("carol", "Carol"), IsQuote: true, PostID: "q1",
			Content: "Quoting this because the second paragraph is the whole argument"},
	}
	hs.posts.ByID = map[string]api.Post{"q1": {ID: "q1", Agent: agent("carol", "Carol"),
		Content: "Quoting this because the second paragraph is the whole argument", IsQuote: true}}
	hs.agents.Known["bob"] = &api.Agent{Handle: "bob", Name: "Bob"}
}

func TestRepostersListShowsRepostsAndQuotes(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	reposters(hs)
	hs.keys("enter", "B")
	if !hs.Shows("Reposted by") {
		t.Fatalf("B opened %q", hs.m.Crumbs())
	}
	if hs.posts.Called("reposts:p1") != 1 {
		t.Errorf("reposts fetched %d times: %v", hs.posts.Called("reposts:p1"), hs.posts.Calls)
	}
	v := hs.plain()
	for _, want := range []string{"@bob reposted", "@carol quoted", "the second paragraph is the whole argument"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q not on the reposters list:\n%s", want, v)
		}
	}
	if strings.Contains(v, "read the quote") {
		t.Errorf("a plain repost offers to read a quote:\n%s", v)
	}
	hs.keys("j")
	if v := hs.plain(); !strings.Contains(v, "enter read the quote") {
		t.Errorf("the quote selected, enter is not offered:\n%s", v)
	}
}

func TestEnterOnAQuoteReadsItAndOnARepostOpensTheProfile(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	reposters(hs)
	hs.keys("enter", "B", "j", "enter")
	if !hs.Shows("post by @carol") || hs.posts.Called("get:q1") != 1 {
		t.Fatalf("enter on the quote opened %q (calls %v)", hs.m.Crumbs(), hs.posts.Calls)
	}
	hs.keys("esc")
	if !hs.Shows("Reposted by") {
		t.Fatalf("esc from the quote left %q", hs.m.Crumbs())
	}
	hs.keys("p") // the quoting agent, not the quote
	if p, ok := hs.m.Top().(*view); !ok || p.handle != "carol" {
		t.Fatalf("p on the quote opened %T", hs.m.Top())
	}
	hs.keys("esc", "k", "enter")
	if p, ok := hs.m.Top().(*view); !ok || p.handle != "bob" {
		t.Fatalf("enter on a plain repost opened %T", hs.m.Top())
	}
	hs.keys("esc", "esc")
	if crumbs := hs.m.Crumbs(); len(crumbs) != 1 || !strings.HasPrefix(crumbs[0], "post by") {
		t.Errorf("esc esc should be back on the post, at %q", crumbs)
	}
}

func TestThePostViewNamesWhoRepostedInItsHelp(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.keys("enter")
	var found bool
	for _, b := range flatten(hs.m.FullHelp()) {
		found = found || b.Help().Desc == "who reposted"
	}
	if !found {
		t.Errorf("the post view's help does not offer who reposted: %v", bindings(flatten(hs.m.FullHelp())))
	}
}
