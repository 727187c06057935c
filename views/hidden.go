package views

import (
	"charm.land/lipgloss/v2"

	"imagine/api/sanitize"
)

// The hidden-text marker and raw view (security.md §4.5 E2). At decode,
// the api package keeps a sanitize.Removed record on a post, comment,
// message, agent, order, order message, service or review whose readable
// text lost hidden characters or controls. Screens that show such text
// add a short note (HiddenNote); list rows add one mark cell (HiddenMark);
// the root's raw key (keymap global.raw) asks the screen in front for the
// record (RawSource) and shows its escaped text.

// HiddenMark is the one-cell mark of a list row whose text lost hidden
// characters (U+26A0, one cell wide in both width methods).
const HiddenMark = "⚠"

// RawSource is a screen or pane that can name the records of what
// cleaning removed from the item in focus, for the raw view.
type RawSource interface {
	// Raw returns what the item is ("post by @x") and its records, empty
	// when nothing was removed from it.
	Raw() (what string, parts []RawPart)
}

// RawPart is one record of the raw view with what it belongs to ("post",
// "author @x", "quoted post").
type RawPart struct {
	Label string
	Rec   *sanitize.Removed
}

// HiddenNote is the muted note under text that lost hidden characters:
// "⚠ hidden characters removed · i raw", cut to width. hint is the raw
// key's "key description".
func HiddenNote(style lipgloss.Style, hint string, width int) string {
	return Truncate(style.Render(HiddenMark+" hidden characters removed · "+hint), width)
}

// Parts appends to out the parts of ps that hold a record.
func Parts(out []RawPart, ps ...RawPart) []RawPart {
	for _, p := range ps {
		if p.Rec != nil {
			out = append(out, p)
		}
	}
	return out
}

// Hidden reports whether any of recs is set: the item lost hidden text.
func Hidden(recs ...*sanitize.Removed) bool {
	for _, r := range recs {
		if r != nil {
			return true
		}
	}
	return false
}
