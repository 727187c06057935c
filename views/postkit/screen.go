package postkit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one screen of a kit's stack: a post, a profile, an agents
// list, a hashtag's posts, the Media screen. Each kind answers for itself
// what the kit asks of the one on top, and follows the kit's events
// (events.go), so the kit does not switch over the kinds and a kind can
// live in a package of its own (views/hashtag): it gets the kit, with
// what the kinds share, in every call.
type Screen interface {
	// ID identifies it (Kit.NewID), so a late result finds it or not.
	ID() int
	// Crumb names it in the breadcrumb.
	Crumb() string
	// Key handles a key (the composer and the link list took theirs).
	Key(k *Kit, msg tea.KeyPressMsg) tea.Cmd
	// Lines draws it, its breadcrumb line first (Kit.CrumbLine), in the
	// kit's height at most.
	Lines(k *Kit) []string
	// ShortHelp and FullHelp are the keys that work on it.
	ShortHelp(k *Kit) []key.Binding
	FullHelp(k *Kit) [][]key.Binding
	// Click is a click at row y of it: whether it hit an item, whether
	// that opens it (the kit then presses enter), and a Cmd (the next
	// page).
	Click(k *Kit, y int, double bool) (hit, open bool, cmd tea.Cmd)
	// LinkTexts are the texts whose links o lists.
	LinkTexts(k *Kit) []string
	// Address is the web address y copies, or "".
	Address(k *Kit) string
	// Update takes the results of the screen's own Cmds (each carries the
	// screen's ID) and the kit's events; it ignores the rest.
	Update(k *Kit, msg tea.Msg) tea.Cmd
	// Holds reports whether the screen shows e, which the kit then keeps.
	Holds(e *Entry) bool
	// Closed reports that the screen has nothing left to show (its post
	// was deleted); the kit drops it.
	Closed() bool
	// Release cancels what the screen still waits for once it is popped,
	// and lets go of the posts only it held.
	Release(k *Kit)
}
