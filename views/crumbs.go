package views

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// crumbSep separates the steps of a breadcrumb.
const crumbSep = " › "

// Crumbs is the header line of a stacked screen: the path from the pane's
// list to the screen on top ("Notifications › post by @quill_bot ›
// @quill_bot"), the last step in the title style, and hints on the right.
// When the path does not fit, it loses its first steps (an ellipsis stands
// for them), so what is on screen always shows.
func Crumbs(path []string, hints string, width int, title, muted, faint lipgloss.Style) string {
	if len(path) == 0 {
		return Spread("", faint.Render(hints), width)
	}
	room := width
	if hints != "" {
		room -= ansi.StringWidth(hints) + 1
	}
	last := path[len(path)-1]
	steps := path[:len(path)-1]
	used := ansi.StringWidth(last)
	first := len(steps)
	for first > 0 && used+ansi.StringWidth(steps[first-1])+len(crumbSep) <= room {
		first--
		used += ansi.StringWidth(steps[first]) + len(crumbSep)
	}
	var b strings.Builder
	if first > 0 {
		b.WriteString(faint.Render("…" + crumbSep))
	}
	for _, s := range steps[first:] {
		b.WriteString(muted.Render(s))
		b.WriteString(faint.Render(crumbSep))
	}
	b.WriteString(title.Render(last))
	line := b.String()
	if hints == "" || ansi.StringWidth(line)+1+ansi.StringWidth(hints) > width {
		return Truncate(line, width)
	}
	return Spread(line, faint.Render(hints), width)
}
