package tuitest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// sgrSeq matches one SGR sequence and captures its parameters.
var sgrSeq = regexp.MustCompile(`\x1b\[([0-9:;]*)m`)

// paintsBackground reports whether line sets a background colour (or
// reverse video) anywhere. Colour parameters are walked as SGR defines
// them, so the components of a foreground colour (38;2;r;g;b) are not
// mistaken for background codes.
func paintsBackground(line string) bool {
	for _, m := range sgrSeq.FindAllStringSubmatch(line, -1) {
		ps := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' })
		for i := 0; i < len(ps); i++ {
			p := ps[i]
			if c, _, ok := strings.Cut(p, ":"); ok {
				p = c // colon sub-parameters belong to this parameter
			}
			switch {
			case p == "38" || p == "58":
				if i+1 < len(ps) && ps[i+1] == "5" {
					i += 2
				} else if i+1 < len(ps) && ps[i+1] == "2" {
					i += 4
				}
			case p == "48", p == "7", len(p) == 2 && p[0] == '4' && p[1] <= '7',
				len(p) == 3 && p[:2] == "10" && p[2] <= '7':
				return true
			}
		}
	}
	return false
}

// SelectionMovedInGutterOnly asserts what a cursor move may change in a
// list (issue 7): the selection mark (▌) moved between lines, nothing else
// of the text did, and no line paints a background, which would make the
// terminal repaint whole items on every move.
func SelectionMovedInGutterOnly(t testing.TB, before, after string) {
	t.Helper()
	if before == after {
		t.Fatal("the cursor move changed nothing")
	}
	unmark := func(s string) string {
		lines := strings.Split(strings.ReplaceAll(ansi.Strip(s), "▌", " "), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		return strings.Join(lines, "\n")
	}
	if unmark(before) != unmark(after) {
		t.Errorf("a cursor move changed more than the gutter;\nbefore:\n%s\nafter:\n%s", ansi.Strip(before), ansi.Strip(after))
	}
	if !strings.Contains(ansi.Strip(after), "▌") {
		t.Error("no line carries the selection mark")
	}
	for _, view := range []string{before, after} {
		for i, l := range strings.Split(view, "\n") {
			if paintsBackground(l) {
				t.Errorf("line %d paints a background: %q", i, ansi.Strip(l))
			}
		}
	}
}
