package views

import "imagine/theme"

// Gutter is the two-cell column in front of every list item that marks
// the selection: a bar on each line of the selected item, blanks on the
// others. The selection is marked here only, never with a background over
// the item: over SSH every repainted cell is paid for, and a cursor move
// then changes two cells per line of the two items involved instead of
// every cell of both. Item bodies are therefore rendered (and cached)
// once, whatever the selection.
type Gutter struct{ on, off string }

// GutterWidth is the number of cells a Gutter takes.
const GutterWidth = 2

// NewGutter returns the gutter drawn with the theme's cursor style.
func NewGutter(s *theme.Styles) Gutter {
	return Gutter{on: s.Cursor.Render("▌") + " ", off: "  "}
}

// Unmarked returns a gutter that marks nothing, for a preview beside a
// list: the list's cursor is the only selection on screen, and a mark in
// the preview would be a second one that no key moves (and cells repainted
// on every move for nothing).
func (g Gutter) Unmarked() Gutter { return Gutter{on: g.off, off: g.off} }

// Mark returns lines with the gutter in front; lines itself, which may be
// a cached rendering, is left as it is.
func (g Gutter) Mark(lines []string, sel bool) []string { return g.MarkFrom(lines, 0, sel) }

// MarkFrom is Mark for an item whose first lines (a blank line or a day
// separator above a message) belong to no item: they get a blank gutter.
func (g Gutter) MarkFrom(lines []string, from int, sel bool) []string {
	mark := g.off
	if sel {
		mark = g.on
	}
	out := make([]string, len(lines), len(lines)+1) // room for a separator
	for i, l := range lines {
		if i < from {
			out[i] = g.off + l
			continue
		}
		out[i] = mark + l
	}
	return out
}

// Blank is the gutter of a line that belongs to no item.
func (g Gutter) Blank() string { return g.off }
