package markdown

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestClipFitsBothWidthMethods: text the two width methods measure
// differently (a Devanagari conjunct, which normalisation leaves alone) is
// cut so that the line fits under both, not only lipgloss's.
func TestClipFitsBothWidthMethods(t *testing.T) {
	text := "क्षत्रिय क्षत्रिय क्षत्रिय"
	if ansi.StringWidth(text) == ansi.StringWidthWc(text) {
		t.Fatalf("test premise: the widths of %q agree", text)
	}
	for width := 1; width <= 12; width++ {
		got := clip([]run{{text: text}}, width)
		line := ""
		for _, r := range got {
			line += r.text
		}
		if g, w := ansi.StringWidth(line), ansi.StringWidthWc(line); g > width || w > width {
			t.Errorf("width %d: %q is %d/%d cells", width, line, g, w)
		}
	}
}
