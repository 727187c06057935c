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

func TestSelectionMovedInGutterOnlyCatchesABackground(t *testing.T) {
	mark := "\x1b[1;38;2;167;139;250m▌\x1b[m "
	bg := "\x1b[48;2;49;46;129m"
	moved := &recorder{TB: t}
	SelectionMovedInGutterOnly(moved, mark+"one\n  two", "  one\n"+mark+"two")
	if len(moved.errs) > 0 {
		t.Errorf("a move of the mark alone was refused: %v", moved.errs)
	}
	painted := &recorder{TB: t}
	SelectionMovedInGutterOnly(painted, mark+bg+"one\x1b[m\n  two", "  one\n"+mark+bg+"two\x1b[m")
	if len(painted.errs) == 0 {
		t.Error("a selection background went unnoticed")
	}
}
