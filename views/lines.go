package views

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Fit makes line exactly width cells wide: a longer line is cut with "…",
// a shorter one is padded with spaces drawn in pad (so a background colour
// spans the whole row).
func Fit(line string, width int, pad lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(line)
	switch {
	case w > width:
		return ansi.Truncate(line, width, "…")
	case w < width:
		return line + pad.Render(strings.Repeat(" ", width-w))
	}
	return line
}

// Truncate cuts line to at most width cells, ending with "…" when cut.
func Truncate(line string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(line) <= width {
		return line
	}
	return ansi.Truncate(line, width, "…")
}

// Spread puts left and right on one line of width cells, right-aligned,
// dropping right when both do not fit.
func Spread(left, right string, width int) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if right == "" || lw+1+rw > width {
		return Truncate(left, width)
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// Rows pads or cuts lines to exactly height rows and joins them; the pane
// frame then never jumps when content is short.
func Rows(lines []string, height int) string {
	if height <= 0 {
		return ""
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	size := height
	for _, l := range lines {
		size += len(l)
	}
	var b strings.Builder
	b.Grow(size)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	for i := len(lines); i < height; i++ {
		b.WriteByte('\n')
	}
	return b.String()
}

// Wrapped is text (plain, not yet styled) drawn in style and word-wrapped
// to width, one string a row. Guidance (an empty list's next step, a
// retry hint) is wrapped rather than cut: its end is usually the key that
// matters.
func Wrapped(style lipgloss.Style, text string, width int) []string {
	if width <= 0 {
		return nil
	}
	rows := strings.Split(ansi.Wrap(text, width, ""), "\n")
	for i, r := range rows {
		rows[i] = style.Render(r)
	}
	return rows
}
