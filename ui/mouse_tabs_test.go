package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
)

// newSevenTabModel is the root with all seven panes at width x 24.
func newSevenTabModel(t *testing.T, width int) *Model {
	t.Helper()
	titles := []string{"Feed", "Notifications", "Messages", "Market", "Jobs", "Explore", "Profile"}
	panes := map[PaneID]Pane{}
	for i, title := range titles {
		p := &mousePane{fakePane: &fakePane{title: title}}
		if PaneID(i) == NotificationsPane {
			p.badge = 12
		}
		panes[PaneID(i)] = p
	}
	m := New(Options{Context: t.Context(), Panes: panes, Styles: theme.New(true, true),
		Keys: keymap.Default(), Handle: "demo_agent"})
	m.Update(teaSize(width, 24))
	return m
}

// TestEveryTabIsOnTheBarAtEightyColumns: where the titles do not fit, the
// other panes' titles are shortened, then left out, so every pane's number
// stays on the bar (none is cut off with "…") and can be clicked; the pane
// in front keeps its title.
func TestEveryTabIsOnTheBarAtEightyColumns(t *testing.T) {
	for _, w := range []int{120, 80, 50} {
		m := newSevenTabModel(t, w)
		m.Update(tuitest.Press("6"))
		bar := ansi.Strip(lines(m.View().Content)[0])
		if strings.Contains(bar, "…") || ansi.StringWidth(bar) > w {
			t.Errorf("at %d columns the tab bar is cut: %q", w, bar)
		}
		for n := 1; n <= 7; n++ {
			if !strings.Contains(bar, " "+string(rune('0'+n))+" ") {
				t.Errorf("at %d columns tab %d is missing: %q", w, n, bar)
			}
		}
		if !strings.Contains(bar, "6 Explore") || !strings.Contains(bar, "12") {
			t.Errorf("at %d columns the pane in front lost its title or the badge is gone: %q", w, bar)
		}
		m.Update(tuitest.Click(strings.Index(bar, " 7 ")+1, 0))
		if m.Focused() != ProfilePane {
			t.Errorf("at %d columns a click on tab 7 of %q focused %v", w, bar, m.Focused())
		}
	}
}
