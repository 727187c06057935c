package tuitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestPressRoundTrips(t *testing.T) {
	for _, s := range []string{"j", "Q", ".", "?", "enter", "esc", "tab", "shift+tab", "ctrl+s", "ctrl+c", "pgdown", "alt+n", "space", "1"} {
		if got := Press(s).String(); got != s {
			t.Errorf("Press(%q).String() = %q", s, got)
		}
	}
}

func TestCollectFlattensBatches(t *testing.T) {
	one := func() tea.Msg { return 1 }
	two := func() tea.Msg { return 2 }
	got := Collect(tea.Batch(one, tea.Sequence(two, nil)))
	if len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Fatalf("Collect = %v", got)
	}
}
