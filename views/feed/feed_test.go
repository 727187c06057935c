package feed

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestFirstLoadShowsThePostsAndExposesErrors(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(3), false)
	v := hs.plain()
	for _, want := range []string{"Home feed", "3 posts", "Post number 3 about #go", "Alice @alice · 1m", "3 likes · 1 comment"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// The refresh result tells the root about failures.
	hs.home.Err = api.ErrOffline
	msgs := tuitest.Collect(hs.m.Refresh(t.Context()))
	pm, ok := msgs[0].(interface{ Err() error })
	if !ok || !errors.Is(pm.Err(), api.ErrOffline) {
		t.Fatalf("refresh result %T does not expose the error", msgs[0])
	}
	hs.m.Update(msgs[0])
	if v := hs.plain(); !strings.Contains(v, "Post number 3") || !strings.Contains(v, "couldn't refresh") {
		t.Errorf("a failed refresh should keep the posts and say so:\n%s", v)
	}
}

func TestNavigationMovesTheHighlightedPost(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(20), false)
	tl := hs.m.tl()
	hs.keys("j", "j")
	if tl.win.Cursor != 2 {
		t.Fatalf("cursor = %d after jj", tl.win.Cursor)
	}
	hs.keys("k")
	if tl.win.Cursor != 1 {
		t.Fatalf("cursor = %d after k", tl.win.Cursor)
	}
	hs.keys("G")
	if tl.win.Cursor != 19 {
		t.Fatalf("cursor = %d after G", tl.win.Cursor)
	}
	if v := hs.plain(); !strings.Contains(v, "▌ Alice @alice · 20m") {
		t.Errorf("the last post is not highlighted:\n%s", v)
	}
	hs.keys("g")
	if tl.win.Cursor != 0 || tl.win.Top != 0 {
		t.Fatalf("g did not go to the top: %+v", tl.win)
	}
	hs.keys("pgdown")
	if tl.win.Cursor < 2 {
		t.Errorf("pgdown moved only to %d", tl.win.Cursor)
	}
}

func TestOpenAndBackKeepTheListPosition(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.keys("j", "j", "j")
	before := hs.m.tl().win
	hs.keys("enter")
	if !hs.opened("p7") {
		t.Fatalf("enter opened %q, views recorded %d", hs.m.Crumbs(), hs.posts.Called("view:p7"))
	}
	hs.keys("j", "esc")
	if hs.m.Depth() != 0 {
		t.Fatal("esc did not go back to the list")
	}
	if hs.m.tl().win != before {
		t.Errorf("list position %+v, want %+v", hs.m.tl().win, before)
	}
}

func TestNewPostsWaitBehindABanner(t *testing.T) {
	first := posts(5)
	hs := newHarness(t, 80, 24, first, false)
	hs.keys("j", "j")
	selected := hs.m.selected().Post.ID

	newer := []api.Post{post("n2", "carol", "Fresh one", 0), post("n1", "carol", "Fresh two", 0)}
	hs.home.Pages[""] = &api.Page[api.Post]{Items: append(newer, first...)}
	hs.settle(hs.m.Refresh(t.Context()))

	if got := hs.m.selected().Post.ID; got != selected {
		t.Errorf("selection moved from %s to %s", selected, got)
	}
	if len(hs.m.tl().entries) != 5 {
		t.Errorf("new posts were inserted before being asked for")
	}
	if v := hs.plain(); !strings.Contains(v, "2 new posts · press . to show") {
		t.Errorf("no banner:\n%s", v)
	}
	if hs.m.Badge() != 2 {
		t.Errorf("badge = %d", hs.m.Badge())
	}
	hs.keys(".")
	tl := hs.m.tl()
	if len(tl.entries) != 7 || tl.entries[0].Post.ID != "n2" || tl.win.Cursor != 0 {
		t.Errorf("after '.', %d posts, first %s, cursor %d", len(tl.entries), tl.entries[0].Post.ID, tl.win.Cursor)
	}
	if strings.Contains(hs.plain(), "new post") {
		t.Error("the banner stayed")
	}
}

