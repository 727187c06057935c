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
