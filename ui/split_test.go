package ui

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// targetPane is a fake pane whose selection opens items[cursor]: a post
// by default, or what open makes of it (a conversation); screen stands for
// a screen or a conversation of its own over its list.
type targetPane struct {
	fakePane
	items  []string
	cursor int
	screen bool
	open   func(item string) tea.Msg
}

func (p *targetPane) ShowsList() bool { return !p.screen }

func (p *targetPane) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "j" {
		p.cursor = min(p.cursor+1, len(p.items)-1)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "k" {
		p.cursor = max(p.cursor-1, 0)
	}
	return p.fakePane.Update(msg)
}

func (p *targetPane) Target() tea.Msg {
	switch {
	case p.screen:
		return nil
	case p.open != nil:
		return p.open(p.items[p.cursor])
	}
	return views.OpenPostMsg{PostID: p.items[p.cursor]}
}

// fakeDetail is a preview that records what it was asked to show.
type fakeDetail struct {
	shown string
	w, h  int
}

func (d *fakeDetail) Update(msg tea.Msg) tea.Cmd {
	switch o := msg.(type) {
	case views.OpenPostMsg:
		d.shown = o.PostID
	case views.OpenOrderMsg:
		d.shown = o.OrderID
	}
	return nil
}
func (d *fakeDetail) View() string              { return "detail of " + d.shown }
func (d *fakeDetail) SetSize(w, h int)          { d.w, d.h = w, h }
func (d *fakeDetail) CapturesInput() bool       { return false }
func (d *fakeDetail) ShortHelp() []key.Binding  { return nil }
func (d *fakeDetail) FullHelp() [][]key.Binding { return nil }
func (d *fakeDetail) Depth() int                { return 1 }
func (*fakeDetail) Crumbs() []string            { return nil }
func (*fakeDetail) SetTrail([]string)           {}

func newSplitModel(t *testing.T, w int) (*Model, *targetPane, *int) {
	t.Helper()
	made := 0
	m, feed := newSplitModelWith(t, w, func(context.Context) Stack { made++; return &fakeDetail{} })
	return m, feed, &made
}

// newSplitModelWith is a w x 30 root over a Feed of three posts whose
// previews details makes.
func newSplitModelWith(t *testing.T, w int, details func(context.Context) Stack) (*Model, *targetPane) {
	t.Helper()
	feed := &targetPane{fakePane: fakePane{title: "Feed"}, items: []string{"p1", "p2", "p3"}}
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Handle:  "demo_agent",
		Details: details,
	})
	m.Update(teaSize(w, 30))
	return m, feed
}

// rest delivers the rest tick the last update armed, as if the cursor
// stayed put long enough.
func rest(m *Model) { m.Update(splitRestMsg{gen: m.split.gen}) }

func TestSplitViewShowsTheSelectionBesideTheListFrom120Columns(t *testing.T) {
	m, feed, made := newSplitModel(t, 120)
	rest(m)
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "│detail of p1") {
		t.Fatalf("no detail beside the list at 120 columns:\n%s", view)
	}
	if feed.w >= 120 {
		t.Errorf("the list was given %d columns of 120", feed.w)
	}

	narrow, feedNarrow, _ := newSplitModel(t, 119)
	rest(narrow)
	if strings.Contains(ansi.Strip(narrow.View().Content), "detail of") || feedNarrow.w != 119 {
		t.Errorf("at 119 columns the body is split (list %d wide)", feedNarrow.w)
	}

	// Moving on makes the next preview once the cursor rests; moving back
	// shows the kept one at once, with nothing made or fetched again.
	m.Update(tuitest.Press("j"))
	if strings.Contains(ansi.Strip(m.View().Content), "detail of p2") {
		t.Error("the detail followed before the cursor rested")
	}
	rest(m)
	if !strings.Contains(ansi.Strip(m.View().Content), "detail of p2") {
		t.Error("the detail did not follow the cursor")
	}
	before := *made
	m.Update(tuitest.Press("k"))
	if !strings.Contains(ansi.Strip(m.View().Content), "detail of p1") || *made != before {
		t.Errorf("going back to p1 made %d new previews instead of showing the kept one", *made-before)
	}

	// The key turns it off and on.
	m.Update(tuitest.Press("|"))
	if strings.Contains(ansi.Strip(m.View().Content), "detail of") || feed.w != 120 {
		t.Error("| did not turn the split view off")
	}
	m.Update(tuitest.Press("|"))
	if !strings.Contains(ansi.Strip(m.View().Content), "detail of p1") {
		t.Error("| did not turn the split view back on")
	}
}

func TestScrollingFastMakesNoPreviewOnTheWay(t *testing.T) {
	m, feed, made := newSplitModel(t, 160)
	feed.items = []string{"a", "b", "c", "d", "e", "f"}
	rest(m)
	start := *made
	var stale []int
	for range 5 {
		m.Update(tuitest.Press("j"))
		stale = append(stale, m.split.gen)
	}
	for _, gen := range stale[:len(stale)-1] {
		m.Update(splitRestMsg{gen: gen}) // ticks of items passed by
	}
	if *made != start {
		t.Fatalf("passing over items made %d previews", *made-start)
	}
	rest(m)
	if *made != start+1 || !strings.Contains(ansi.Strip(m.View().Content), "detail of f") {
		t.Errorf("resting on the last item made %d previews", *made-start)
	}
}

