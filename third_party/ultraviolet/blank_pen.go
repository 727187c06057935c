package uv

// imagine's patch: a blank drawn with the pen already set.
//
// A space shows only its background: its foreground colour and the
// attributes that shape glyphs (bold, faint, italic, blink, conceal) leave
// nothing on screen. Between two runs of coloured text ("#Evals #AI", a
// footer's "n new post") the space in the middle would otherwise reset the
// pen and set it again: up to 16 bytes for one invisible cell. Spaces are
// drawn with whatever pen is set when it looks the same on a blank. The
// renderer's model keeps the cell's own style, so a later frame still
// compares against what the view asked for.

// blankLooks are the attributes a space shows: reverse swaps in the
// foreground as its background, strikethrough draws a line through it.
const blankLooks = AttrReverse | AttrStrikethrough

// blanksLookAlike reports whether two cells are spaces that show the same
// background and nothing else, so neither needs redrawing over the other.
func blanksLookAlike(a, b *Cell) bool {
	return a.Content == " " && a.Width == 1 && penDrawsBlank(b, a)
}

// penDrawsBlank reports whether writing cell with the current pen looks
// exactly as writing it with its own style would.
func penDrawsBlank(cell *Cell, pen *Cell) bool {
	blank := &EmptyCell
	if cell != nil {
		blank = cell
	}
	if blank.Content != " " || blank.Width != 1 || !blank.Link.Equal(&pen.Link) {
		return false
	}
	a, b := &blank.Style, &pen.Style
	return a.Underline == UnderlineNone && b.Underline == UnderlineNone &&
		a.Attrs&blankLooks == 0 && b.Attrs&blankLooks == 0 &&
		colorEqual(a.Bg, b.Bg)
}

// eraseWith sets the pen for an erase that must leave cells like blank:
// a pen that colours text only erases as blank would, so it is kept, and
// the next text, which often wants it again, needs no change back.
func (s *TerminalRenderer) eraseWith(blank *Cell) {
	if !penDrawsBlank(blank, &s.cur.Cell) {
		s.updatePen(blank)
	}
}
