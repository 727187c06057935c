package uv

import "github.com/charmbracelet/x/ansi"

// imagine's patch: the narrow part of a drift-prone row is diffed.
//
// A row holding a cell the terminal may measure differently than the model
// (see [lineHasDrift]) is repainted rather than diffed, because past that
// cell the model cannot say which column each glyph landed on. Every cell
// left of the row's first drift-prone cell, though, sits exactly where the
// model says under any width model. So that part is diffed like any other
// row (a list's selection mark, the split view's detail left of an emoji,
// a line turned blank), and the repaint, when one is needed, starts at the
// first drift-prone cell instead of at the first change or column 0.

// narrowLimit is the first column of row y that is drift-prone on screen
// or in newbuf: every cell left of it sits where the model says.
func (s *TerminalRenderer) narrowLimit(newbuf *RenderBuffer, y int) int {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	return min(len(oldLine), len(newLine), firstDrift(s.method, oldLine), firstDrift(s.method, newLine))
}

// patchNarrowPart brings the narrow part of the drift-prone row y up to
// date and reports whether the row is then done; when it is not, the rest
// must be repainted from column from.
func (s *TerminalRenderer) patchNarrowPart(newbuf *RenderBuffer, y int) (from int, done bool) {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	if len(oldLine) != len(newLine) {
		return 0, false
	}
	d := s.narrowLimit(newbuf, y)
	// Where the new row is blank to its end, one erase does what writing
	// blanks would.
	blankFrom := len(newLine)
	for blankFrom > 0 && cellEqual(&newLine[blankFrom-1], &EmptyCell) {
		blankFrom--
	}
	end := min(d, blankFrom)
	s.writeChanged(newbuf, y, 0, end)
	if linesEqual(oldLine[end:], newLine[end:]) {
		return end, true
	}
	if blankFrom <= d {
		s.eraseFrom(newbuf, y, blankFrom)
		return blankFrom, true
	}
	return s.patchStretches(newbuf, y, d, blankFrom)
}

// writeChanged writes the cells of row y in [from, to) that differ from
// what is on screen, all narrow ones, and records them as on screen. Each
// run of changes (with unchanged stretches shorter than a cursor move
// inside it) is written by [TerminalRenderer.emitRange], so a long run of
// blanks is one erase ([ansi.ECH]) rather than a space a cell.
func (s *TerminalRenderer) writeChanged(newbuf *RenderBuffer, y, from, to int) {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	for x := from; x < to; {
		if cellEqual(&oldLine[x], &newLine[x]) {
			x++
			continue
		}
		end := changedRunEnd(oldLine, newLine, x, to)
		s.move(newbuf, x, y)
		s.emitRange(newbuf, newLine[x:], end-x)
		copy(oldLine[x:end], newLine[x:end])
		x = end
	}
}

// changedRunEnd is where the run of changes starting at x ends: at to, or
// before the first stretch of unchanged cells long enough that jumping it
// costs less than writing it over.
func changedRunEnd(oldLine, newLine Line, x, to int) int {
	const jump = 4 // about the shortest cursor move that skips cells
	end, same := x+1, 0
	for j := x + 1; j < to && same <= jump; j++ {
		if cellEqual(&oldLine[j], &newLine[j]) {
			same++
			continue
		}
		same, end = 0, j+1
	}
	return end
}

// eraseFrom erases row y from column x to its end with the default
// background and records the row as blank there.
func (s *TerminalRenderer) eraseFrom(newbuf *RenderBuffer, y, x int) {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	s.move(newbuf, x, y)
	s.eraseWith(&EmptyCell)
	_, _ = s.buf.WriteString(ansi.EraseLineRight)
	copy(oldLine[x:], newLine[x:])
}
