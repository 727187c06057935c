package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// paletteRowsMax is how many rows the palette shows at most; more scroll.
const paletteRowsMax = 10

// paletteOver draws the palette over the top of the body (w x h cells,
// already fitted): the screen stays visible around and below it, so the
// operator sees what an action will act on.
func (m *Model) paletteOver(body string, w, h int) string {
	box := m.paletteBox(w, h)
	lines := strings.Split(body, "\n")
	bw := ansi.StringWidth(box[0])
	left := max((w-bw)/2, 0)
	for i, b := range box {
		y := i + min(1, h-len(box)) // a row of the screen above it, when there is room
		if y < 0 || y >= len(lines) {
			continue
		}
		bg := lines[y]
		// The reset keeps a style cut open on the left from colouring
		// the box; the right part keeps the escapes it was cut from.
		lines[y] = ansi.Truncate(bg, left, "") + "\x1b[m" + strings.Repeat(" ", max(left-ansi.StringWidth(bg), 0)) +
			b + ansi.TruncateLeft(bg, left+bw, "")
	}
	return strings.Join(lines, "\n")
}

// paletteBox draws the palette: the query, the rows with their keys, and a
// line of hints or of why the chosen row cannot run.
func (m *Model) paletteBox(w, h int) []string {
	p, s := m.palette, m.styles
	bw := min(w, 76)
	iw := max(bw-4, 1) // inside the border and a space each side
	n := min(len(p.rows), paletteRowsMax, max(h-5, 1))

	count := strconv.Itoa(len(p.actions)) + " actions"
	if p.query != "" {
		count = strconv.Itoa(len(p.rows)) + " found"
	}
	count = s.Faint.Render(count)
	input := s.Accent.Render("> ") + s.Text.Render(p.query) + s.Cursor.Render("▏")
	inner := []string{views.Spread(input, count, iw), s.Faint.Render(strings.Repeat("─", iw))}

	top := min(max(p.sel-n+1, 0), max(len(p.rows)-n, 0))
	for i := top; i < top+n; i++ {
		inner = append(inner, m.paletteLine(p.rows[i], i == p.sel, iw))
	}
	if len(p.rows) == 0 {
		inner = append(inner, s.Faint.Render("nothing matches"))
	}
	switch {
	case p.note != "":
		inner = append(inner, views.Truncate(s.Warn.Render(p.note), iw))
	case h-len(inner) >= 3:
		inner = append(inner, views.Truncate(s.Faint.Render("enter run · ↑/↓ move · esc close · @handle · text to search"), iw))
	}

	border := s.Accent
	out := []string{border.Render("╭" + strings.Repeat("─", iw+2) + "╮")}
	for _, ln := range inner {
		out = append(out, border.Render("│")+" "+views.Fit(ln, iw, lipgloss.NewStyle())+" "+border.Render("│"))
	}
	return append(out, border.Render("╰"+strings.Repeat("─", iw+2)+"╯"))
}

// paletteLine draws one row: the cursor, the title (dimmed with the
// reason when it cannot run now) and its key at the right.
func (m *Model) paletteLine(r paletteRow, sel bool, w int) string {
	s := m.styles
	gutter := "  "
	if sel {
		gutter = s.Cursor.Render("› ")
	}
	title := s.Text.Render(r.title)
	if sel {
		title = s.Bold.Render(r.title)
	}
	if r.disabled != "" {
		title = s.Faint.Render(r.title + " · " + r.disabled)
	}
	k := ""
	if r.key != "" {
		k = s.HelpKey.Render(r.key)
	}
	// The key stays whole: it is what the palette teaches.
	title = views.Truncate(title, max(w-2-ansi.StringWidth(k)-1, 1))
	return gutter + views.Spread(title, k, w-2)
}
