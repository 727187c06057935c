package views

import (
	"strconv"
	"testing"

	"imagine/keymap"
)

// labelled draws item i as h(i) lines that each name it, so a rendered
// row says which item it belongs to.
func labelled(h HeightFunc) func(i int, sel bool) []string {
	return func(i int, _ bool) []string {
		out := make([]string, h(i))
		for k := range out {
			out[k] = strconv.Itoa(i)
		}
		return out
	}
}

// TestItemAtIsTheInverseOfRender checks every row of many windows (items
// of mixed heights, scrolled inside a tall item, short lists) against
// what Render drew there.
func TestItemAtIsTheInverseOfRender(t *testing.T) {
	h := func(i int) int { return 1 + (i*7)%5 } // 1 to 5 lines
	for _, n := range []int{0, 1, 3, 40} {
		for _, height := range []int{1, 4, 10} {
			for top := range min(n, 12) {
				for skip := range h(top) {
					w := Window{Cursor: top, Top: top, Skip: skip}
					drawn := w.Render(n, height, labelled(h))
					if got := w.Drawn(n, height, h); got != len(drawn) {
						t.Fatalf("n=%d height=%d top=%d skip=%d: Drawn %d, Render drew %d lines", n, height, top, skip, got, len(drawn))
					}
					for row := -1; row <= height; row++ {
						want := -1
						if row >= 0 && row < len(drawn) {
							want, _ = strconv.Atoi(drawn[row])
						}
						if got := w.ItemAt(row, n, height, h); got != want {
							t.Fatalf("n=%d height=%d top=%d skip=%d row %d: ItemAt %d, Render drew %d (%q)",
								n, height, top, skip, row, got, want, drawn)
						}
					}
				}
			}
		}
	}
}

func TestClickSelectsThenOpens(t *testing.T) {
	h := func(int) int { return 3 }
	w := Window{}
	// Row 4 is the second line of item 1.
	if hit, open := w.Click(4, 10, 9, h, false); !hit || open || w.Cursor != 1 {
		t.Fatalf("first click: hit %v open %v cursor %d", hit, open, w.Cursor)
	}
	if hit, open := w.Click(3, 10, 9, h, false); !hit || !open || w.Cursor != 1 {
		t.Fatalf("click on the selection: hit %v open %v cursor %d", hit, open, w.Cursor)
	}
	// Under the last item: nothing.
	if hit, open := w.Click(5, 1, 9, h, false); hit || open {
		t.Fatalf("click under the list: hit %v open %v", hit, open)
	}
}

// TestClickOnAPartlyShownItemScrolls: selecting the item cut by the
// bottom of the view scrolls it into view, so the second click of a
// double click lands on another item; it still opens the one selected.
func TestClickOnAPartlyShownItemScrolls(t *testing.T) {
	h := func(int) int { return 4 }
	w := Window{}
	if _, open := w.Click(9, 10, 10, h, false); open || w.Cursor != 2 || w.Top == 0 {
		t.Fatalf("click on the cut item: open %v %+v", open, w)
	}
	if w.ItemAt(9, 10, 10, h) == 2 {
		t.Fatalf("the list did not scroll: %+v", w)
	}
	if hit, open := w.Click(9, 10, 10, h, true); !hit || !open || w.Cursor != 2 {
		t.Fatalf("double click: hit %v open %v %+v", hit, open, w)
	}
}

func TestWheelKeysAreTheListKeys(t *testing.T) {
	k := keymap.Default().List
	down := WheelKeys(2, k)
	if len(down) != 2 || down[0].String() != k.Down.Keys()[0] {
		t.Fatalf("wheel down: %v", down)
	}
	up := WheelKeys(-1, k)
	if len(up) != 1 || up[0].String() != k.Up.Keys()[0] {
		t.Fatalf("wheel up: %v", up)
	}
	k.Down.SetEnabled(false)
	if got := WheelKeys(1, k); got != nil {
		t.Fatalf("a disabled key is pressed: %v", got)
	}
}
