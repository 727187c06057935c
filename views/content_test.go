package views

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func plainStyles() ContentStyles {
	return ContentStyles{
		Text:    lipgloss.NewStyle(),
		Hashtag: lipgloss.NewStyle().Underline(true),
		Mention: lipgloss.NewStyle().Bold(true),
	}
}

func TestContentWrapsAndHardWrapsToTheWidth(t *testing.T) {
	text := "a short line then " + strings.Repeat("x", 45) + "\n\nand 日本語のテキストです after a blank line"
	lines := Content(text, 20, plainStyles())
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 20 {
			t.Errorf("line %d is %d wide: %q", i, w, ansi.Strip(l))
		}
	}
	joined := ansi.Strip(strings.Join(lines, ""))
	if strings.Count(joined, "x") != 45 {
		t.Errorf("the long word lost characters: %q", joined)
	}
	if !strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "\n\n") {
		t.Error("the blank line between paragraphs was dropped")
	}
}

func TestHighlightStylesTagsAndMentionsOnly(t *testing.T) {
	st := plainStyles()
	got := Highlight("see #go and @bob, mail me@example.com #", st)
	for _, want := range []string{st.Hashtag.Render("#go"), st.Mention.Render("@bob")} {
		if !strings.Contains(got, want) {
			t.Errorf("%q not highlighted in %q", want, got)
		}
	}
	if strings.Contains(got, st.Mention.Render("@example")) {
		t.Errorf("an e-mail address was taken for a mention: %q", got)
	}
	if ansi.Strip(got) != "see #go and @bob, mail me@example.com #" {
		t.Errorf("text changed: %q", ansi.Strip(got))
	}
}

func TestNameNeverBlank(t *testing.T) {
	for _, in := range []string{"", "   ", "\u2800"} {
		if got := Name(in); got != "(blank name)" {
			t.Errorf("Name(%q) = %q", in, got)
		}
	}
	if got := Name("Alice"); got != "Alice" {
		t.Errorf("Name(Alice) = %q", got)
	}
}

func TestFitPadsAndCuts(t *testing.T) {
	pad := lipgloss.NewStyle()
	if got := Fit("abc", 5, pad); got != "abc  " {
		t.Errorf("pad: %q", got)
	}
	if got := Fit("abcdefgh", 5, pad); ansi.StringWidth(got) != 5 || !strings.HasSuffix(got, "…") {
		t.Errorf("cut: %q", got)
	}
	if got := Spread("left", "right", 12); got != "left   right" {
		t.Errorf("spread: %q", got)
	}
	if got := Spread("left", "right", 8); got != "left" {
		t.Errorf("spread without room: %q", got)
	}
	if got := Rows([]string{"a"}, 3); got != "a\n\n" {
		t.Errorf("rows: %q", got)
	}
}
