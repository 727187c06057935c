package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// newServeModel is a root model as `imagine serve` builds it for the
// operator alice, with the given Activity lines.
func newServeModel(t *testing.T, lines *[]string, changed chan struct{}) (*Model, *fakePane) {
	t.Helper()
	feed := &fakePane{title: "Feed"}
	m := New(Options{
		Context:  t.Context(),
		Panes:    map[PaneID]Pane{FeedPane: feed},
		Styles:   theme.New(true, true),
		Keys:     keymap.Default(),
		Handle:   "demo_agent",
		Now:      func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
		Operator: "alice (operator)",
		CopyURLs: true,
		Activity: func() ([]string, <-chan struct{}) { return *lines, changed },
	})
	m.Update(teaSize(100, 24))
	return m, feed
}

// run runs cmd and feeds its message back, once.
func run(m *Model, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	_, next := m.Update(msg)
	return next
}

// TestActivityScreen: ! opens the operators' activity, new records show
// as they are written, esc closes it; keys do not reach the pane.
func TestActivityScreen(t *testing.T) {
	lines := []string{"12:00 alice POST /api/posts ok"}
	changed := make(chan struct{})
	m, feed := newServeModel(t, &lines, changed)
	_, cmd := m.Update(tuitest.Press("ctrl+g"))
	wait := run(m, cmd)
	if got := ansi.Strip(m.render()); !strings.Contains(got, "alice POST /api/posts ok") {
		t.Fatalf("activity screen:\n%s", got)
	}
	lines = append([]string{"12:01 bob POST /api/posts denied"}, lines...)
	close(changed)
	run(m, run(m, wait))
	if got := ansi.Strip(m.render()); !strings.Contains(got, "bob POST /api/posts denied") {
		t.Fatalf("a new record did not show:\n%s", got)
	}
	m.Update(tuitest.Press("esc"))
	if m.activity != nil || len(feed.keys) != 0 {
		t.Fatalf("esc: screen %v, pane keys %v", m.activity, feed.keys)
	}
}

// TestActivityOffOutsideServe: without Activity the key does nothing and
// the palette says why.
func TestActivityOffOutsideServe(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.Update(tuitest.Press("ctrl+g"))
	if m.activity != nil {
		t.Fatal("the activity screen opened outside serve")
	}
	if why := m.globalDisabled(keymap.Action{Key: &m.keys.Global.Activity}); why == "" {
		t.Error("the palette offers Activity outside serve")
	}
}

// TestConfirmationNamesTheOperator: a dialog says who is about to act.
func TestConfirmationNamesTheOperator(t *testing.T) {
	lines := []string{}
	m, _ := newServeModel(t, &lines, nil)
	m.Update(views.ConfirmMsg{Title: "Delete this post?", Yes: func() tea.Msg { return nil }})
	if got := ansi.Strip(m.render()); !strings.Contains(got, "Delete this post? · as alice (operator)") {
		t.Fatalf("dialog:\n%s", got)
	}
}

// TestURLsAreCopiedNotOpened: with CopyURLs, open copies the address to
// the operator's clipboard and runs no opener.
func TestURLsAreCopiedNotOpened(t *testing.T) {
	lines := []string{}
	m, _ := newServeModel(t, &lines, nil)
	opened := false
	m.opts.OpenURL = func(string) error { opened = true; return nil }
	_, cmd := m.Update(views.OpenURLMsg{URL: "https://example.com/x"})
	msgs := collectQuick(cmd)
	if opened {
		t.Fatal("a URL was opened on the server")
	}
	want := fmt.Sprint(tea.SetClipboard("https://example.com/x")())
	found := false
	for _, msg := range msgs {
		if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" && fmt.Sprint(msg) == want {
			found = true
		}
	}
	if !found {
		t.Fatalf("no clipboard write among %T", msgs)
	}
}

// dmPane is a fake pane whose selection opens a conversation.
type dmPane struct {
	fakePane
	handle string
}

func (p *dmPane) Target() tea.Msg { return views.OpenConversationMsg{Handle: p.handle} }

// Here is where the operator is in the pane: the conversation.
func (p *dmPane) Here() tea.Msg { return views.OpenConversationMsg{Handle: p.handle} }

// TestPresenceHint: Presence is told where the operator is each time it
// changes (a conversation in Messages; nowhere on the Feed), and a
// PresenceMsg shows who else is there until the operator moves away.
func TestPresenceHint(t *testing.T) {
	var reported []string
	m := New(Options{
		Context: t.Context(),
		Panes: map[PaneID]Pane{FeedPane: &fakePane{title: "Feed"},
			MessagesPane: &dmPane{fakePane: fakePane{title: "Messages"}, handle: "carol"}},
		Styles:   theme.New(true, true),
		Keys:     keymap.Default(),
		Handle:   "demo_agent",
		Operator: "alice (operator)",
		Presence: func(where string) { reported = append(reported, where) },
	})
	m.Update(teaSize(100, 24))
	_, cmd := m.Update(tuitest.Press("3"))
	collectQuick(cmd)
	if len(reported) != 1 || reported[0] != "dm:carol" {
		t.Fatalf("reported %q", reported)
	}
	m.Update(PresenceMsg{Others: []string{"bob"}})
	if got := ansi.Strip(m.render()); !strings.Contains(got, "bob is here too") {
		t.Fatalf("status line:\n%s", got)
	}
	_, cmd = m.Update(tuitest.Press("1"))
	collectQuick(cmd)
	if len(reported) != 2 || reported[1] != "" {
		t.Errorf("reported %q, want the move to nowhere", reported)
	}
	if strings.Contains(ansi.Strip(m.render()), "here too") {
		t.Error("the hint stayed after moving away")
	}
}

// collectQuick runs cmd and the Cmds of its batches, keeping the messages
// that come at once: timers (poll ticks, status expiry) are left running
// and dropped, so the test does not wait for them.
func collectQuick(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-got:
	case <-time.After(100 * time.Millisecond):
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, collectQuick(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// TestAnAddressTheLinkRuleRefusesIsNeverOpened: an address with a user
// and password in it, or another scheme, is shown, not opened.
func TestAnAddressTheLinkRuleRefusesIsNeverOpened(t *testing.T) {
	m, _, _ := newAttentionModel(t, NotifyOptions{})
	for _, u := range []string{"https://user:pw@evil.example/login", "javascript:alert(1)", "file:///etc/passwd"} {
		opened := false
		m.opts.OpenURL = func(string) error { opened = true; return nil }
		_, cmd := m.Update(views.OpenURLMsg{URL: u})
		collectQuick(cmd)
		if opened || !strings.Contains(m.status.text, "not opened") {
			t.Errorf("%s: opened %v, status %q", u, opened, m.status.text)
		}
	}
	opened := false
	m.opts.OpenURL = func(string) error { opened = true; return nil }
	_, cmd := m.Update(views.OpenURLMsg{URL: "https://example.com/x"})
	collectQuick(cmd)
	if !opened {
		t.Error("a plain web address was not opened")
	}
}
