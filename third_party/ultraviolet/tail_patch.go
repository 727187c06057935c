package uv

import "github.com/charmbracelet/x/ansi"

// imagine's patch: the stretches of a drift-prone row between and after
// its drift-prone cells are diffed.
//
// A paint reaches the cell after a drift-prone cell with an absolute move
// (CHA) when a stretch of text follows it (see [anchorsOf] and
// [TerminalRenderer.writeErasedRow]), so every cell of that stretch sits
// where the model says under any width model, as the cells left of the
// first drift-prone cell do (narrow_patch.go). When a frame keeps a row's
// drift-prone cells where they were and changes only text around them
// (the split view's detail beside an emoji in the list, with an emoji of
// its own), each anchored stretch is diffed like any row instead of
// repainting everything from the first emoji on. A terminal that measures
// a glyph narrower than the model shows a blank after it rather than
// pulling the rest of the row left, so a column (the split view's rule)
// stays straight.

// anchorGap is the shortest stretch of cells after a drift-prone cell,
// before the next one, that a paint reaches with an absolute move. A
// shorter stretch (between two emoji a word apart) follows its glyph
// relatively: the move would cost more than it could save. The stretch
// after a row's last drift-prone cell is always anchored.
const anchorGap = 8

// anchorsOf lists, left to right, the columns of line that a paint
// reaches with an absolute move: each just right of a drift-prone cell
// (see [cellDrifts]) that the row's last drift-prone cell or a stretch of
// at least anchorGap other cells follows. It depends only on where the
// drift-prone cells are, so two lines with the same ones share it.
func anchorsOf(m ansi.Method, line Line) []int {
	var anchors []int
	end := -1 // the column after the last drift-prone cell seen
	for i := 0; i < len(line); i++ {
		c := line.At(i)
		if !cellDrifts(m, c) {
			continue
		}
		if end >= 0 && i-end >= anchorGap {
			anchors = append(anchors, end)
		}
		end = i + c.Width
	}
	if end >= 0 {
		anchors = append(anchors, end)
	}
	return anchors
}

// patchStretches brings row y up to date as far as its stretches allow
// and reports where the rest must be repainted from, or done when nothing
// is left. The row must be drift-prone, with its narrow part (left of
// column d, its first drift-prone cell) already up to date; blankFrom is
// where the new row turns blank to its end.
//
// A stretch runs from just right of a drift-prone cell to the next one
// (or the row's end). One that changed is written in place when the old
// paint and the new one both reach it with an absolute move; the row is
// repainted from the first change after the last such column, before the
// first drift-prone cell that changed or the first changed stretch that is
// not anchored.
func (s *TerminalRenderer) patchStretches(newbuf *RenderBuffer, y, d, blankFrom int) (from int, done bool) {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	oldAnchors, newAnchors := anchorsOf(s.method, oldLine), anchorsOf(s.method, newLine)
	drifts := func(x int) bool { return cellDrifts(s.method, &oldLine[x]) || cellDrifts(s.method, &newLine[x]) }
	// [from, fromEnd) is the last anchored stretch seen; it is written
	// (when it changed) once the next anchor shows that no repaint will
	// start in it.
	from, fromEnd, changed := d, d, false
	x := d
	for x < len(newLine) {
		if drifts(x) {
			if !cellEqual(&oldLine[x], &newLine[x]) {
				break
			}
			x += max(newLine[x].Width, 1)
			continue
		}
		to := x
		for to < len(newLine) && !drifts(to) {
			to++
		}
		anchored := isAnchor(oldAnchors, x) && isAnchor(newAnchors, x)
		if anchored {
			if changed {
				s.writeStretch(newbuf, y, from, fromEnd, blankFrom)
			}
			from, fromEnd, changed = x, to, false
		}
		if !linesEqual(oldLine[x:to], newLine[x:to]) {
			if !anchored {
				break
			}
			changed = true
		}
		x = to
	}
	if x < len(newLine) {
		// Up to the end of its anchored stretch, the row is where the
		// model says: the repaint starts at the first change there.
		for from < fromEnd && cellEqual(&oldLine[from], &newLine[from]) {
			from++
		}
		return from, false
	}
	if changed {
		s.writeStretch(newbuf, y, from, fromEnd, blankFrom)
	}
	return len(newLine), true
}

// writeStretch writes the changed cells of the stretch [from, to) of row
// y (see [TerminalRenderer.patchStretches]); the row's last stretch ends
// with an erase where the row turns blank, from blankFrom on. The moves
// start from a column the terminal agrees on: never from the cursor left
// adrift by an earlier row's repaint, and never by writing the drift-prone
// cells over (relativeCursorMove).
func (s *TerminalRenderer) writeStretch(newbuf *RenderBuffer, y, from, to, blankFrom int) {
	oldLine, newLine := s.curbuf.Line(y), newbuf.Line(y)
	s.writeChanged(newbuf, y, from, min(to, max(blankFrom, from)))
	if to == len(newLine) && !linesEqual(oldLine[blankFrom:], newLine[blankFrom:]) {
		s.eraseFrom(newbuf, y, blankFrom)
	}
}

// isAnchor reports whether x is one of anchors.
func isAnchor(anchors []int, x int) bool {
	for _, a := range anchors {
		if a == x {
			return true
		}
	}
	return false
}

// writeErasedRow writes the cells of newLine from column from to last (its
// last cell that is not blank) on a row just erased from from with blank.
// Each column of [anchorsOf] right of from is reached by an absolute move
// (see above), and a run of cells that look like blank, longer than a
// cursor move, is stepped over rather than written. Where no anchor is
// due the step is relative, which lands where writing the blanks would
// have on any terminal.
func (s *TerminalRenderer) writeErasedRow(newbuf *RenderBuffer, newLine Line, from, last int, blank *Cell) {
	anchors := anchorsOf(s.method, newLine)
	for len(anchors) > 0 && anchors[0] <= from {
		anchors = anchors[1:]
	}
	anchor := func(x int) {
		_, _ = s.buf.WriteString(ansi.CursorHorizontalAbsolute(x + 1))
		s.cur.X = x
		s.atPhantom = false
	}
	for x := from; x <= last; {
		if n := blankRun(newLine, x, last, blank); n > len(ansi.CursorForward(n)) {
			due := false
			for len(anchors) > 0 && anchors[0] <= x+n {
				anchors, due = anchors[1:], true
			}
			if due {
				anchor(x + n)
			} else {
				_, _ = s.buf.WriteString(ansi.CursorForward(n))
				s.cur.X = x + n
			}
			x += n
			continue
		}
		if len(anchors) > 0 && x == anchors[0] {
			anchors = anchors[1:]
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
