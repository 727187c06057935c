package feed

import (
	"os"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/feedcache"
	"imagine/keymap"
	"imagine/theme"
	postscreen "imagine/views/post"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
	"imagine/views/profile"
)

// startHarness is a pane as the root starts it: built, sized, focused, and
// nothing run yet; the test runs Init and Refresh in the order it needs.
func startHarness(t *testing.T, cache HomeCache, homePage, publicPage []api.Post) *harness {
	t.Helper()
	hs := &harness{
		home:   &fake.Timeline{Pages: map[string]*api.Page[api.Post]{"": {Items: homePage}}},
		public: &fake.Timeline{Pages: map[string]*api.Page[api.Post]{"": {Items: publicPage}}},
		posts:  fake.NewPosts(),
		agents: fake.NewAgents(),
	}
	hs.m = New(Options{
		Home: hs.home, HomeCache: cache, Public: hs.public,
		Options: postkit.Options{
			Context: t.Context(), Posts: hs.posts, Agents: hs.agents,
			Keys: keymap.Default(), Styles: theme.New(true, false),
			Now: testNow, Me: "me", DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
			Profile: profile.Open, Post: postscreen.Open,
		},
	})
	hs.m.SetSize(100, 40)
	hs.m.SetFocused(true)
	return hs
}

// savedCache is a cache holding page, saved 3 minutes before testNow.
func savedCache(t *testing.T, page []api.Post) *feedcache.Store {
	t.Helper()
	c := feedcache.New(t.TempDir(), "http://127.0.0.1:1", "client-1", nil)
	if err := c.Save(page, testNow().Add(-3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	return c
}

// freshPage is posts(5) a little later: one new post on top, new counts.
func freshPage() []api.Post {
	page := append([]api.Post{post("p6", "carol", "Fresh from the server.", 0)}, posts(5)...)
	for i := range page {
		page[i].LikeCount = 40
	}
	return page
}

func TestCachedPageShowsAtOnceThenTheServersKeepingTheSelectedPost(t *testing.T) {
	cache := savedCache(t, posts(5))
	hs := startHarness(t, cache, freshPage(), nil)

	hs.settle(hs.m.Init())
	v := hs.plain()
	for _, want := range []string{"Home feed · 5 posts · cached · 3m ago", "Post number 5 about #go"} {
		if !strings.Contains(v, want) {
			t.Fatalf("before any answer the cached page should show (%q):\n%s", want, v)
		}
	}
	if n := len(hs.home.Requests()) + len(hs.public.Requests()); n != 0 {
		t.Errorf("Init made %d requests; a warm cache needs none", n)
	}
	hs.keys("j", "j")
	if e := hs.m.selected(); e == nil || e.Post.ID != "p3" {
		t.Fatalf("premise: jj selects p3, got %+v", e)
	}

	hs.settle(hs.m.Refresh(t.Context()))
	v = hs.plain()
	if strings.Contains(v, "cached") || !strings.Contains(v, "Home feed · 6 posts") || !strings.Contains(v, "40 likes") {
		t.Errorf("the server's page should replace the cached one:\n%s", v)
	}
	if e := hs.m.selected(); e == nil || e.Post.ID != "p3" {
		t.Errorf("the cursor left the post it was on: %+v", e)
	}
	// The view did not move under the reader: the new post is above it.
	if tl := hs.m.tl(); tl.win.Cursor-tl.win.Top != 2 {
		t.Errorf("the selected post moved on screen: %+v", tl.win)
	}
	hs.keys("g")
	if v := hs.plain(); !strings.Contains(v, "Fresh from the server.") {
		t.Errorf("the new post should be at the top:\n%s", v)
	}

	// The fresh page is what the next start will show.
	saved, at, err := cache.Load()
	if err != nil || len(saved) != 6 || saved[0].ID != "p6" || !at.Equal(testNow()) {
		t.Errorf("cache after the refresh: %d posts (%v), saved %v", len(saved), err, at)
	}
}

func TestUntouchedCachedPageGivesWayToTheNewestPost(t *testing.T) {
	hs := startHarness(t, savedCache(t, posts(5)), freshPage(), nil)
	hs.settle(hs.m.Init())
	hs.settle(hs.m.Refresh(t.Context()))
	if e := hs.m.selected(); e == nil || e.Post.ID != "p6" {
		t.Errorf("with the cursor never moved, the fresh page should show from its newest post: %+v", e)
	}
}

func TestCachedPageStaysWhenTheRefreshFails(t *testing.T) {
	hs := startHarness(t, savedCache(t, posts(5)), freshPage(), nil)
	hs.home.Err = api.ErrOffline
	hs.settle(hs.m.Init())
	hs.settle(hs.m.Refresh(t.Context()))
	v := hs.plain()
	for _, want := range []string{"cached · 3m ago", "couldn't refresh", "Post number 5 about #go"} {
		if !strings.Contains(v, want) {
			t.Errorf("offline at start, the cached page should stay, marked (%q):\n%s", want, v)
		}
	}
}

func TestPublicTimelineStandsInUntilTheHomeFeedArrives(t *testing.T) {
	pub := []api.Post{post("q1", "dora", "Public news.", time.Minute)}
	hs := startHarness(t, nil, posts(3), pub)

	hs.settle(hs.m.Init())
	v := hs.plain()
	if !strings.Contains(v, "Public timeline · 1 posts · home feed loading…") || !strings.Contains(v, "Public news.") {
		t.Fatalf("with no cache, the public timeline should stand in at once:\n%s", v)
	}
	if n := len(hs.home.Requests()); n != 0 {
		t.Errorf("Init fetched the home feed %d times; Refresh does", n)
	}

	// The poll fetches the home feed, not the timeline standing in.
	hs.settle(hs.m.Refresh(t.Context()))
	v = hs.plain()
	if !strings.Contains(v, "Home feed · 3 posts") || strings.Contains(v, "Public news.") || strings.Contains(v, "loading…") {
		t.Errorf("the home feed should take over when it arrives:\n%s", v)
	}
	if n := len(hs.public.Requests()); n != 1 {
		t.Errorf("the public timeline was fetched %d times, want 1", n)
	}
}

func TestAPickedTimelineIsNotSwitchedAway(t *testing.T) {
	pub := []api.Post{post("q1", "dora", "Public news.", time.Minute)}
	hs := startHarness(t, nil, posts(3), pub)
	hs.settle(hs.m.Init())
	hs.keys("t") // back to the home feed, still loading
	hs.keys("t") // and to the public timeline, on purpose
	hs.settle(hs.m.Refresh(t.Context()))
	v := hs.plain()
	if !strings.Contains(v, "Public news.") || strings.Contains(v, "home feed loading") {
		t.Errorf("the timeline the operator picked should stay, unmarked:\n%s", v)
	}
}

func TestCorruptCacheFallsBackToThePublicTimeline(t *testing.T) {
	cache := feedcache.New(t.TempDir(), "http://127.0.0.1:1", "client-1", nil)
	if err := os.WriteFile(cache.Path(), []byte(`{"version":1,"posts":[{"id":`), 0o600); err != nil {
		t.Fatal(err)
	}
	pub := []api.Post{post("q1", "dora", "Public news.", time.Minute)}
	hs := startHarness(t, cache, posts(3), pub)
	hs.settle(hs.m.Init())
	if v := hs.plain(); !strings.Contains(v, "Public news.") {
		t.Errorf("an unreadable cache should be ignored for the public timeline:\n%s", v)
	}
}
