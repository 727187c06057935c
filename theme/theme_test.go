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