func TestAScreenOverTheListTakesTheWholeWidth(t *testing.T) {
	m, feed, _ := newSplitModel(t, 140)
	rest(m)
	if feed.w >= 140 {
		t.Fatalf("test premise: the list is split (width %d)", feed.w)
	}
	feed.screen = true
	m.Update(tuitest.Press("x")) // any message: the pane pushed a screen
	if feed.w != 140 || strings.Contains(ansi.Strip(m.View().Content), "detail of") {
		t.Errorf("a screen over the list is drawn %d wide beside a detail", feed.w)
	}
	feed.screen = false
	m.Update(tuitest.Press("x"))
	if feed.w >= 140 {
		t.Error("back on the list, the split did not come back")
	}
}

func TestAnOrderSelectedBesideTheListIsNotPreviewed(t *testing.T) {
	m, feed, made := newSplitModel(t, 140)
	feed.open = func(item string) tea.Msg { return views.OpenOrderMsg{OrderID: item} }
	m.Update(tuitest.Press("j"))
	rest(m)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "an order: enter opens it") || *made != 0 {
		t.Errorf("made %d previews; view:\n%s", *made, v)
	}
}

// With an order preview (Options.OrderDetails), an order selected in a
// list shows beside it like a post, and the Market, whose rows need the
// width, is split from 160 columns only.
func TestAnOrderIsPreviewedAndTheMarketSplitsFrom160(t *testing.T) {
	m, feed, _ := newSplitModel(t, 140)
	orders := 0
	m.opts.OrderDetails = func(context.Context) Stack { orders++; return &fakeDetail{} }
	feed.open = func(item string) tea.Msg { return views.OpenOrderMsg{OrderID: item} }
	m.Update(tuitest.Press("j"))
	rest(m)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "detail of p2") || orders != 1 {
		t.Errorf("made %d order previews; view:\n%s", orders, v)
	}

	market := &targetPane{fakePane: fakePane{title: "Market"}, items: []string{"o1"}}
	market.open = feed.open
	m.panes[MarketPane] = market
	m.order = append(m.order, MarketPane)
	m.Update(teaSize(140, 30))
	m.Update(tuitest.Press("4"))
	if m.splitting() || market.w != 140 {
		t.Errorf("the Market is split at 140 columns (list %d wide)", market.w)
	}
	m.Update(teaSize(160, 30))
	if !m.splitting() || market.w >= 160 {
		t.Errorf("the Market is not split at 160 columns (list %d wide)", market.w)
	}
}

// TestTheDetailFollowsASelectionMadeJustBeforeAScreenOpened: the cursor
// moved, and a screen opened before it rested (j then enter, quickly);
// back on the list, the detail shows the item selected, not the one
// before it.
func TestTheDetailFollowsASelectionMadeJustBeforeAScreenOpened(t *testing.T) {
	m, feed, _ := newSplitModel(t, 120)
	rest(m)
	m.Update(tuitest.Press("j"))
	gen := m.split.gen
	feed.screen = true
	m.Update(tuitest.Press("x")) // the pane pushed a screen
	m.Update(splitRestMsg{gen: gen})
	feed.screen = false
	m.Update(tuitest.Press("x")) // and popped it
	if m.split.gen != gen {
		rest(m) // a rest armed on the way back
	}
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "detail of p2") {
		t.Errorf("back on the list the detail is not the selection's:\n%s", v)
	}
}

// jobDetail is a fake job detail: it shows the status it was given.
type jobDetail struct{ fakeDetail }

func (d *jobDetail) Update(msg tea.Msg) tea.Cmd {
	if o, ok := msg.(views.OpenJobMsg); ok {
		d.shown = o.Job.ID + " " + o.Job.Status
	}
	return nil
}

// TestAJobBesideTheListIsShownByTheJobDetail: a job without a post is
// shown by Options.JobDetails, not the post preview; the same job polled
// unchanged is the same detail, and one that moved on is a new one, shown
// at once.
func TestAJobBesideTheListIsShownByTheJobDetail(t *testing.T) {
	m, feed, made := newSplitModel(t, 140)
	jobs := 0
	m.opts.JobDetails = func(context.Context) Stack { jobs++; return &jobDetail{} }
	status := "pending"
	feed.open = func(item string) tea.Msg {
		return views.OpenJobMsg{Job: api.GenerationJob{ID: item, Status: status}}
	}
	m.Update(tuitest.Press("j"))
	rest(m)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "│detail of p2 pending") || *made != 0 || jobs != 1 {
		t.Fatalf("post previews %d, job details %d; view:\n%s", *made, jobs, v)
	}
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 30}) // any message: the job polled, unchanged
	if jobs != 1 {
		t.Errorf("an unchanged job made %d details", jobs)
	}
	status = "generating"
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 30})
	// No rest: a job's detail asks nothing of the server, so the new state
	// is beside the list in the same frame as in it.
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "│detail of p2 generating") || jobs != 2 {
		t.Errorf("the job moved on: %d details; view:\n%s", jobs, v)
	}
}