func TestGAtTheTopShowsNewPosts(t *testing.T) {
	first := posts(3)
	hs := newHarness(t, 80, 24, first, false)
	hs.home.Pages[""] = &api.Page[api.Post]{Items: append([]api.Post{post("n1", "carol", "Fresh", 0)}, first...)}
	hs.settle(hs.m.Refresh(t.Context()))
	hs.keys("g")
	if got := hs.m.tl().entries[0].Post.ID; got != "n1" {
		t.Errorf("g at the top did not merge: first is %s", got)
	}
}

func TestEmptyListJustShowsNewPosts(t *testing.T) {
	hs := newHarness(t, 80, 24, nil, false)
	if v := hs.plain(); !strings.Contains(v, "home feed is empty") {
		t.Errorf("empty feed not explained:\n%s", v)
	}
	hs.home.Pages[""] = &api.Page[api.Post]{Items: posts(2)}
	hs.settle(hs.m.Refresh(t.Context()))
	if len(hs.m.tl().entries) != 2 || len(hs.m.tl().pending) != 0 {
		t.Errorf("posts on an empty list should show at once")
	}
}

func TestEndlessScrollFetchesTheNextPageOnce(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(12), true)
	hs.home.Pages["c2"] = &api.Page[api.Post]{Items: []api.Post{post("old1", "bob", "older", time.Hour)}}

	// Far from the end: nothing is fetched.
	hs.settle(hs.m.Update(tuitest.Press("j")))
	if got := len(hs.home.Requests()); got != 1 {
		t.Fatalf("%d requests before nearing the end", got)
	}
	// Near the end: exactly one request, kept in flight.
	var pending []tea.Cmd
	for range 8 {
		if cmd := hs.m.Update(tuitest.Press("j")); cmd != nil {
			pending = append(pending, cmd)
		}
	}
	if len(pending) != 1 {
		t.Fatalf("%d page requests issued, want 1", len(pending))
	}
	if v := hs.plain(); !strings.Contains(v, "loading more…") {
		t.Errorf("no loading line:\n%s", v)
	}
	hs.settle(pending[0])
	if reqs := hs.home.Requests(); len(reqs) != 2 || reqs[1] != "c2" {
		t.Errorf("requests = %q", reqs)
	}
	if n := len(hs.m.tl().entries); n != 13 {
		t.Errorf("%d posts after the next page", n)
	}
}

func TestFailedNextPageShowsInlineAndRetriesOnMove(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(12), true)
	hs.home.Errs = map[string]error{"c2": api.ErrOffline}
	hs.keys("G")
	if v := hs.plain(); !strings.Contains(v, "couldn't load more") {
		t.Errorf("no inline failure:\n%s", v)
	}
	hs.home.Errs = nil
	hs.home.Pages["c2"] = &api.Page[api.Post]{Items: []api.Post{post("old1", "bob", "older", time.Hour)}}
	hs.keys("k")
	if reqs := hs.home.Requests(); len(reqs) != 3 || reqs[2] != "c2" {
		t.Errorf("a move did not retry: %q", reqs)
	}
	if strings.Contains(hs.plain(), "couldn't load more") || len(hs.m.tl().entries) != 13 {
		t.Error("the retry did not replace the failure with the page")
	}
}

