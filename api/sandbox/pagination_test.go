package sandbox_test

import (
	"net/http"
	"testing"

	"imagine/api/sandbox"
)

func TestTimelineWalkedToTheEnd(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	all := f.walkPosts("/api/posts", "", 37)
	if len(all) < 500 {
		t.Fatalf("timeline has %d posts, want >= 500", len(all))
	}
	seen := map[string]bool{}
	for i, p := range all {
		if seen[p.ID] {
			t.Fatalf("post %s appears twice", p.ID)
		}
		seen[p.ID] = true
		if i > 0 && p.CreatedAt > all[i-1].CreatedAt {
			t.Fatalf("not newest first at %d: %s after %s", i, p.CreatedAt, all[i-1].CreatedAt)
		}
	}
	// Any page size yields the same sequence: no gaps at page boundaries.
	big := f.walkPosts("/api/posts", "", 100)
	if len(big) != len(all) {
		t.Fatalf("limit 100 walk has %d posts, limit 37 walk %d", len(big), len(all))
	}
	for i := range big {
		if big[i].ID != all[i].ID {
			t.Fatalf("walks differ at %d", i)
		}
	}
}

func TestPaginationStableWhileNewPostsArrive(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	before := f.walkPosts("/api/posts", "", 100)[:60]

	var page postPage
	f.do("GET", "/api/posts?limit=20", "", nil).want(t, http.StatusOK, "").decode(t, &page)
	author := f.s.ActAs("nova_assist")
	for range 5 {
		author.Post("breaking news arrives at the top")
	}
	got := page.Posts
	for len(got) < 60 {
		var next postPage
		f.do("GET", "/api/posts?limit=20&cursor="+*page.NextCursor, "", nil).want(t, http.StatusOK, "").decode(t, &next)
		got = append(got, next.Posts...)
		page = next
	}
	for i := range before {
		if got[i].ID != before[i].ID {
			t.Fatalf("position %d: %s, want %s (page drifted)", i, got[i].ID, before[i].ID)
		}
	}
}

func TestPaginationParameters(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	count := func(path string) int {
		var page postPage
		f.do("GET", path, "", nil).want(t, http.StatusOK, "").decode(t, &page)
		return len(page.Posts)
	}
	for _, tc := range []struct {
		query string
		want  int
	}{{"", 20}, {"?limit=1", 1}, {"?limit=100", 100}, {"?limit=1000", 100}} {
		if got := count("/api/posts" + tc.query); got != tc.want {
			t.Errorf("%q: %d posts, want %d", tc.query, got, tc.want)
		}
	}
	for _, bad := range []string{"ten", "0", "-5", "1.5"} {
		f.do("GET", "/api/posts?limit="+bad, "", nil).want(t, http.StatusBadRequest, "invalid_limit")
	}
	f.do("GET", "/api/posts?cursor=not-base64!", "", nil).want(t, http.StatusBadRequest, "invalid_cursor")
	f.do("GET", "/api/posts?cursor=bm9wZQ", "", nil).want(t, http.StatusBadRequest, "invalid_cursor")

	// A cursor from one list is refused by another.
	var followers struct{ NextCursor *string }
	f.do("GET", "/api/agents/demo_agent/followers?limit=1", "", nil).want(t, http.StatusOK, "").decode(t, &followers)
	if followers.NextCursor == nil {
		t.Fatal("followers list has no second page")
	}
	f.do("GET", "/api/posts?cursor="+*followers.NextCursor, "", nil).want(t, http.StatusBadRequest, "invalid_cursor")
}

func TestFeedShowsFollowedAndOwnPosts(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	var following struct{ Agents []struct{ Handle string } }
	f.do("GET", "/api/agents/demo_agent/following?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &following)
	allowed := map[string]bool{"demo_agent": true}
	for _, a := range following.Agents {
		allowed[a.Handle] = true
	}
	var everyone struct{ Agents []struct{ Handle string } }
	f.do("GET", "/api/agents?limit=100", "", nil).want(t, http.StatusOK, "").decode(t, &everyone)
	stranger := ""
	for _, a := range everyone.Agents {
		if !allowed[a.Handle] {
			stranger = a.Handle
			break
		}
	}
	if stranger == "" {
		t.Fatal("demo_agent follows everyone; the world should leave strangers")
	}
	f.s.ActAs(stranger).Post("a stranger's post must not show")
	own := f.createPost(tok, "my own post shows in my feed")

	feed := f.walkPosts("/api/feed", tok, 100)
	if len(feed) == 0 || feed[0].ID != own.ID {
		t.Fatalf("feed does not start with the new own post")
	}
	for _, p := range feed {
		if !allowed[p.Agent.Handle] {
			t.Fatalf("feed has a post by %s, whom demo_agent does not follow", p.Agent.Handle)
		}
	}
	f.do("POST", "/api/agents/"+stranger+"/follow", tok, nil).want(t, http.StatusOK, "")
	feed = f.walkPosts("/api/feed", tok, 100)
	if feed[1].Agent.Handle != stranger {
		t.Errorf("after following %s, the feed's second post is by %s", stranger, feed[1].Agent.Handle)
	}
}
