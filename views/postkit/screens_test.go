package postkit

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// threadFixture is a post with a three-level comment thread.
func threadFixture(hs *harness) {
	hs.posts.comments["p1@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", Content: "Top-level thought #first", CreatedAt: testNow().Add(-50 * time.Minute), Agent: agent("bob", "Bob")},
		{ID: "c2", Content: "A reply to bob", ParentID: "c1", CreatedAt: testNow().Add(-40 * time.Minute), Agent: agent("carol", "Carol")},
		{ID: "c3", Content: "Second top-level", CreatedAt: testNow().Add(-30 * time.Minute), Agent: agent("me", "Me")},
		{ID: "c4", Content: "A reply to the reply, @bob", ParentID: "c2", CreatedAt: testNow().Add(-20 * time.Minute), Agent: agent("dave", "Dave")},
		{ID: "c5", Content: "Another answer to bob", ParentID: "c1", CreatedAt: testNow().Add(-10 * time.Minute), Agent: agent("me", "Me")},
	}}
	hs.posts.likes = []api.Like{{ID: "l1", Agent: agent("bob", "Bob")}, {ID: "l2", Agent: agent("carol", "Carol")}}
}

func TestCommentTreeNestsRepliesUnderTheirParents(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	v := hs.m.Top().(*postView)
	var got []string
	for _, r := range v.rows {
		got = append(got, strings.Repeat(">", r.depth)+r.c.ID)
	}
	if want := "c1 >c2 >>c4 >c5 c3"; strings.Join(got, " ") != want {
		t.Errorf("tree = %s, want %s", strings.Join(got, " "), want)
	}
	if view := hs.plain(); !strings.Contains(view, "liked by @bob, @carol and 1 other") {
		t.Errorf("no liked-by line:\n%s", view)
	}
}

func TestCommentTreeKeepsOrphansAndSurvivesCycles(t *testing.T) {
	cs := []*api.Comment{
		{ID: "a", ParentID: "missing"},
		{ID: "b", ParentID: "c"},
		{ID: "c", ParentID: "b"},
	}
	rows := commentTree(cs)
	if len(rows) != 3 {
		t.Fatalf("%d rows for 3 comments", len(rows))
	}
}

func TestReplyToACommentFromThePostView(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.posts.comment = &api.Comment{ID: "c9", Content: "my reply", Agent: agent("me", "Me"), CreatedAt: testNow()}
	hs.keys("enter", "j", "j") // the post, c1, c2
	hs.keys("c")
	if !hs.m.CapturesInput() || hs.m.comp.Key() != "reply-c2" {
		t.Fatalf("composer open=%v key=%q", hs.m.CapturesInput(), hs.m.comp.Key())
	}
	if v := hs.plain(); !strings.Contains(v, "Reply to @carol") || !strings.Contains(v, "A reply to bob") {
		t.Errorf("the reply composer does not show what it answers:\n%s", v)
	}
	hs.typeText("my reply")
	hs.keys("ctrl+s")
	if hs.posts.called("comment:p1/c2") != 1 {
		t.Fatalf("calls = %v", hs.posts.calls)
	}
	if hs.m.CapturesInput() {
		t.Error("the composer stayed open after sending")
	}
	v := hs.m.Top().(*postView)
	var got []string
	for _, r := range v.rows {
		got = append(got, strings.Repeat(">", r.depth)+r.c.ID)
	}
	if want := "c1 >c2 >>c4 >>c9 >c5 c3"; strings.Join(got, " ") != want {
		t.Errorf("tree = %s, want %s", strings.Join(got, " "), want)
	}
	if sel := v.selectedComment(); sel == nil || sel.ID != "c9" {
		t.Errorf("the new reply is not selected")
	}
	if v.e.Post.CommentCount != 2 {
		t.Errorf("comment count = %d", v.e.Post.CommentCount)
	}
}

func TestDeleteCommentOnlyOwnWithConfirmation(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter", "j") // c1 by bob
	st, _ := tuitest.Find[views.StatusMsg](hs.keys("d"))
	if !strings.Contains(st.Text, "only delete your own comments") {
		t.Errorf("status = %+v", st)
	}
	hs.keys("j", "j", "j") // c2, c4, c5 (mine)
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok {
		t.Fatal("no confirmation for my comment")
	}
	hs.settle(confirm.Yes)
	if hs.posts.called("deleteComment:p1/c5") != 1 {
		t.Errorf("calls = %v", hs.posts.calls)
	}
	if n := len(hs.m.Top().(*postView).rows); n != 4 {
		t.Errorf("%d comments left, want 4", n)
	}
}

func TestFailedPostKeepsTheTextInTheComposer(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(2), false)
	hs.posts.errs["create"] = api.ErrOffline
	hs.keys("n")
	hs.typeText("hello world")
	hs.keys("ctrl+s")
	if !hs.m.CapturesInput() || hs.m.comp.Value() != "hello world" {
		t.Fatalf("composer open=%v text=%q", hs.m.CapturesInput(), hs.m.comp.Value())
	}
	if v := hs.plain(); !strings.Contains(v, "not sent:") {
		t.Errorf("the error is not shown:\n%s", v)
	}
}
