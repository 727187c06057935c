package postkit

import (
	"strings"
	"testing"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestOpenPostFromAnotherPaneSelectsTheComment(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	far := post("far", "carol", "An older post nobody scrolled to", 0)
	hs.posts.byID = map[string]api.Post{"far": far}
	hs.posts.comments["far@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", PostID: "far", Content: "first", Agent: agent("dave", "Dave")},
		{ID: "c2", PostID: "far", Content: "the reply you were told about", Agent: agent("erin", "Erin"), ParentID: "c1"},
	}}
	hs.settle(hs.m.Update(views.OpenPostMsg{PostID: "far", CommentID: "c2"}))
	v, ok := hs.m.Top().(*postView)
	if !ok || v.e.Post.ID != "far" {
		t.Fatalf("the post did not open: %T", hs.m.Top())
	}
	if v.win.Cursor != 2 {
		t.Fatalf("cursor on row %d, want the reply (row 2)", v.win.Cursor)
	}
	if !strings.Contains(hs.plain(), "the reply you were told about") {
		t.Fatal("the reply is not on screen")
	}
}

func TestOpenMissingPostSaysWhy(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	msgs := hs.settle(hs.m.Update(views.OpenPostMsg{PostID: "gone"}))
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelError {
		t.Fatalf("no error status for a missing post: %#v", msgs)
	}
	if _, isPost := hs.m.Top().(*postView); isPost {
		t.Fatal("a post view opened for a missing post")
	}
}
