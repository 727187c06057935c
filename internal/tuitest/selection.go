package tuitest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// styledMark matches the selection mark with the style around it.
var styledMark = regexp.MustCompile(`(?:\x1b\[[0-9;:]*m)*▌(?:\x1b\[m)?`)

// SelectionMovedInGutterOnly asserts what a cursor move may change in a
// list (issue 7): the selection mark (▌) moved between lines and every
// other cell, its text and its style, is byte for byte what it was. A
// selection drawn as a background over the item would fail it: the
// terminal would then repaint both items on every move.
func SelectionMovedInGutterOnly(t testing.TB, before, after string) {
	t.Helper()
	if before == after {
		t.Fatal("the cursor move changed nothing")
	}
	unmark := func(s string) string {
		lines := strings.Split(styledMark.ReplaceAllString(s, " "), "\n")
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
}
