package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// mousePane is a fake pane that records what the mouse did to it.
type mousePane struct {
	*fakePane
	clicks []string // "x,y" or "x,y double"
	wheel  []int
	opens  bool // a click reports that it opened something
}

func (p *mousePane) Click(x, y int, double bool) (tea.Cmd, bool) {
	s := fmt.Sprintf("%d,%d", x, y)
	if double {
		s += " double"
	}
	p.clicks = append(p.clicks, s)
	return nil, p.opens
}

func (p *mousePane) Wheel(dy int) tea.Cmd {
	p.wheel = append(p.wheel, dy)
	return nil
}

// mouseStack is a fake stack of screens that the mouse works in; its
// Click answers with a message, to see it come back addressed to it.
type mouseStack struct {
	mousePane
	depth int
	got   []tea.Msg
}

type stackClickedMsg struct{}

func (s *mouseStack) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(views.OpenPostMsg); ok {
		s.depth++
	}
	s.got = append(s.got, msg)
	return nil
}
func (s *mouseStack) Click(x, y int, double bool) (tea.Cmd, bool) {
	s.mousePane.Click(x, y, double)
	return func() tea.Msg { return stackClickedMsg{} }, false
}
func (s *mouseStack) Depth() int                { return s.depth }
func (*mouseStack) Crumbs() []string            { return nil }
func (*mouseStack) SetTrail([]string)           {}
func (s *mouseStack) View() string              { return "stacked screen" }
func (s *mouseStack) SetSize(int, int)          {}
func (s *mouseStack) CapturesInput() bool       { return false }
func (s *mouseStack) ShortHelp() []key.Binding  { return nil }
func (s *mouseStack) FullHelp() [][]key.Binding { return nil }

// clock is a settable time for double clicks.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newMouseModel(t *testing.T, opts Options) (*Model, *mousePane, *mousePane, *clock) {
	t.Helper()
	feed := &mousePane{fakePane: &fakePane{title: "Feed"}}
	notes := &mousePane{fakePane: &fakePane{title: "Notifications", badge: 3}}
	c := &clock{t: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)}
	opts.Context = t.Context()
	opts.Panes = map[PaneID]Pane{FeedPane: feed, NotificationsPane: notes}
	opts.Styles = theme.New(true, true)
	opts.Keys = keymap.Default()
	opts.Handle = "demo_agent"
	opts.Now = c.now
	m := New(opts)
	m.Update(teaSize(80, 24))
	return m, feed, notes, c
}

// tabX finds where label is drawn in the tab bar of the frame.
func tabX(t *testing.T, m *Model, label string) int {
	t.Helper()
	bar := ansi.Strip(lines(m.View().Content)[0])
	i := strings.Index(bar, label)
	if i < 0 {
		t.Fatalf("no %q in the tab bar %q", label, bar)
	}
	return ansi.StringWidth(bar[:i])
}

func TestClickOnATabSwitchesPanes(t *testing.T) {
	m, _, notes, _ := newMouseModel(t, Options{})
	x := tabX(t, m, "2 Notifications")
	m.Update(tuitest.Click(x+len("2 Notif"), 0))
	if m.Focused() != NotificationsPane || !notes.focused {
		t.Fatalf("focused %v after a click on the Notifications tab", m.Focused())
	}
	// Its badge is part of the tab.
	bar := ansi.Strip(lines(m.View().Content)[0])
	badge := strings.Index(bar, "Notifications") + len("Notifications")
	m.Update(tuitest.Click(tabX(t, m, "1 Feed"), 0))
	m.Update(tuitest.Click(badge, 0))
	if m.Focused() != NotificationsPane {
		t.Fatalf("a click on the badge (column %d of %q) did not switch", badge, bar)
	}
	// The brand at the right end of the bar is no tab.
	m.Update(tuitest.Click(78, 0))
	if m.Focused() != NotificationsPane {
		t.Fatalf("a click on the brand switched to %v", m.Focused())
	}
}

func TestMouseGoesToTheFocusedPaneOnly(t *testing.T) {
	m, feed, notes, _ := newMouseModel(t, Options{})
	m.Update(tuitest.Click(5, 3))
	m.Update(tuitest.Wheel(10, 10, 1))
	m.Update(tuitest.Wheel(10, 10, -1))
	if got := strings.Join(feed.clicks, ";"); got != "5,2" {
		t.Fatalf("feed clicks %q, want one at 5,2 (relative to the body, under the tab bar)", got)
	}
	if fmt.Sprint(feed.wheel) != "[1 -1]" {
		t.Fatalf("feed wheel %v", feed.wheel)
	}
	if len(notes.clicks)+len(notes.wheel) != 0 {
		t.Fatalf("the hidden pane got clicks %v, wheel %v", notes.clicks, notes.wheel)
	}
	// The footer and the status line hold nothing to click or scroll.
	m.Update(tuitest.Click(5, 22))
	m.Update(tuitest.Wheel(5, 23, 1))
	if len(feed.clicks) != 1 || len(feed.wheel) != 2 {
		t.Fatalf("footer or status reached the pane: %v %v", feed.clicks, feed.wheel)
	}
	// Releases, drags and other buttons reach no pane.
	m.Update(tea.MouseReleaseMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	m.Update(tea.MouseMotionMsg{X: 6, Y: 3, Button: tea.MouseLeft})
	m.Update(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseRight})
	if len(feed.clicks) != 1 || len(feed.msgs)+len(notes.msgs) != 0 {
		t.Fatalf("other mouse events reached a pane: %v %v %v", feed.clicks, feed.msgs, notes.msgs)
	}
}

