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

// Fill scrolls up over rows left empty under the last item, as far as
// they allow, keeping the cursor; a view already full stays.
func TestFillScrollsUpOverEmptyRows(t *testing.T) {
	one := func(int) int { return 1 }
	w := Window{Cursor: 6, Top: 5}
	w.Fill(8, 10, one)
	if w.Top != 0 || w.Cursor != 6 {
		t.Errorf("8 items in 10 rows: top %d cursor %d, want 0 and 6", w.Top, w.Cursor)
	}
	w = Window{Cursor: 17, Top: 15}
	w.Fill(20, 10, one)
	if w.Top != 10 || w.Cursor != 17 {
		t.Errorf("20 items in 10 rows from 15: top %d, want 10", w.Top)
	}
	w = Window{Cursor: 5, Top: 3}
	w.Fill(20, 10, one)
	if w.Top != 3 {
		t.Errorf("a full view moved: top %d, want 3", w.Top)
	}
}
