package views_test

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// fakeScreen is a screen that closes on "esc" and records what it got.
type fakeScreen struct {
	name  string
	depth int
	trail []string
	got   []tea.Msg
}

func (f *fakeScreen) Update(msg tea.Msg) tea.Cmd {
	f.got = append(f.got, msg)
	if msg == "esc" {
		f.depth--
	}
	return nil
}
func (f *fakeScreen) View() string              { return f.name }
func (f *fakeScreen) SetSize(int, int)          {}
func (f *fakeScreen) CapturesInput() bool       { return false }
func (f *fakeScreen) ShortHelp() []key.Binding  { return nil }
func (f *fakeScreen) FullHelp() [][]key.Binding { return nil }
func (f *fakeScreen) Depth() int                { return f.depth }
func (f *fakeScreen) Crumbs() []string          { return []string{f.name} }
func (f *fakeScreen) SetTrail(trail []string)   { f.trail = trail }

func TestStackPushesPopsAndAddressesResults(t *testing.T) {
	var s views.Stack
	a := &fakeScreen{name: "post", depth: 1}
	b := &fakeScreen{name: "DM @x", depth: 1}
	ida := s.Push(a, []string{"Feed"})
	idb := s.Push(b, nil)
	if !slices.Equal(b.trail, []string{"Feed", "post"}) {
		t.Fatalf("the second screen's trail is %q", b.trail)
	}
	if top, id := s.Top(); top != b || id != idb {
		t.Fatalf("top is %v (%d), want the second screen", top, id)
	}
	s.Deliver(ida, "result")
	if len(a.got) != 1 || len(b.got) != 0 {
		t.Fatal("a result reaches the screen it is addressed to alone")
	}
	s.Update("esc")
	if top, _ := s.Top(); top != a || !s.Shows() {
		t.Fatal("esc on the top screen pops it")
	}
	s.Deliver(idb, "late")
	if len(b.got) != 1 {
		t.Fatal("a result for a screen gone is dropped")
	}
	s.Update("esc")
	if s.Shows() {
		t.Fatal("the stack is empty after the last esc")
	}
}

func TestStackKeepsItsBase(t *testing.T) {
	var s views.Stack
	base := &fakeScreen{name: "post", depth: 1}
	s.SetBase(base, []string{"Notifications"})
	if !slices.Equal(base.trail, []string{"Notifications"}) {
		t.Fatalf("base trail %q", base.trail)
	}
	s.Update("esc")
	if s.Shows() || s.Base() != base {
		t.Fatal("the base stays, showing nothing")
	}
	if top, id := s.Top(); top != base || id != 0 {
		t.Fatal("the base is the top of an otherwise empty stack, ID 0")
	}
	s.Deliver(0, "result")
	if len(base.got) != 2 {
		t.Fatal("results reach the base while it shows nothing")
	}
}

// TestRerootFollowsThePaneWhileTheStackShowsNothing: a stack showing
// nothing takes the breadcrumb of where its pane now is (a conversation
// opened in Messages since the base was set); one that shows something
// keeps the trail its screens were drawn under.
func TestRerootFollowsThePaneWhileTheStackShowsNothing(t *testing.T) {
	var s views.Stack
	base := &fakeScreen{name: "@bob"}
	s.SetBase(base, []string{"Messages"})
	s.Reroot([]string{"Messages", "Bob @bob"})
	if !slices.Equal(base.trail, []string{"Messages", "Bob @bob"}) || !slices.Equal(s.Trail(), []string{"Messages", "Bob @bob", "@bob"}) {
		t.Fatalf("after a reroot the base's trail is %q, the stack's %q", base.trail, s.Trail())
	}
	base.depth = 1 // the base shows the profile now
	s.Reroot([]string{"Messages"})
	if !slices.Equal(base.trail, []string{"Messages", "Bob @bob"}) {
		t.Errorf("a stack that shows something was rerooted: %q", base.trail)
	}
}
