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

func TestPaintsBackground(t *testing.T) {
	for line, want := range map[string]bool{
		"\x1b[1;38;2;45;46;129mname\x1b[m":        false, // 45 and 46 are colour components
		"\x1b[38;5;44mx\x1b[m":                    false,
		"\x1b[48;2;49;46;129m \x1b[m":             true,
		"\x1b[1;44mx\x1b[m":                       true,
		"\x1b[7mx\x1b[m":                          true,
		"\x1b[38:2::10:20:30mx\x1b[m":             false,
		"plain ▌ text":                            false,
		"\x1b[1;38;2;167;139;250m▌\x1b[m \x1b[2m": false,
	} {
		if got := paintsBackground(line); got != want {
			t.Errorf("paintsBackground(%q) = %v, want %v", line, got, want)
		}
	}
}
