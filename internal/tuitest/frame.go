package tuitest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// FrameFaults lists what breaks the rule every frame must keep: exactly h
// lines, none wider than w cells. It is empty for a good frame. Tests that
// walk many sizes and screens prefix each fault with where they were.
func FrameFaults(view string, w, h int) []string {
	var faults []string
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		faults = append(faults, fmt.Sprintf("frame has %d lines, want %d", len(lines), h))
	}
	for i, l := range lines {
		if sw := ansi.StringWidth(l); sw > w {
			faults = append(faults, fmt.Sprintf("line %d is %d cells wide (> %d): %q", i, sw, w, ansi.Strip(l)))
		}
	}
	return faults
}

// CheckFrame asserts what every frame must satisfy: exact height, no line
// wider than the pane.
func CheckFrame(t testing.TB, view string, w, h int) {
	t.Helper()
	for _, f := range FrameFaults(view, w, h) {
		t.Error(f)
	}
}

// sgr is one Select Graphic Rendition sequence, the only escape a frame
// may hold.
var sgr = regexp.MustCompile(`^\x1b\[[0-9;:]*m`)

// CheckOnlySGR asserts that the raw frame holds no escape sequence but SGR
// and no control character but the line feeds between lines. It stops at
// the first fault and reports whether there was none, so a caller with
// stricter rules can check them only on a frame that passed.
func CheckOnlySGR(t testing.TB, raw string) bool {
	t.Helper()
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == 0x1b:
			loc := sgr.FindStringIndex(raw[i:])
			if loc == nil {
				t.Errorf("escape that is not SGR at byte %d: %q", i, raw[i:min(i+12, len(raw))])
				return false
			}
			i += loc[1] - 1
		case c == '\n':
		case c < 0x20 || c == 0x7f:
			t.Errorf("control byte %#x at %d", c, i)
			return false
		}
	}
	return true
}
