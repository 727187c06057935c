package views

import (
	"fmt"
	"testing"
)

func TestWindowKeepsTheCursorVisible(t *testing.T) {
	h := func(i int) int { return 1 + i%3 } // items of 1, 2 and 3 lines
	var w Window
	for range 40 {
		w.Down(50, 10, h)
	}
	lines := w.Render(50, 10, func(i int, sel bool) []string {
		out := make([]string, h(i))
		for k := range out {
			out[k] = fmt.Sprint(i, sel)
		}
		return out
	})
	if len(lines) > 10 {
		t.Fatalf("rendered %d lines in a 10-line view", len(lines))
	}
	found := false
	for _, l := range lines {
		if l == fmt.Sprint(w.Cursor, true) {
			found = true
		}
	}
	if !found || w.Cursor != 40 {
		t.Fatalf("cursor %d not on screen: %q", w.Cursor, lines)
	}
	w.Home()
	if w != (Window{}) {
		t.Fatalf("Home left %+v", w)
	}
	w.End(50, 10, h)
	if w.Cursor != 49 {
		t.Fatalf("End at %d", w.Cursor)
	}
}
