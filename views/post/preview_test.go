package post

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
)

// TestAPreviewOfAPostWithoutCommentsOffersNoKey: beside a list the keys
// are the list's, so the preview says there is no comment and names no
// key; the post opened on the stack offers c.
func TestAPreviewOfAPostWithoutCommentsOffersNoKey(t *testing.T) {
	for _, preview := range []bool{true, false} {
		hs := newHarnessWith(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)},
			func(o *postkit.Options) { o.Preview = preview })
		hs.keys("enter")
		view := hs.plain()
		if !strings.Contains(view, "no comments yet") {
			t.Fatalf("preview %v: no empty note:\n%s", preview, view)
		}
		if got := strings.Contains(view, "c comment"); got == preview {
			t.Errorf("preview %v: offers c comment: %v\n%s", preview, got, view)
		}
	}
}

// TestAPostOpenedAfterItsPreviewShowsItsCommentsAtOnce: the preview beside
// the list read the post's comments; opening the post then draws them at
// once, with no "loading comments…", and the page the post reads again
// replaces them when it comes (here with a comment written meanwhile).
// Opened again, its likers are named at once too.
func TestAPostOpenedAfterItsPreviewShowsItsCommentsAtOnce(t *testing.T) {
	memo := postkit.NewMemo()
	first := []api.Post{post("p1", "alice", "Root post", time.Hour)}
	preview := newHarnessWith(t, 80, 24, first, func(o *postkit.Options) { o.Preview, o.Memo = true, memo })
	threadFixture(preview)
	preview.keys("enter")
	if !strings.Contains(preview.plain(), "Top-level thought") {
		t.Fatalf("test premise: the preview shows the comments:\n%s", preview.plain())
	}

	open := newHarnessWith(t, 80, 24, first, func(o *postkit.Options) { o.Memo = memo })
	threadFixture(open)
	cmd := open.m.Update(tuitest.Press("enter")) // the reads not answered yet
	view := open.plain()
	if !strings.Contains(view, "Top-level thought") || strings.Contains(view, "loading comments") {
		t.Fatalf("before any answer, the post does not show the comments its preview read:\n%s", view)
	}
	page := open.posts.Threads["p1@"]
	page.Items = append(page.Items, api.Comment{ID: "c6", Content: "Written meanwhile", CreatedAt: fake.Now(), Agent: agent("erin", "Erin")})
	open.settle(cmd)
	if view := open.plain(); !strings.Contains(view, "Written meanwhile") {
		t.Errorf("the page read again did not replace the memo's:\n%s", view)
	}

	// Opened again, the likers read the first time are named at once.
	open.keys("esc")
	open.m.Update(tuitest.Press("enter"))
	if view := open.plain(); !strings.Contains(view, "liked by @bob, @carol") || !strings.Contains(view, "Written meanwhile") {
		t.Errorf("opened again, the post does not show what was read the first time:\n%s", view)
	}

	// Without a memo read moments ago, the comments load as before.
	cold := newHarnessWith(t, 80, 24, first, nil)
	threadFixture(cold)
	cold.m.Update(tuitest.Press("enter"))
	if view := cold.plain(); !strings.Contains(view, "loading comments") {
		t.Errorf("with nothing kept, no loading line:\n%s", view)
	}
}
