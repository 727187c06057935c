package views

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestGuidanceIsWrappedSoItsLastKeyStaysVisible(t *testing.T) {
	text := "n starts one · h shows past jobs · s connects an AI provider"
	rows := Wrapped(lipgloss.NewStyle(), text, 24)
	if len(rows) < 2 {
		t.Fatalf("a %d-cell hint in 24 columns should take more than one row, got %q", ansi.StringWidth(text), rows)
	}
	for _, r := range rows {
		if w := ansi.StringWidth(r); w > 24 {
			t.Errorf("row %q is %d cells wide, more than 24", r, w)
		}
	}
	joined := strings.Join(rows, " ")
	for _, want := range []string{"n starts one", "AI provider"} {
		if !strings.Contains(joined, want) {
			t.Errorf("wrapped hint lost %q: %q", want, rows)
		}
	}
	if got := Wrapped(lipgloss.NewStyle(), text, 0); got != nil {
		t.Errorf("no width should draw nothing, got %q", got)
	}
}
