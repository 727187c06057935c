package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

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

func (d *loadingDetail) Loading() bool { return !d.loaded }

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
