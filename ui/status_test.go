package ui

import (
	"strings"
	"testing"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"

	"github.com/charmbracelet/x/ansi"
)

// A warning leaves the status bar once the operator has pressed two keys
// since: it once stayed its whole 8 s under what they did next, and a
// like that worked read as if it had failed. An info line is not cut
// short.
func TestAWarningLeavesOnceTheOperatorMovesOn(t *testing.T) {
	feed := &fakePane{title: "Feed"}
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
	})
	m.Update(teaSize(80, 24))
	m.Update(views.StatusMsg{Level: views.LevelWarn, Text: "couldn't amplify the post"})
	m.Update(tuitest.Press("j"))
	if !strings.Contains(m.View().Content, "couldn't amplify the post") {
		t.Fatal("the warning left at the first key, before it could be read")
	}
	m.Update(tuitest.Press("l"))
	if strings.Contains(m.View().Content, "couldn't amplify the post") {
		t.Error("the warning stayed under the next action")
	}

	m.Update(views.StatusMsg{Level: views.LevelInfo, Text: "comment sent"})
	m.Update(tuitest.Press("j"))
	m.Update(tuitest.Press("k"))
	if !strings.Contains(m.View().Content, "comment sent") {
		t.Error("an info line left before its time")
	}
}

// The footer drops whole hints that do not fit, with "…" for them, and
// never cuts one in the middle ("d d…" said nothing).
func TestTheFooterCutsBetweenHints(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	lines := strings.Split(m.View().Content, "\n")
	footer := ansi.Strip(lines[len(lines)-2])
	left, _, _ := strings.Cut(footer, "? help")
	left = strings.TrimSpace(left)
	if !strings.HasSuffix(left, "· …") {
		t.Fatalf("the footer's hints do not end on a whole hint and \"…\": %q", footer)
	}
	for _, hint := range strings.Split(strings.TrimSuffix(left, " · …"), " · ") {
		if k, desc, ok := strings.Cut(hint, " "); !ok || k == "" || strings.HasSuffix(desc, "…") {
			t.Errorf("a hint is cut: %q in %q", hint, footer)
		}
	}
}

// At 50 columns every tab stays on the bar, whatever is in front and
// however large the badges: the front pane's title is cut last.
func TestEveryTabStaysOnANarrowBar(t *testing.T) {
	m, feed, notes := newKeyedModel(t, 50, 15)
	withExplore(m)
	feed.badge, notes.badge = 20, 50
	m.panes[MessagesPane].(*keyedPane).badge = 16
	m.panes[MarketPane].(*keyedPane).badge = 16
	m.panes[JobsPane].(*keyedPane).badge = 3
	press(m, "2")
	bar := ansi.Strip(strings.Split(m.View().Content, "\n")[0])
	if w := ansi.StringWidth(strings.TrimRight(bar, " ")); w > 50 || strings.Contains(bar, "…") {
		t.Fatalf("the tab bar is %d wide or cut: %q", w, bar)
	}
	for _, n := range []string{"1", "2", "3", "4", "5", "6", "7"} {
		if !strings.Contains(bar, n) {
			t.Errorf("tab %s is missing from %q", n, bar)
		}
	}
}
