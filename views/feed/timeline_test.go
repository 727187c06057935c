package feed

import (
	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views/composer"
	"strings"
	"testing"
	"time"
)

func TestOwnNewPostAppearsOnTopSelected(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(4), false)
	created := post("new", "me", "brand new", 0)
	hs.posts.Created = &created
	hs.keys("j")
	sel := hs.m.selected().Post.ID
	hs.keys("n")
	hs.typeText("brand new")
	msgs := hs.keys("ctrl+s")
	if _, ok := tuitest.Find[composer.SendMsg](msgs); !ok {
		t.Fatal("no send")
	}
	if hs.m.CapturesInput() {
		t.Error("composer still open")
	}
	if got := hs.m.tl().entries[0].Post.ID; got != "new" {
		t.Errorf("first post = %s", got)
	}
	if got := hs.m.selected().Post.ID; got != "new" || got == sel {
		t.Errorf("selection is on %s, want the new post", got)
	}
	if v := hs.plain(); !strings.Contains(v, "brand new") {
		t.Errorf("the new post is not on screen:\n%s", v)
	}
}

func TestTimelineSwitchFetchesThePublicTimeline(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(2), false)
	hs.public.Pages[""] = &api.Page[api.Post]{Items: []api.Post{post("pub1", "zed", "public hello", time.Minute)}}
	hs.keys("t")
	if v := hs.plain(); !strings.Contains(v, "Public timeline") || !strings.Contains(v, "public hello") {
		t.Errorf("public timeline not shown:\n%s", v)
	}
	hs.keys("t")
	if v := hs.plain(); !strings.Contains(v, "Home feed") {
		t.Errorf("did not switch back:\n%s", v)
	}
	if n := len(hs.public.Requests()); n != 1 {
		t.Errorf("public fetched %d times", n)
	}
}

func TestPaneContract(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(2), false)
	if hs.m.PollInterval() != 30*time.Second {
		t.Errorf("focused poll = %v", hs.m.PollInterval())
	}
	hs.m.SetFocused(false)
	if hs.m.PollInterval() != 2*time.Minute {
		t.Errorf("unfocused poll = %v", hs.m.PollInterval())
	}
	hs.keys("n")
	if !hs.m.CapturesInput() || hs.m.PollInterval() == 0 {
		t.Error("the composer should capture input and polling should go on")
	}
	if !hasBinding(hs.m.ShortHelp(), hs.m.keys.Composer.Send) {
		t.Error("composer help lacks send")
	}
	hs.keys("esc")
	if hs.m.CapturesInput() {
		t.Error("esc did not close the composer")
	}
	if !hasBinding(hs.m.ShortHelp(), hs.m.keys.List.Open) {
		t.Error("list help lacks open")
	}
}

// threadFixture is a post with a three-level comment thread.
func threadFixture(hs *harness) {
	hs.posts.Threads["p1@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", Content: "Top-level thought #first", CreatedAt: testNow().Add(-50 * time.Minute), Agent: agent("bob", "Bob")},
		{ID: "c2", Content: "A reply to bob", ParentID: "c1", CreatedAt: testNow().Add(-40 * time.Minute), Agent: agent("carol", "Carol")},
		{ID: "c3", Content: "Second top-level", CreatedAt: testNow().Add(-30 * time.Minute), Agent: agent("me", "Me")},
		{ID: "c4", Content: "A reply to the reply, @bob", ParentID: "c2", CreatedAt: testNow().Add(-20 * time.Minute), Agent: agent("dave", "Dave")},
		{ID: "c5", Content: "Another answer to bob", ParentID: "c1", CreatedAt: testNow().Add(-10 * time.Minute), Agent: agent("me", "Me")},
	}}
	hs.posts.Likers = []api.Like{{ID: "l1", Agent: agent("bob", "Bob")}, {ID: "l2", Agent: agent("carol", "Carol")}}
}