func TestDoubleClick(t *testing.T) {
	m, feed, _, c := newMouseModel(t, Options{})
	m.Update(tuitest.Click(5, 3))
	c.t = c.t.Add(300 * time.Millisecond)
	m.Update(tuitest.Click(5, 3))
	c.t = c.t.Add(300 * time.Millisecond)
	m.Update(tuitest.Click(5, 3)) // a third click starts over
	c.t = c.t.Add(500 * time.Millisecond)
	m.Update(tuitest.Click(5, 3)) // too late
	c.t = c.t.Add(100 * time.Millisecond)
	m.Update(tuitest.Click(5, 4)) // another row
	want := "5,2;5,2 double;5,2;5,2;5,3"
	if got := strings.Join(feed.clicks, ";"); got != want {
		t.Fatalf("clicks %q, want %q", got, want)
	}
	// When the first click opened the item, the second lands on what
	// opened and is dropped.
	feed.clicks, feed.opens = nil, true
	c.t = c.t.Add(time.Second)
	m.Update(tuitest.Click(7, 5))
	c.t = c.t.Add(200 * time.Millisecond)
	m.Update(tuitest.Click(7, 5))
	if got := strings.Join(feed.clicks, ";"); got != "7,4" {
		t.Fatalf("clicks %q, want only the first", got)
	}
}

func TestADialogOrThePaletteTakesTheMouse(t *testing.T) {
	m, feed, _, _ := newMouseModel(t, Options{})
	m.Update(views.ConfirmMsg{Title: "Delete?", Yes: func() tea.Msg { return nil }})
	m.Update(tuitest.Click(5, 3))
	m.Update(tuitest.Click(1, 22)) // outside the dialog box
	m.Update(tuitest.Wheel(5, 3, 1))
	m.Update(tuitest.Click(tabX(t, m, "2 Notifications")+2, 0))
	if len(feed.clicks)+len(feed.wheel) != 0 || m.dialog == nil || m.Focused() != FeedPane {
		t.Fatalf("with a dialog open: clicks %v wheel %v, dialog %v, focus %v", feed.clicks, feed.wheel, m.dialog != nil, m.Focused())
	}
	m.Update(tuitest.Press("esc"))

	m.Update(tuitest.Press("ctrl+p"))
	if m.palette == nil {
		t.Fatal("test premise: ctrl+p opens the palette")
	}
	m.Update(tuitest.Click(5, 3))
	m.Update(tuitest.Click(1, 22))
	m.Update(tuitest.Click(tabX(t, m, "2 Notifications")+2, 0))
	sel := m.palette.sel
	m.Update(tuitest.Wheel(5, 3, 1))
	if len(feed.clicks)+len(feed.wheel) != 0 || m.palette == nil || m.Focused() != FeedPane {
		t.Fatalf("with the palette open: clicks %v wheel %v, focus %v", feed.clicks, feed.wheel, m.Focused())
	}
	if m.palette.sel != sel+1 {
		t.Fatalf("the wheel moved the palette's selection from %d to %d", sel, m.palette.sel)
	}
}

func TestNoMouseInTheBodyWhileTyping(t *testing.T) {
	m, feed, _, _ := newMouseModel(t, Options{})
	feed.capturing = true
	m.Update(tuitest.Click(5, 3))
	m.Update(tuitest.Wheel(5, 3, 1))
	if len(feed.clicks)+len(feed.wheel)+len(feed.keys) != 0 {
		t.Fatalf("a pane taking text got clicks %v wheel %v keys %v", feed.clicks, feed.wheel, feed.keys)
	}
	// The tabs still work: switching keeps the draft in its pane.
	m.Update(tuitest.Click(tabX(t, m, "2 Notifications")+2, 0))
	if m.Focused() != NotificationsPane {
		t.Fatalf("focus %v", m.Focused())
	}
}

func TestWheelScrollsHelp(t *testing.T) {
	m, feed, _, _ := newMouseModel(t, Options{})
	m.Update(teaSize(80, 10)) // short, so help scrolls
	m.Update(tuitest.Press("?"))
	m.Update(tuitest.Wheel(5, 3, 1))
	if m.helpTop != wheelLines || len(feed.wheel) != 0 {
		t.Fatalf("help at %d, feed wheel %v", m.helpTop, feed.wheel)
	}
	m.Update(tuitest.Click(5, 3))
	if len(feed.clicks) != 0 || !m.showHelp {
		t.Fatalf("a click on help reached the pane %v or closed it", feed.clicks)
	}
}

