package theme

import (
	"strings"
	"testing"
)

func TestNoColorEmitsNoColourCodes(t *testing.T) {
	s := New(true, true)
	out := s.Hashtag.Render("#go") + s.Author.Render("Ada") + s.Badge.Render("3") + s.StatusBar.Render("x")
	for _, code := range []string{"38;", "48;"} {
		if strings.Contains(out, code) {
			t.Fatalf("NO_COLOR output contains a colour code %q: %q", code, out)
		}
	}
	if !strings.Contains(out, "\x1b[") {
		t.Fatal("NO_COLOR should still keep bold/reverse emphasis")
	}
}

func TestLightAndDarkDiffer(t *testing.T) {
	d, l := New(true, false), New(false, false)
	if d.Hashtag.Render("#x") == l.Hashtag.Render("#x") {
		t.Fatal("light and dark palettes render the same")
	}
	if !d.Dark || l.Dark {
		t.Fatal("Dark flag not recorded")
	}
}

// TestTerminalPaletteSendsOnlySixteenColours: the default palette draws
// with the terminal's own colours, each change a 5-byte SGR, never an
// indexed (38;5) or true-colour (38;2) one that costs up to four times
// as much on every repaint over SSH.
func TestTerminalPaletteSendsOnlySixteenColours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := New(dark, false)
		if s.Palette != PaletteTerminal {
			t.Fatalf("default palette %q", s.Palette)
		}
		out := s.Hashtag.Render("#go") + s.Author.Render("Ada") + s.Handle.Render("@ada") +
			s.Badge.Render("3") + s.StatusBar.Render("x") + s.Title.Render("Feed") + s.Error.Render("!") +
			s.Verified.Render("✓") + s.HelpKey.Render("q") + s.Faint.Render("·")
		for _, code := range []string{"38;5;", "38;2;", "48;5;", "48;2;"} {
			if strings.Contains(out, code) {
				t.Fatalf("dark=%v: terminal palette sent %q: %q", dark, code, out)
			}
		}
		if !strings.Contains(out, "\x1b[") {
			t.Fatalf("dark=%v: terminal palette drew no colour at all", dark)
		}
	}
}

func TestBuildNamesItsPalettes(t *testing.T) {
	brand, err := Build(PaletteBrand, true, false)
	if err != nil || brand.Palette != PaletteBrand {
		t.Fatalf("brand: %v %+v", err, brand)
	}
	if brand.Hashtag.Render("#x") == New(true, false).Hashtag.Render("#x") {
		t.Fatal("brand and terminal palettes draw a hashtag alike")
	}
	if _, err := Build("neon", true, false); err == nil || !strings.Contains(err.Error(), "terminal, brand") {
		t.Fatalf("unknown palette: %v", err)
	}
}
