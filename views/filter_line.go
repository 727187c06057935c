package views

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

// Line is the filter's line under the list, width cells at most:
//
//	/lighthouse fog█  12 of 480                     enter keep · esc clear
//
// the query (with a block cursor while it is typed), how many of the
// total loaded items match it, and the keys that end it. A pane whose
// list the Filter does not index (it filters its own rows) gives the
// counts with LineCounts.
func (f *Filter) Line(total, width int) string {
	return f.LineCounts(f.Len(), total, width)
}

// LineCounts is Line with the number of matches given.
func (f *Filter) LineCounts(matches, total, width int) string {
	s := f.st
	left := s.prompt.Render("/") + s.text.Render(NormalizeEmojiWidth(f.query))
	var hint string
	if f.editing {
		// A reverse-video cell: a cursor that does not blink, so an idle
		// screen writes nothing.
		left += "\x1b[7m \x1b[27m"
		hint = "enter keep · esc clear"
	} else {
		hint = f.keys.Filter.Help().Key + " edit · esc clear"
	}
	switch {
	case len(f.words) == 0:
		left += s.faint.Render("  type to filter the " + strconv.Itoa(total) + " loaded")
	case matches == 0:
		left += s.muted.Render("  no match in " + strconv.Itoa(total) + " loaded")
	default:
		left += s.muted.Render("  " + strconv.Itoa(matches) + " of " + strconv.Itoa(total))
	}
	return Spread(left, s.faint.Render(hint), width)
}

// Help is the filter's keys for a list's help: enter and esc while the
// query is typed (nothing else works then), else / and, while the filter
// is applied, esc that clears it.
func (f *Filter) Help() []key.Binding {
	k := f.keys
	switch {
	case f.editing:
		return []key.Binding{relabel(k.Open, "keep filter"), relabel(k.Back, "clear filter")}
	case f.Active():
		return []key.Binding{relabel(k.Filter, "edit filter"), relabel(k.Back, "clear filter")}
	}
	return []key.Binding{k.Filter}
}

// relabel is a copy of b with another description.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