func TestMouseGoesToTheStackShowing(t *testing.T) {
	st := &mouseStack{}
	m, _, notes, _ := newMouseModel(t, Options{Stacks: func(PaneID) Stack { return st }})
	m.Update(tuitest.Click(tabX(t, m, "2 Notifications")+2, 0))
	m.Update(views.OpenPostMsg{PostID: "p1"})
	if st.depth != 1 {
		t.Fatal("test premise: the post is stacked on Notifications")
	}
	m.Update(tuitest.Click(4, 6))
	_, cmd := m.Update(tuitest.Click(4, 6))
	m.Update(tuitest.Wheel(4, 6, 1))
	if len(st.clicks) != 2 || len(st.wheel) != 1 || len(notes.clicks)+len(notes.wheel) != 0 {
		t.Fatalf("stack clicks %v wheel %v; pane clicks %v wheel %v", st.clicks, st.wheel, notes.clicks, notes.wheel)
	}
	// What the stack's click returns comes back to the stack alone.
	for _, msg := range tuitest.Collect(cmd) {
		m.Update(msg)
	}
	if _, ok := st.got[len(st.got)-1].(stackClickedMsg); !ok {
		t.Fatalf("the stack got %v", st.got)
	}
}

func TestMouseModeIsSetOnEveryView(t *testing.T) {
	m := New(Options{Styles: theme.New(true, true), Keys: keymap.Default()})
	if v := m.View(); v.MouseMode != tea.MouseModeCellMotion {
		t.Fatalf("before the size is known: mouse mode %v", v.MouseMode)
	}
	m, _, _, _ = newMouseModel(t, Options{})
	for name, step := range map[string]tea.Msg{
		"list":   nil,
		"help":   tuitest.Press("?"),
		"dialog": views.ConfirmMsg{Title: "Delete?"},
	} {
		if step != nil {
			m.Update(step)
		}
		if v := m.View(); v.MouseMode != tea.MouseModeCellMotion || !v.AltScreen {
			t.Fatalf("%s: mouse mode %v, alt screen %v", name, v.MouseMode, v.AltScreen)
		}
	}
	m.fatal = fmt.Errorf("signed out")
	if v := m.View(); v.MouseMode != tea.MouseModeCellMotion {
		t.Fatalf("fatal screen: mouse mode %v", v.MouseMode)
	}
}

func TestMouseOffByConfig(t *testing.T) {
	m, feed, _, _ := newMouseModel(t, Options{NoMouse: true})
	if v := m.View(); v.MouseMode != tea.MouseModeNone {
		t.Fatalf("mouse mode %v with the mouse turned off", v.MouseMode)
	}
	m.Update(tuitest.Click(5, 3))
	m.Update(tuitest.Click(tabX(t, m, "2 Notifications")+2, 0))
	if len(feed.clicks) != 0 || m.Focused() != FeedPane {
		t.Fatalf("clicks %v, focus %v", feed.clicks, m.Focused())
	}
}

// splitMousePane is a mouse pane whose selection opens a post: the root shows
// it split at 120 columns and more.
type splitMousePane struct{ mousePane }

func (p *splitMousePane) Target() tea.Msg { return views.OpenPostMsg{PostID: "p1"} }

func TestMouseInTheSplitView(t *testing.T) {
	feed := &splitMousePane{mousePane{fakePane: &fakePane{title: "Feed"}}}
	det := &mouseStack{}
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed},
		Styles:  theme.New(true, true), Keys: keymap.Default(),
		Details: func(context.Context) Stack { return det },
	})
	m.Update(teaSize(140, 30))
	m.Update(splitRestMsg{gen: m.split.gen}) // the cursor rested: the detail shows
	if !m.splitting() || m.split.details[m.split.shown] == nil {
		t.Fatal("test premise: the feed is split with its detail shown")
	}
	lw, _ := m.splitWidths()
	m.Update(tuitest.Click(3, 4))
	m.Update(tuitest.Wheel(3, 4, 1))
	m.Update(tuitest.Wheel(lw+5, 4, 1))
	m.Update(tuitest.Click(lw+5, 8))
	m.Update(tuitest.Click(lw, 8)) // the rule
	if got := strings.Join(feed.clicks, ";"); got != "3,3" || fmt.Sprint(feed.wheel) != "[1]" {
		t.Fatalf("list clicks %q wheel %v", got, feed.wheel)
	}
	if len(det.clicks) != 0 || fmt.Sprint(det.wheel) != "[1]" {
		t.Fatalf("detail clicks %v wheel %v: the wheel scrolls it, clicks do nothing", det.clicks, det.wheel)
	}
}
