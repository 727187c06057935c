package uv

import "github.com/charmbracelet/x/ansi"

// imagine's patch: the part of a drift-prone row right of its last
// drift-prone cell is diffed.
//
// A repaint reaches the cell after a row's last drift-prone cell with an
// absolute move ([TerminalRenderer.repaintLine]), so that cell and every
// one after it sit where the model says under any width model, as the
// cells left of the first drift-prone cell do (narrow_patch.go). When a
// frame changes only that tail (the split view's detail right of an emoji
// in the list), the tail is diffed like any row instead of repainting
// everything from the first emoji on. A terminal that measures a glyph
// narrower than the model shows a blank after it rather than pulling the
// rest of the row left, so a column (the split view's rule) stays straight.

// driftTail is the column just right of the last drift-prone cell of line
// (see [cellDrifts]), or 0 when it has none.
func driftTail(m ansi.Method, line Line) int {
	for i := len(line) - 1; i >= 0; i-- {
		if c := line.At(i); cellDrifts(m, c) {
			return i + c.Width
		}
	}
	return 0
}

// patchTail brings row y up to date when it differs from the screen only
// right of its last drift-prone cell, and reports whether it did. The row
// must be drift-prone, with its narrow part (left of column d, its first
// drift-prone cell) already up to date; blankFrom is where the new row
// turns blank to its end.
func (s *TerminalRenderer) patchTail(newbuf *RenderBuffer, y, d, blankFrom int) bool {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	t := driftTail(s.method, newLine)
	if t <= d || t != driftTail(s.method, oldLine) || !linesEqual(oldLine[d:t], newLine[d:t]) {
		return false
	}
	// The moves in the tail start from a column the terminal agrees on:
	// never from the cursor left adrift by an earlier row's repaint, and
	// never by writing the drift-prone cells over (relativeCursorMove).
	s.writeChanged(newbuf, y, t, blankFrom)
	if !linesEqual(oldLine[blankFrom:], newLine[blankFrom:]) {
		s.eraseFrom(newbuf, y, blankFrom)
	}
	return true
}

// writeErasedRow writes the cells of newLine from column from to last (its
// last cell that is not blank) on a row just erased from from with blank.
// The cell after the row's last drift-prone cell is reached by an absolute
// move (see above), and a run of cells that look like blank, longer than a
// cursor move, is stepped over rather than written. Where no anchor is
// due the step is relative, which lands where writing the blanks would
// have on any terminal.
func (s *TerminalRenderer) writeErasedRow(newbuf *RenderBuffer, newLine Line, from, last int, blank *Cell) {
	tail := driftTail(s.method, newLine)
	anchor := func(x int) {
		_, _ = s.buf.WriteString(ansi.CursorHorizontalAbsolute(x + 1))
		s.cur.X = x
		s.atPhantom = false
	}
	for x := from; x <= last; {
		if n := blankRun(newLine, x, last, blank); n > len(ansi.CursorForward(n)) {
			if tail > from && x <= tail && tail <= x+n {
				anchor(x + n)
			} else {
				_, _ = s.buf.WriteString(ansi.CursorForward(n))
				s.cur.X = x + n
			}
			x += n
			continue
		}
		if x == tail && x > from {
			anchor(x)
		}
		s.putCell(newbuf, newLine.At(x))
		x++
	}
}

// blankRun is the number of cells of line from x on, before last, that
// look like blank.
func blankRun(line Line, x, last int, blank *Cell) int {
	n := 0
	for x+n < last && cellEqual(line.At(x+n), blank) {
		n++
	}
	return n
}