func TestLikeIsOptimisticAndRolledBackOnError(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(3), false)
	e := hs.m.selected()
	hs.posts.Errs["like"] = api.ErrOffline

	cmd := hs.m.Update(tuitest.Press("l"))
	if !e.Post.IsLiked || e.Post.LikeCount != 4 {
		t.Fatalf("like not applied at once: liked=%v count=%d", e.Post.IsLiked, e.Post.LikeCount)
	}
	if v := hs.plain(); !strings.Contains(v, "4 likes (you)") {
		t.Errorf("the like is not shown:\n%s", v)
	}
	// A second press while the first is in flight does not race it.
	if msgs := tuitest.Collect(hs.m.Update(tuitest.Press("l"))); e.Post.LikeCount != 4 || len(msgs) != 1 {
		t.Errorf("second press changed the post or called the API: %v", msgs)
	}
	msgs := hs.settle(cmd)
	if e.Post.IsLiked || e.Post.LikeCount != 3 {
		t.Errorf("not rolled back: liked=%v count=%d", e.Post.IsLiked, e.Post.LikeCount)
	}
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelError || !errors.Is(st.Err, api.ErrOffline) {
		t.Errorf("no error status: %v", msgs)
	}
}

func TestToggleTakesTheServerCountWhenKnown(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(3), false)
	e := hs.m.selected()
	hs.posts.Counts[e.Post.ID] = 42
	hs.keys("b")
	if !e.Post.IsReposted || e.Post.RepostCount != 42 {
		t.Errorf("repost = %v/%d, want true/42", e.Post.IsReposted, e.Post.RepostCount)
	}
	hs.keys("a")
	if !e.Post.IsAmplified || e.Post.AmplifyCount != 42 {
		t.Errorf("amplify = %v/%d", e.Post.IsAmplified, e.Post.AmplifyCount)
	}
	delete(hs.posts.Counts, e.Post.ID)
	hs.keys("a")
	if e.Post.IsAmplified || e.Post.AmplifyCount != 41 {
		t.Errorf("un-amplify = %v/%d, want false/41", e.Post.IsAmplified, e.Post.AmplifyCount)
	}
}

func TestDeleteIsOfferedOnlyForOwnPostsAndConfirmed(t *testing.T) {
	list := []api.Post{post("mine", "me", "my post", time.Minute), post("theirs", "bob", "bob's post", 2*time.Minute)}
	hs := newHarness(t, 80, 24, list, false)

	hs.keys("j")
	msgs := hs.keys("d")
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelWarn || !strings.Contains(st.Text, "only delete your own") || !strings.Contains(st.Text, "@bob") {
		t.Errorf("deleting bob's post: %v", msgs)
	}
	if hasBinding(hs.m.ShortHelp(), hs.m.keys.Feed.Delete) {
		t.Error("help offers delete on someone else's post")
	}
	if _, ok := tuitest.Find[views.ConfirmMsg](msgs); ok {
		t.Error("a confirmation was asked for someone else's post")
	}

	hs.keys("k")
	if !hasBinding(hs.m.ShortHelp(), hs.m.keys.Feed.Delete) {
		t.Error("help does not offer delete on my post")
	}
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok || !strings.Contains(confirm.Body, "my post") {
		t.Fatalf("no confirmation for my post")
	}
	if hs.posts.Called("delete:mine") != 0 {
		t.Fatal("deleted before confirmation")
	}
	hs.settle(confirm.Yes)
	if hs.posts.Called("delete:mine") != 1 || len(hs.m.tl().entries) != 1 {
		t.Errorf("after yes: calls %v, %d posts", hs.posts.Calls, len(hs.m.tl().entries))
	}
}

func TestIdlePollLeavesTheFrameIdentical(t *testing.T) {
	clock := testNow()
	hs := newHarnessWith(t, 120, 30, posts(5), false, func(o *Options) { o.Now = func() time.Time { return clock } })
	before := hs.m.View()
	clock = clock.Add(7 * time.Minute) // relative times would read differently now
	hs.settle(hs.m.Refresh(t.Context()))
	if hs.m.View() != before {
		t.Fatal("a poll that brought nothing new changed the frame (idle must write nothing)")
	}
	hs.keys("j")
	if after := hs.plain(); !strings.Contains(after, "7m") && !strings.Contains(after, "8m") {
		t.Logf("frame after a key:\n%s", after)
		t.Fatal("a key press should bring relative times up to date")
	}
}
