package messages

// window is a scroll position over a list of items of different heights
// (conversations, messages). Only the items between top and the bottom of
// the view are ever measured or drawn, so its cost does not depend on how
// many items are loaded. (The Feed pane has the same type; panes do not
// import each other.)
type window struct {
	cursor int // the selected item
	top    int // the first item drawn
	skip   int // lines of item top scrolled off above the view
}

// heightFunc returns the height in lines of item i.
type heightFunc func(i int) int

// fix clamps the window to n items and scrolls so the cursor item is
// visible in height lines: its start when it is above the view, its end
// when it is below (or its start when it is taller than the view).
func (w *window) fix(n, height int, h heightFunc) {
	if n <= 0 {
		*w = window{}
		return
	}
	height = max(height, 1)
	w.cursor = min(max(w.cursor, 0), n-1)
	w.top = min(max(w.top, 0), n-1)
	if w.cursor < w.top {
		w.top, w.skip = w.cursor, 0
		return
	}
	if w.top == w.cursor {
		// Keep a scroll inside a tall item, within its bounds.
		w.skip = min(max(w.skip, 0), max(h(w.cursor)-height, 0))
		return
	}
	used := -w.skip
	for i := w.top; i <= w.cursor; i++ {
		used += h(i)
		if used > height {
			w.bottomAlign(height, h)
			return
		}
	}
}

// bottomAlign puts the cursor item at the bottom of the view, or at the top
// when it is taller than the view.
func (w *window) bottomAlign(height int, h heightFunc) {
	w.top, w.skip = w.cursor, 0
	used := h(w.cursor)
	for w.top > 0 {
		above := h(w.top - 1)
		if used+above > height {
			break
		}
		used += above
		w.top--
	}
}

// down moves to the next item, or scrolls one line inside an item taller
// than the view until its end shows.
func (w *window) down(n, height int, h heightFunc) {
	if n == 0 {
		return
	}
	if w.top == w.cursor && h(w.cursor)-w.skip > height {
		w.skip++
		return
	}
	if w.cursor < n-1 {
		w.cursor++
	}
	w.fix(n, height, h)
}

// up moves to the previous item, or scrolls back inside a tall item.
func (w *window) up(n, height int, h heightFunc) {
	if n == 0 {
		return
	}
	if w.top == w.cursor && w.skip > 0 {
		w.skip--
		return
	}
	if w.cursor > 0 {
		w.cursor--
	}
	w.fix(n, height, h)
}

// visibleItems counts the items that start inside the view.
func (w *window) visibleItems(n, height int, h heightFunc) int {
	used, count := -w.skip, 0
	for i := w.top; i < n && used < height; i++ {
		used += h(i)
		count++
	}
	return count
}

// pageDown moves about one screen forward.
func (w *window) pageDown(n, height int, h heightFunc) {
	steps := max(w.visibleItems(n, height, h)-1, 1)
	for range steps {
		w.down(n, height, h)
	}
}

// pageUp moves about one screen back.
func (w *window) pageUp(n, height int, h heightFunc) {
	steps := max(w.visibleItems(n, height, h)-1, 1)
	for range steps {
		w.up(n, height, h)
	}
}

// home selects the first item.
func (w *window) home() { *w = window{} }

// end selects the last item.
func (w *window) end(n, height int, h heightFunc) {
	w.cursor = n - 1
	w.fix(n, height, h)
}

// render draws the visible part of the list: at most height lines, items
// fetched through lines(i, selected).
func (w *window) render(n, height int, lines func(i int, selected bool) []string) []string {
	out := make([]string, 0, height)
	skip := w.skip
	for i := w.top; i < n && len(out) < height; i++ {
		ls := lines(i, i == w.cursor)
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
