package media

import (
	"image"
	"image/color"
	"strconv"
	"strings"
)

// Preview size in cells: about 24 columns, at most 12 rows (24 pixels
// tall, as each half-block cell holds two pixels).
const (
	PreviewCols = 24
	PreviewRows = 12
)

// opaque is the alpha from which a pixel is drawn; below it the terminal's
// own background shows through.
const opaque = 128

// HalfBlocks draws img in at most cols cells wide and maxRows rows tall,
// keeping its aspect ratio (a cell is about twice as tall as wide, so the
// upper and lower half of each cell are one square pixel each). Every line
// is exactly as wide as the image came out (at most cols) and ends with a
// reset. The only escape sequences in the result are our own SGR colour
// codes: 38;2 and 48;2 (truecolour; Bubble Tea lowers them to the
// terminal's profile), 49 (default background) and the reset.
func HalfBlocks(img image.Image, cols, maxRows int) []string {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	if sw <= 0 || sh <= 0 || cols <= 0 || maxRows <= 0 {
		return nil
	}
	w, h := fitPixels(sw, sh, cols, maxRows)
	px := func(x, y int) color.NRGBA {
		x0, x1 := b.Min.X+x*sw/w, b.Min.X+max((x+1)*sw/w, x*sw/w+1)
		y0, y1 := b.Min.Y+y*sh/h, b.Min.Y+max((y+1)*sh/h, y*sh/h+1)
		return average(img, x0, y0, x1, y1, 8)
	}
	rows := (h + 1) / 2
	out := make([]string, 0, rows)
	for row := range rows {
		var sb strings.Builder
		var pen pen
		for x := range w {
			top := px(x, 2*row)
			bottom := color.NRGBA{}
			if 2*row+1 < h {
				bottom = px(x, 2*row+1)
			}
			pen.cell(&sb, top, bottom)
		}
		sb.WriteString("\x1b[m")
		out = append(out, sb.String())
	}
	return out
}

// fitPixels is the size in half-block pixels (one cell wide, half a cell
// tall) of an sw×sh image drawn in at most cols×maxRows cells: cols wide,
// or maxRows*2 tall, whichever binds, never enlarged. Kitty placements use
// the same grid, so both kinds of preview take the same room.
func fitPixels(sw, sh, cols, maxRows int) (w, h int) {
	w = min(cols, sw)
	h = max((sh*w+sw/2)/sw, 1)
	if h > maxRows*2 {
		h = maxRows * 2
		w = max(min((sw*h+sh/2)/sh, cols), 1)
	}
	return w, h
}

// pen tracks the colours set on the line so far, to emit a change only
// when the next cell needs one.
type pen struct {
	fg, bg       color.NRGBA
	hasFg, hasBg bool
}

// cell writes one cell with top as the upper pixel and bottom as the lower.
func (p *pen) cell(sb *strings.Builder, top, bottom color.NRGBA) {
	t, bo := top.A >= opaque, bottom.A >= opaque
	switch {
	case t && bo:
		p.setFg(sb, top)
		p.setBg(sb, bottom)
		sb.WriteString("▀")
	case t:
		p.setFg(sb, top)
		p.clearBg(sb)
		sb.WriteString("▀")
	case bo:
		p.setFg(sb, bottom)
		p.clearBg(sb)
		sb.WriteString("▄")
	default:
		p.clearBg(sb)
		sb.WriteByte(' ')
	}
}

func (p *pen) setFg(sb *strings.Builder, c color.NRGBA) {
	c.A = 255
	if p.hasFg && p.fg == c {
		return
	}
	p.fg, p.hasFg = c, true
	sgr(sb, "38", c)
}

func (p *pen) setBg(sb *strings.Builder, c color.NRGBA) {
	c.A = 255
	if p.hasBg && p.bg == c {
		return
	}
	p.bg, p.hasBg = c, true
	sgr(sb, "48", c)
}

// clearBg returns to the terminal's background (49). A fresh line starts
// there already, so nothing is written until a background was set.
func (p *pen) clearBg(sb *strings.Builder) {
	if !p.hasBg {
		return
	}
	p.hasBg = false
	sb.WriteString("\x1b[49m")
}

// sgr writes ESC [ which;2;r;g;b m.
func sgr(sb *strings.Builder, which string, c color.NRGBA) {
	sb.WriteString("\x1b[")
	sb.WriteString(which)
	sb.WriteString(";2;")
	sb.WriteString(strconv.Itoa(int(c.R)))
	sb.WriteByte(';')
	sb.WriteString(strconv.Itoa(int(c.G)))
	sb.WriteByte(';')
	sb.WriteString(strconv.Itoa(int(c.B)))
	sb.WriteByte('m')
}
