package views

import (
	"math"
	"slices"
	"strings"
)

// Fold is text as the filter compares it: lower case, rune by rune, so a
// folded string has as many runes as the original (filter_mark.go relies
// on it to find matches in rendered rows).
func Fold(s string) string { return strings.ToLower(s) }

// Folded caches an item's folded text for the version it was made from:
// a keystroke over thousands of loaded items then only compares strings.
// Panes keep one in each item.
type Folded struct {
	text string
	ver  int
	ok   bool
}

// Get returns the folded text for version ver, folding text() again only
// when the version changed.
func (c *Folded) Get(ver int, text func() string) string {
	if !c.ok || c.ver != ver {
		c.text, c.ver, c.ok = Fold(text()), ver, true
	}
	return c.text
}

// Matches reports whether folded (an item's text, through Fold) holds
// every word of the query. An empty query matches everything.
func (f *Filter) Matches(folded string) bool {
	for _, n := range f.needles {
		if !n.in(folded) {
			return false
		}
	}
	return true
}

// Invalidate says the items may have changed (arrived, gone, moved): the
// next Refresh looks at all of them again.
func (f *Filter) Invalidate() { f.valid = false }

// Refresh brings the matches up to date with the query over n items,
// text(i) being item i's folded text. Over the same items, a query that
// extends one typed before is looked for among that one's matches only
// (each of its words holds one of the older query's), and a query typed
// before, reached again by erasing, is found without comparing any text:
// typing and erasing cost less the longer the query.
func (f *Filter) Refresh(n int, text func(i int) string) {
	if !f.Active() {
		return
	}
	if !f.valid || n != f.total {
		f.chain, f.total, f.valid = f.chain[:0], n, true
	}
	f.all = len(f.words) == 0
	if f.all {
		return
	}
	q := strings.Join(f.words, " ")
	if k := slices.Index(f.chain, q); k >= 0 {
		if k != f.step {
			f.step = k
			f.idx = f.idx[:0]
			for p, i := range f.base {
				if int(f.depth[p]) >= k {
					f.idx = append(f.idx, i)
				}
			}
		}
		return
	}
	k := len(f.chain) - 1
	for k >= 0 && !strings.HasPrefix(q, f.chain[k]) {
		k--
	}
	if k < 0 || len(f.chain) >= math.MaxUint16 {
		f.fullScan(q, n, text)
		return
	}
	// Forget the queries after chain[k]: q replaces them.
	f.chain = append(f.chain[:k+1], q)
	step := uint16(k + 1)
	f.idx = f.idx[:0]
	for p, i := range f.base {
		switch d := int(f.depth[p]); {
		case d < k:
		case f.Matches(text(i)):
			f.depth[p] = step
			f.idx = append(f.idx, i)
		default:
			f.depth[p] = uint16(k)
		}
	}
	f.step = k + 1
}

// fullScan looks for query q in every one of the n items.
func (f *Filter) fullScan(q string, n int, text func(i int) string) {
	f.chain = append(f.chain[:0], q)
	f.base, f.depth = f.base[:0], f.depth[:0]
	for i := range n {
		if f.Matches(text(i)) {
			f.base = append(f.base, i)
			f.depth = append(f.depth, 0)
		}
	}
	f.idx = append(f.idx[:0], f.base...)
	f.step = 0
}

// Len is the number of matches.
func (f *Filter) Len() int {
	if f.all {
		return f.total
	}
	return len(f.idx)
}

// Item is the index, among all the items, of match j.
func (f *Filter) Item(j int) int {
	if f.all {
		return j
	}
	return f.idx[j]
}

// Selected is the item under the cursor over the matches, if any.
func (f *Filter) Selected() (int, bool) {
	if f.Len() == 0 {
		return 0, false
	}
	return f.Item(min(max(f.Win.Cursor, 0), f.Len()-1)), true
}

// Nearest is the match nearest to item i: i itself when it matches, else
// the closer of the matches either side of it (the one below on a tie),
// or -1 when nothing matches.
func (f *Filter) Nearest(i int) int {
	n := f.Len()
	switch {
	case n == 0:
		return -1
	case f.all:
		return min(max(i, 0), n-1)
	}
	return Nearest(f.idx, i)
}

// Nearest is the position in sorted (ascending item indices) of i, or of
// the closer of the indices either side of it (the one below on a tie);
// -1 when sorted is empty.
func Nearest(sorted []int, i int) int {
	n := len(sorted)
	if n == 0 {
		return -1
	}
	p, found := slices.BinarySearch(sorted, i)
	switch {
	case found || p == 0:
		return p
	case p == n:
		return n - 1
	case i-sorted[p-1] < sorted[p]-i:
		return p - 1
	}
	return p
}

// Follow puts the cursor over the matches on the match nearest to item i
// (the list's selection) after the matches changed, as many matches below
// the top of the view as it was, and scrolls so it shows in height lines;
// h measures match j. Matches that did not change keep their view.
func (f *Filter) Follow(i, height int, h HeightFunc) {
	n := f.Len()
	if n == 0 {
		f.Win = Window{}
		return
	}
	pos := f.Nearest(i)
	w := Window{Cursor: pos, Top: max(pos-max(f.Win.Cursor-f.Win.Top, 0), 0)}
	if w.Top == f.Win.Top {
		w.Skip = f.Win.Skip
	}
	f.Win = w
	f.Win.Fix(n, height, h)
}

// RowOf is the row of the view, over the matches, where the selected
// match starts; a pane turning the filter off puts the same item on the
// same row of the whole list (Window.Anchor), so the screen changes
// least.
func (f *Filter) RowOf(h HeightFunc) int {
	w := f.Win
	row := -w.Skip
	for j := w.Top; j < w.Cursor; j++ {
		row += h(j)
	}
	return max(row, 0)
}
