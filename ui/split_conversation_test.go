package ui

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// fakeConversation is a conversation preview that records whom it shows.
type fakeConversation struct{ handle string }

func (d *fakeConversation) Update(msg tea.Msg) tea.Cmd {
	if o, ok := msg.(views.OpenConversationMsg); ok {
		d.handle = o.Handle
	}
	return nil
}
func (d *fakeConversation) View() string              { return "conversation with @" + d.handle }
func (d *fakeConversation) SetSize(int, int)          {}
func (d *fakeConversation) CapturesInput() bool       { return false }
func (d *fakeConversation) ShortHelp() []key.Binding  { return nil }
func (d *fakeConversation) FullHelp() [][]key.Binding { return nil }
func (d *fakeConversation) Depth() int                { return 1 }
func (*fakeConversation) Crumbs() []string            { return nil }
func (*fakeConversation) SetTrail([]string)           {}

// newConversationSplit is a root over a Feed pane of posts and a Messages
// pane of conversations, w columns wide, with Messages focused; convs
// (nil: none) makes the conversation previews. It returns the previews of
// posts made and of conversations made.
func newConversationSplit(t *testing.T, w int, convs bool) (*Model, *targetPane, *int, *int) {
	t.Helper()
	feed := &targetPane{fakePane: fakePane{title: "Feed"}, items: []string{"p1", "p2"}}
	dms := &targetPane{fakePane: fakePane{title: "Messages"}, items: []string{"atlas_ai", "bob", "carol"},
		open: func(h string) tea.Msg { return views.OpenConversationMsg{Handle: h} }}
	posts, conversations := 0, 0
	opts := Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed, MessagesPane: dms},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Handle:  "demo_agent",
		Details: func(context.Context) Stack { posts++; return &fakeDetail{} },
	}
	if convs {
		opts.ConversationDetails = func(context.Context) Stack { conversations++; return &fakeConversation{} }
	}
	m := New(opts)
	m.Update(teaSize(w, 30))
	m.Update(tuitest.Press("3"))
	if m.focus != MessagesPane {
		t.Fatalf("test premise: 3 focuses Messages, focus is %v", m.focus)
	}
	return m, dms, &posts, &conversations
}

func TestSplitViewShowsTheSelectedConversationBesideMessages(t *testing.T) {
	m, dms, posts, convs := newConversationSplit(t, 140, true)
	postsBefore := *posts
	rest(m)
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "│conversation with @atlas_ai") {
		t.Fatalf("no conversation beside the Messages list:\n%s", view)
	}
	if dms.w >= 140 {
		t.Errorf("the list was given %d columns of 140", dms.w)
	}
	if *convs != 1 || *posts != postsBefore {
		t.Errorf("made %d conversation previews and %d post previews for one conversation", *convs, *posts-postsBefore)
	}

	// The thread follows the cursor once it rests; coming back shows the
	// kept one at once.
	m.Update(tuitest.Press("j"))
	rest(m)
	if !strings.Contains(ansi.Strip(m.View().Content), "│conversation with @bob") {
		t.Error("the conversation did not follow the cursor")
	}
	m.Update(tuitest.Press("k"))
	if !strings.Contains(ansi.Strip(m.View().Content), "│conversation with @atlas_ai") || *convs != 2 {
		t.Errorf("going back to atlas_ai made %d previews in all, want 2", *convs)
	}
	if *posts != postsBefore {
		t.Errorf("Details was used %d times for conversations", *posts-postsBefore)
	}

	// A conversation open in the pane takes the whole width.
	dms.screen = true
	m.Update(tuitest.Press("x"))
	if dms.w != 140 || strings.Contains(ansi.Strip(m.View().Content), "conversation with") {
		t.Errorf("an open conversation is drawn %d wide beside a preview", dms.w)
	}
}

func TestMessagesIsNotSplitWithoutConversationDetails(t *testing.T) {
	m, dms, posts, _ := newConversationSplit(t, 140, false)
	before := *posts
	rest(m)
	if dms.w != 140 || strings.Contains(ansi.Strip(m.View().Content), "│") {
		t.Errorf("Messages is split (list %d wide) with no maker of conversation previews", dms.w)
	}
	if *posts != before {
		t.Errorf("Details made %d previews of a conversation", *posts-before)
	}
	m.Update(tuitest.Press("1"))
	rest(m)
	if !strings.Contains(ansi.Strip(m.View().Content), "│detail of p1") {
		t.Error("the Feed pane is no longer split")
	}
}
