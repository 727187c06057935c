package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// fakeStack is a stack of screens that records what was pushed; esc pops.
type fakeStack struct{ opened []tea.Msg }

func (s *fakeStack) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case views.OpenPostMsg, views.OpenProfileMsg:
		s.opened = append(s.opened, msg)
	case tea.KeyPressMsg:
		if msg.String() == "esc" && len(s.opened) > 0 {
			s.opened = s.opened[:len(s.opened)-1]
		}
	}
	return nil
}
func (s *fakeStack) View() string              { return "stacked screen" }
func (s *fakeStack) SetSize(int, int)          {}
func (s *fakeStack) CapturesInput() bool       { return false }
func (s *fakeStack) ShortHelp() []key.Binding  { return nil }
func (s *fakeStack) FullHelp() [][]key.Binding { return nil }
func (s *fakeStack) Depth() int                { return len(s.opened) }
func (*fakeStack) Crumbs() []string            { return nil }
func (*fakeStack) SetTrail([]string)           {}

func TestOpeningStacksOnTheFocusedPaneAndEscPopsBack(t *testing.T) {
	feed := &fakePane{title: "Feed"}
	notes := &fakePane{title: "Notifications", badge: 2}
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed, NotificationsPane: notes},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Stacks:  func(PaneID) Stack { return &fakeStack{} },
	})
	m.Update(teaSize(80, 24))
	m.Update(tuitest.Press("2"))
	m.Update(views.OpenPostMsg{PostID: "p1"})
	if m.Focused() != NotificationsPane || m.stacked() == nil {
		t.Fatalf("the post did not stack on Notifications (focus %v)", m.Focused())
	}
	if got := m.View().Content; !strings.Contains(got, "stacked screen") {
		t.Errorf("the stacked screen is not shown:\n%s", got)
	}
	if len(feed.msgs) != 0 {
		for _, msg := range feed.msgs {
			if _, ok := msg.(views.OpenPostMsg); ok {
				t.Error("the Feed pane was asked to open the post")
			}
		}
	}
	m.Update(tuitest.Press("esc"))
	if m.stacked() != nil || !strings.Contains(m.View().Content, "Notifications pane") {
		t.Error("esc did not pop back to the Notifications list")
	}

	// u lands on the unread list even when screens are stacked over it.
	m.Update(views.OpenPostMsg{PostID: "p2"})
	m.Update(tuitest.Press("1"))
	m.Update(tuitest.Press("u"))
	if m.Focused() != NotificationsPane || m.stacked() != nil {
		t.Errorf("u left the list under a stacked screen (focus %v)", m.Focused())
	}
}
