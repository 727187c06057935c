package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// Window is a scroll position over a list of items of different heights
// (posts, comments, conversations, messages), shared by every pane. Only
// the items between Top and the bottom of the view are ever measured or
// drawn, so its cost does not depend on how many items are loaded.
type Window struct {
	Cursor int // the selected item
	Top    int // the first item drawn
	Skip   int // lines of item top scrolled off above the view
}

// HeightFunc returns the height in lines of item i.
type HeightFunc func(i int) int

// Fix clamps the Window to n items and scrolls so the cursor item is
// visible in height lines: its start when it is above the view, its end
// when it is below (or its start when it is taller than the view).
func (w *Window) Fix(n, height int, h HeightFunc) {
	if n <= 0 {
		*w = Window{}
		return
	}
	height = max(height, 1)
	w.Cursor = min(max(w.Cursor, 0), n-1)
	w.Top = min(max(w.Top, 0), n-1)
	if w.Cursor < w.Top {
		w.Top, w.Skip = w.Cursor, 0
		return
	}
	if w.Top == w.Cursor {
		// Keep a scroll inside a tall item, within its bounds.
		w.Skip = min(max(w.Skip, 0), max(h(w.Cursor)-height, 0))
		return
	}
	used := -w.Skip
	for i := w.Top; i <= w.Cursor; i++ {
		used += h(i)
		if used > height {
			w.BottomAlign(height, h)
			return
		}
	}
}

// Fill scrolls up when the items from the top on leave rows empty below
// the last one while items are hidden above. A list calls it where its
// rows grew back or its view grew: after a filter was cleared, after a
// resize; the top of the list would otherwise stay out of sight with
// nothing to say it is there. (Fix does not: a list that keeps the
// selected item in place while new items arrive above, behind a "new"
// marker, must not be pulled down.) It looks at no more items than fill
// the view.
func (w *Window) Fill(n, height int, h HeightFunc) {
	if w.Top == 0 && w.Skip == 0 {
		return
	}
	used := -w.Skip
	for i := w.Top; i < n; i++ {
		used += h(i)
		if used >= height {
			return
		}
	}
	free := height - used
	if w.Skip > 0 {
		back := min(w.Skip, free)
		w.Skip -= back
		free -= back
	}
	for w.Top > 0 && w.Skip == 0 {
		above := h(w.Top - 1)
		if above > free {
			break
		}
		free -= above
		w.Top--
	}
}

// BottomAlign puts the cursor item at the bottom of the view, or at the top
// when it is taller than the view.
func (w *Window) BottomAlign(height int, h HeightFunc) {
	w.Top, w.Skip = w.Cursor, 0
	used := h(w.Cursor)
	for w.Top > 0 {
		above := h(w.Top - 1)
		if used+above > height {
			break
		}
		used += above
		w.Top--
	}
}

// Down moves to the next item, or scrolls one line inside an item taller
// than the view until its end shows.
func (w *Window) Down(n, height int, h HeightFunc) {
	if n == 0 {
		return
	}
	if w.Top == w.Cursor && h(w.Cursor)-w.Skip > height {
		w.Skip++
		return
	}
	if w.Cursor < n-1 {
		w.Cursor++
	}
	w.Fix(n, height, h)
}

// Up moves to the previous item, or scrolls back inside a tall item.
func (w *Window) Up(n, height int, h HeightFunc) {
	if n == 0 {
		return
	}
	if w.Top == w.Cursor && w.Skip > 0 {
		w.Skip--
		return
	}
	if w.Cursor > 0 {
		w.Cursor--
	}
	w.Fix(n, height, h)
}

// VisibleItems counts the items that start inside the view.
func (w *Window) VisibleItems(n, height int, h HeightFunc) int {
	used, count := -w.Skip, 0
	for i := w.Top; i < n && used < height; i++ {
		used += h(i)
		count++
	}
	return count
}

// PageDown moves about one screen forward.
func (w *Window) PageDown(n, height int, h HeightFunc) {
	steps := max(w.VisibleItems(n, height, h)-1, 1)
	for range steps {
		w.Down(n, height, h)
	}
}

// PageUp moves about one screen back.
func (w *Window) PageUp(n, height int, h HeightFunc) {
	steps := max(w.VisibleItems(n, height, h)-1, 1)
	for range steps {
		w.Up(n, height, h)
	}
}

// Home selects the first item.
func (w *Window) Home() { *w = Window{} }

// End selects the last item.
func (w *Window) End(n, height int, h HeightFunc) {
	w.Cursor = n - 1
	w.Fix(n, height, h)
}

// Render draws the visible part of the list: at most height lines, items
// fetched through lines(i, selected).
func (w *Window) Render(n, height int, lines func(i int, selected bool) []string) []string {
	out := make([]string, 0, height)
	skip := w.Skip
	for i := w.Top; i < n && len(out) < height; i++ {
		ls := lines(i, i == w.Cursor)
		if skip > 0 {
			if skip >= len(ls) {
				skip -= len(ls)
				continue
			}
			ls = ls[skip:]
			skip = 0
		}
		if room := height - len(out); len(ls) > room {
			ls = ls[:room]
		}
		out = append(out, ls...)
	}
	return out
}

// Navigate applies a list movement key (down, up, top, bottom, page down,
// page up) to the window and reports whether msg was one. Panes use it as
// a case of their key switch so every list moves the same way.
func (w *Window) Navigate(msg tea.KeyPressMsg, k keymap.ListKeys, n, height int, h HeightFunc) bool {
	switch {
	case key.Matches(msg, k.Down):
		w.Down(n, height, h)
	case key.Matches(msg, k.Up):
		w.Up(n, height, h)
	case key.Matches(msg, k.Top):
		w.Home()
	case key.Matches(msg, k.Bottom):
		w.End(n, height, h)
	case key.Matches(msg, k.PageDown):
		w.PageDown(n, height, h)
	case key.Matches(msg, k.PageUp):
		w.PageUp(n, height, h)
	default:
		return false
	}
	return true
}

// Anchor scrolls so that the cursor item's first line is at row of the
// view, as far as there are items above to fill it.
func (w *Window) Anchor(row int, h HeightFunc) {
	w.Top, w.Skip = w.Cursor, 0
	for row > 0 && w.Top > 0 {
		w.Top--
		row -= h(w.Top)
	}
	if row < 0 {
		w.Skip = -row
	}
}
