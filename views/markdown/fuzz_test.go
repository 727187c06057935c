package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/theme"
)

// FuzzMarkdown renders arbitrary input at an arbitrary width, in dark and
// light, and checks what no input may break (security.md §8.3): no panic,
// no line wider than the width by either width method, nothing but SGR
// escapes, at most MaxLines lines (the time it takes is BenchmarkHostileMarkdown's); and that the list
// summary is one line without controls. Seeds are in
// testdata/fuzz/FuzzMarkdown (the §8.2 payloads, the golden documents and
// the hostile shapes, cut to 4 KiB so the fuzzer mutates rather than
// minimises).
func FuzzMarkdown(f *testing.F) {
	renderers := []*Renderer{New(theme.New(true, false)), New(theme.New(false, false)), New(theme.New(true, true))}
	f.Fuzz(func(t *testing.T, md string, width uint8) {
		w := int(width)
		for _, r := range renderers {
			lines := r.Render(md, w)
			if len(lines) > MaxLines {
				t.Fatalf("%d lines", len(lines))
			}
			for i, l := range lines {
				if sw, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); sw > max(w, 1) || wc > max(w, 1) {
					t.Fatalf("line %d is %d/%d cells wide at width %d: %q", i, sw, wc, w, l)
				}
				if !onlySGR(l) {
					t.Fatalf("line %d holds more than SGR: %q", i, l)
				}
			}
		}
		if s := Summary(md); strings.ContainsAny(s, "\n\x1b\x07\r") {
			t.Fatalf("summary %q", s)
		}
	})
}
