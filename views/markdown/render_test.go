package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/internal/tuitest"
	"imagine/theme"
	"imagine/views"
)

// Goldens: regenerate with `go test ./views/markdown -update`. Each file
// holds the rendering as it reads (escapes stripped), then the raw lines.

// goldenDocs are the benign documents of security.md §8.2 M13, one per
// kind of element, plus a mixed post.
var goldenDocs = []struct{ name, md string }{
	{"emphasis", "Plain, **bold**, _italic_, ***both***, ~~struck~~ and `code` in one line, with #hashtags and @mentions kept bright. A long sentence follows so that the paragraph has to wrap at the narrow width."},
	{"lists", "Shopping:\n- bread\n- *matcha*, oat milk\n  - nested #one\n  - nested two\n- a long item that goes on and on until it wraps onto the next line\n\n1. first\n2. second\n3. third\n\n- [x] done\n- [ ] todo"},
	{"code", "Run this:\n\n```go\nfunc main() {\n\tfmt.Println(\"a & b <c>\")\n}\n```\n\nand `go test ./...` after; an indented block:\n\n    plain code\n    a line that is much longer than the narrow width of the pane"},
	{"quotes", "> The best interface is the one you forget is there.\n> — @someone\n\nSaid well.\n\n> outer\n>> inner #deep"},
	{"links", "Docs at [the site](https://imagineanything.com/docs?a=1&b=2), raw <https://example.com/x>, bare https://bare.example/path and a mail <agent@example.com>. ![a lighthouse](https://img.example/l.png)"},
	{"headings", "# Title\n\nIntro text.\n\n## Section #2\n\nBody.\n\n---\n\n| col | value |\n|-----|-------|\n| a   | 1     |\n| b   | 22    |"},
}

// themes are the styles goldens are taken in.
func themes() []struct {
	name string
	st   *theme.Styles
} {
	return []struct {
		name string
		st   *theme.Styles
	}{{"dark", theme.New(true, false)}, {"light", theme.New(false, false)}}
}

func TestGoldenMarkdown(t *testing.T) {
	for _, th := range themes() {
		for _, w := range []int{32, 72} {
			for _, d := range goldenDocs {
				t.Run(fmt.Sprintf("%s-%d-%s", d.name, w, th.name), func(t *testing.T) {
					r := New(th.st)
					lines := r.Render(d.md, w)
					if r.Renders != 1 {
						t.Fatalf("%d glamour renders, want 1 (plain fallback?)", r.Renders)
					}
					checkLines(t, lines, w)
					checkTrimmed(t, lines)
					golden.RequireEqual(t, []byte(goldenText(lines)))
				})
			}
		}
	}
}

// TestGoldenNoColor checks that without colour, markdown keeps bold,
// italics, underlines and backticks and writes no colour.
func TestGoldenNoColor(t *testing.T) {
	r := New(theme.New(true, true))
	var all []string
	for _, d := range goldenDocs {
		all = append(all, r.Render(d.md, 48)...)
	}
	checkLines(t, all, 48)
	raw := strings.Join(all, "\n")
	for _, code := range []string{"38;", "48;"} {
		if strings.Contains(raw, code) {
			t.Fatalf("NO_COLOR output holds a colour code %q", code)
		}
	}
	golden.RequireEqual(t, []byte(goldenText(all)))
}

// goldenText is lines as they read, then as they are.
func goldenText(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(ansi.Strip(l))
		b.WriteByte('\n')
	}
	b.WriteString("----- raw -----\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "%q\n", l)
	}
	return b.String()
}

// checkLines asserts what every rendering keeps: no line wider than width
// (by both width methods) and only SGR escapes.
func checkLines(t *testing.T, lines []string, width int) {
	t.Helper()
	if len(lines) > MaxLines {
		t.Errorf("%d lines, more than %d", len(lines), MaxLines)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells wide (> %d): %q", i, w, width, ansi.Strip(l))
		}
		if w := ansi.StringWidthWc(l); w > width {
			t.Errorf("line %d is %d cells wide by wcwidth (> %d): %q", i, w, width, ansi.Strip(l))
		}
		if !tuitest.CheckOnlySGR(t, l) {
			return
		}
		if strings.Contains(l, "\n") {
			t.Errorf("line %d holds a line feed", i)
		}
	}
}

// checkTrimmed asserts that no line of a markdown rendering ends in
// glamour's padding. (The plain layout keeps the spaces the text has.)
func checkTrimmed(t *testing.T, lines []string) {
	t.Helper()
	for i, l := range lines {
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, " \x1b[m") {
			t.Errorf("line %d ends in padding: %q", i, l)
		}
	}
}

func TestPlainTextLaysOutAsContent(t *testing.T) {
	st := theme.New(true, false)
	r := New(st)
	for _, s := range []string{
		"just words, with a #tag and @mention: 10-4 & more (ok)",
		"two lines\nof text",
		"a_b_c snake_case @demo_agent",
	} {
		got := r.Render(s, 30)
		if r.Renders != 0 {
			t.Fatalf("%q went through glamour", s)
		}
		checkLines(t, got, 30)
		if a, b := strings.Join(got, "\n"), strings.Join(plainLayout(st, s, 30), "\n"); a != b {
			t.Errorf("%q:\n got %q\nwant %q", s, a, b)
		}
	}
}

func TestThemeChangeDropsRenderers(t *testing.T) {
	r := New(theme.New(true, false))
	const md = "# Title\n\n**bold** text" // the heading takes the accent colour
	dark := strings.Join(r.Render(md, 40), "\n")
	if len(r.engines) != 1 {
		t.Fatalf("%d renderers after one width, want 1", len(r.engines))
	}
	r.SetStyles(theme.New(false, false))
	if len(r.engines) != 0 {
		t.Fatal("SetStyles kept the old renderers")
	}
	light := strings.Join(r.Render(md, 40), "\n")
	if dark == light {
		t.Fatal("dark and light renderings are the same")
	}
}

func TestRenderersBounded(t *testing.T) {
	r := New(theme.New(true, false))
	for w := 20; w < 60; w++ {
		r.Render("*x*", w)
		if len(r.engines) > maxEngines {
			t.Fatalf("%d renderers kept", len(r.engines))
		}
	}
}

// plainLayout is what the panes drew before markdown: views.Content with
// the theme's text, hashtag and mention styles.
func plainLayout(st *theme.Styles, s string, w int) []string {
	return views.Content(s, w, views.ContentStyles{Text: st.Text, Hashtag: st.Hashtag, Mention: st.Mention})
}
