package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// loadingDetail is a preview that loads until its fetch's result comes
// back, and keeps the context its requests would run under.
type loadingDetail struct {
	fakeDetail
	ctx    context.Context
	loaded bool
}

// previewFetchedMsg is the result of a loadingDetail's fetch.
type previewFetchedMsg struct{}

func (d *loadingDetail) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case views.OpenPostMsg:
		d.fakeDetail.Update(msg)
		return func() tea.Msg { return previewFetchedMsg{} }
	case previewFetchedMsg:
		d.loaded = true
	}
	return nil
}

func (d *loadingDetail) Loaded() bool { return d.loaded }

// A preview the cursor leaves before it loaded gives its requests up (its
// context is cancelled, so its wait for the read budget ends) and is made
// again when the cursor comes back; its late result reaches no preview
// made after it. One that loaded is kept, and coming back costs nothing.
func TestAPreviewLeftWhileLoadingIsCancelledAndMadeAgain(t *testing.T) {
	var made []*loadingDetail
	m, _ := newSplitModelWith(t, 160, func(ctx context.Context) Stack {
		d := &loadingDetail{ctx: ctx}
		made = append(made, d)
		return d
	})
	restCmd := func() tea.Cmd {
		_, cmd := m.Update(splitRestMsg{gen: m.split.gen})
		return cmd
	}

	first := restCmd() // p1's preview, fetching
	if len(made) != 1 || made[0].shown != "p1" {
		t.Fatalf("resting on p1 made %d previews", len(made))
	}
	m.Update(tuitest.Press("j"))
	if made[0].ctx.Err() == nil {
		t.Fatal("leaving p1 while it loads did not cancel its requests")
	}

	m.Update(tuitest.Press("k"))
	again := restCmd()
	if len(made) != 2 || made[1].shown != "p1" {
		t.Fatalf("coming back to p1 made %d previews in all, want a new one", len(made))
	}
	m.Update(first()) // the cancelled preview's result, late
	if made[1].loaded {
		t.Error("the dropped preview's result reached the one made after it")
	}

	m.Update(again())
	if !made[1].loaded {
		t.Fatal("the new preview's own result did not reach it")
	}
	m.Update(tuitest.Press("j"))
	if made[1].ctx.Err() != nil {
		t.Error("leaving a loaded preview cancelled it")
	}
	m.Update(tuitest.Press("k"))
	if len(made) != 2 || made[1].ctx.Err() != nil {
		t.Errorf("coming back to the loaded p1 made %d previews in all", len(made))
	}
}

// holdingDetail is a preview that holds the post it shows: the one it was
// handed, or one it "fetched".
type holdingDetail struct {
	fakeDetail
	opened views.OpenPostMsg
	held   map[string]api.Post
}

func (d *holdingDetail) Update(msg tea.Msg) tea.Cmd {
	if o, ok := msg.(views.OpenPostMsg); ok {
		d.fakeDetail.Update(msg)
		d.opened = o
		d.held = map[string]api.Post{o.PostID: {ID: o.PostID, Content: "fetched"}}
		if o.Post != nil {
			d.held[o.PostID] = *o.Post
		}
	}
	return nil
}

func (d *holdingDetail) PostByID(id string) (api.Post, bool) {
	p, ok := d.held[id]
	return p, ok
}

// Notifications about two comments on one post are two previews of it:
// the second is handed the post the first holds, and fetches only its
// comments; a preview of another post is handed nothing.
func TestAPreviewOfAPostAnotherHoldsIsHandedThePost(t *testing.T) {
	var made []*holdingDetail
	m, feed := newSplitModelWith(t, 160, func(context.Context) Stack {
		d := &holdingDetail{}
		made = append(made, d)
		return d
	})
	feed.items = []string{"p1/c1", "p1/c2", "p2/c3"}
	feed.open = func(item string) tea.Msg {
		post, comment, _ := strings.Cut(item, "/")
		return views.OpenPostMsg{PostID: post, CommentID: comment}
	}
	m.followTarget() // the selection now names p1's first comment
	m.Update(splitRestMsg{gen: m.split.gen})
	for range 2 {
		m.Update(tuitest.Press("j"))
		m.Update(splitRestMsg{gen: m.split.gen})
	}
	if len(made) != 3 {
		t.Fatalf("three items rested on made %d previews", len(made))
	}
	if made[0].opened.Post != nil {
		t.Error("the first preview was handed a post nobody held")
	}
	if p := made[1].opened.Post; p == nil || p.ID != "p1" || p.Content != "fetched" || made[1].opened.CommentID != "c2" {
		t.Errorf("the second preview of p1 was handed %+v (comment %q)", p, made[1].opened.CommentID)
	}
	if made[2].opened.Post != nil {
		t.Errorf("the preview of p2 was handed %+v", made[2].opened.Post)
	}
}
