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

// fakeConvScreen is a conversation screen: it closes on esc and
// remembers the breadcrumb it was stacked under.
type fakeConvScreen struct {
	fakeStack
	trail  []string
	closed bool
}

func (s *fakeConvScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		s.closed = true
	}
	return nil
}
func (s *fakeConvScreen) View() string { return "conversation screen" }
func (s *fakeConvScreen) Depth() int {
	if s.closed {
		return 0
	}
	return 1
}
func (s *fakeConvScreen) SetTrail(t []string) { s.trail = t }

// An order opened from a notification stacks on Notifications (issue 8:
// the tab does not change), and esc comes back to the list; on the
// Market pane itself the pane opens it.
func TestOrdersStackOnThePaneTheyAreOpenedFrom(t *testing.T) {
	notes := &fakePane{title: "Notifications"}
	market := &fakePane{title: "Market"}
	var order *fakeConvScreen
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: &fakePane{title: "Feed"}, NotificationsPane: notes, MarketPane: market},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Stacks:  func(PaneID) Stack { return &fakeStack{} },
		Orders: func(PaneID) Stack {
			order = &fakeConvScreen{}
			return order
		},
	})
	m.Update(teaSize(80, 24))
	m.Update(tuitest.Press("2"))
	m.Update(views.OpenOrderMsg{OrderID: "ord_1"})
	if m.Focused() != NotificationsPane || order == nil || !strings.Contains(m.View().Content, "conversation screen") {
		t.Fatalf("the order is not stacked on Notifications (focus %v)", m.Focused())
	}
	if len(order.trail) != 1 || order.trail[0] != "Notifications" {
		t.Errorf("the order's breadcrumb starts %q, want the pane's name", order.trail)
	}
	for _, msg := range market.msgs {
		if _, ok := msg.(views.OpenOrderMsg); ok {
			t.Error("the Market pane got the order too")
		}
	}
	m.Update(tuitest.Press("esc"))
	if strings.Contains(m.View().Content, "conversation screen") || m.Focused() != NotificationsPane {
		t.Error("esc did not come back to the notifications")
	}

	m.Update(tuitest.Press("4"))
	order = nil
	m.Update(views.OpenOrderMsg{OrderID: "ord_2"})
	if order != nil || len(market.msgs) == 0 || market.msgs[len(market.msgs)-1] != (views.OpenOrderMsg{OrderID: "ord_2"}) {
		t.Error("on the Market the pane should open the order itself")
	}
}

func TestConversationsStackOnThePaneTheyAreOpenedFrom(t *testing.T) {
	notes := &fakePane{title: "Notifications"}
	dms := &fakePane{title: "Messages"}
	groups := 0
	var conv *fakeConvScreen
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: &fakePane{title: "Feed"}, NotificationsPane: notes, MessagesPane: dms},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Stacks:  func(PaneID) Stack { groups++; return &fakeStack{} },
		Conversations: func(PaneID) Stack {
			conv = &fakeConvScreen{}
			return conv
		},
	})
	m.Update(teaSize(80, 24))
	m.Update(tuitest.Press("2"))
	m.Update(views.OpenProfileMsg{Handle: "x"})
	m.Update(views.OpenConversationMsg{Handle: "x"})
	if m.Focused() != NotificationsPane || !strings.Contains(m.View().Content, "conversation screen") {
		t.Fatalf("the conversation is not stacked on Notifications (focus %v)", m.Focused())
	}
	if len(conv.trail) != 1 || conv.trail[0] != "Notifications" {
		t.Errorf("the conversation's breadcrumb starts %q, want the pane's name", conv.trail)
	}
	// A profile opened from the conversation goes over it, in a new group.
	m.Update(views.OpenProfileMsg{Handle: "x"})
	if groups != 2 || !strings.Contains(m.View().Content, "stacked screen") {
		t.Fatalf("the profile did not stack over the conversation (%d groups made)", groups)
	}
	m.Update(tuitest.Press("esc"))
	if !strings.Contains(m.View().Content, "conversation screen") {
		t.Error("esc did not come back to the conversation")
	}
	m.Update(tuitest.Press("esc"))
	if !strings.Contains(m.View().Content, "stacked screen") {
		t.Error("esc did not come back to the profile under the conversation")
	}
	m.Update(tuitest.Press("esc"))
	if m.stacked() != nil || m.Focused() != NotificationsPane {
		t.Error("the last esc did not come back to the Notifications list")
	}
	for _, msg := range dms.msgs {
		if _, ok := msg.(views.OpenConversationMsg); ok {
			t.Error("the Messages pane was asked to open the conversation")
		}
	}

	// On the Messages pane, with nothing stacked, the pane opens it.
	m.Update(tuitest.Press("3"))
	m.Update(views.OpenConversationMsg{Handle: "y"})
	if got := dms.msgs[len(dms.msgs)-1]; got != (views.OpenConversationMsg{Handle: "y"}) {
		t.Errorf("the Messages pane got %#v", got)
	}
}

// pathedPane is a pane with screens of its own (a conversation, an
// order) whose breadcrumb is path.
type pathedPane struct {
	fakePane
	path []string
}

func (p *pathedPane) Path() []string { return p.path }

// trailStack is a fakeStack that remembers the breadcrumb it is under.
type trailStack struct {
	fakeStack
	trail []string
}

func (s *trailStack) SetTrail(t []string) { s.trail = t }

// TestAScreenOpensUnderWhatThePaneShowsNow: a profile opened from a
// pane's own screen (a conversation in Messages) is stacked under that
// screen's breadcrumb, also when the pane's group of screens was made
// earlier, from its list.
func TestAScreenOpensUnderWhatThePaneShowsNow(t *testing.T) {
	dms := &pathedPane{fakePane: fakePane{title: "Messages"}, path: []string{"Messages"}}
	var group *trailStack
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: &fakePane{title: "Feed"}, MessagesPane: dms},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Stacks:  func(PaneID) Stack { group = &trailStack{}; return group },
	})
	m.Update(teaSize(80, 24))
	m.Update(tuitest.Press("3"))
	m.Update(views.OpenProfileMsg{Handle: "x"})
	if strings.Join(group.trail, " › ") != "Messages" {
		t.Fatalf("from the list the profile is under %q", group.trail)
	}
	m.Update(tuitest.Press("esc"))
	dms.path = []string{"Messages", "X @x"} // the pane opened a conversation
	m.Update(views.OpenProfileMsg{Handle: "x"})
	if got := strings.Join(group.trail, " › "); got != "Messages › X @x" {
		t.Errorf("from the conversation the profile is under %q, want the conversation's path", got)
	}
}
