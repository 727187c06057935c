package postkit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is a view pushed over the list: a post, a profile, an agents
// list, a hashtag's posts, the Media screen. Each kind answers for itself
// what the Model asks of whatever is on top, so the Model does not switch
// over the kinds, and a kind can move to a package of its own.
type screen interface {
	// screenID identifies it, so a late result finds it (or not).
	screenID() int
	// crumb names it in the breadcrumb.
	crumb() string
	// key handles a key (the composer and the link list took theirs).
	key(m *Kit, msg tea.KeyPressMsg) tea.Cmd
	// lines draws it, its breadcrumb line first, m.height lines at most.
	lines(m *Kit) []string
	shortHelp(m *Kit) []key.Binding
	fullHelp(m *Kit) [][]key.Binding
	// click is a click at row y of it: whether it hit an item, whether
	// that opens it (enter), and a Cmd (the next page).
	click(m *Kit, y int, double bool) (hit, open bool, cmd tea.Cmd)
	// linkTexts are the texts whose links o lists.
	linkTexts(m *Kit) []string
	// address is the web address y copies, or "".
	address(m *Kit) string
	// update takes the results of the screen's own Cmds (each carries the
	// screen's ID) and the kit's events (events.go); it ignores the rest.
	update(m *Kit, msg tea.Msg) tea.Cmd
	// holds reports whether the screen shows e, which the kit then keeps.
	holds(e *Entry) bool
	// closed reports that the screen has nothing left to show (its post
	// was deleted); the kit drops it.
	closed() bool
	// release cancels what the screen still waits for once it is popped,
	// and lets go of the posts only it held.
	release(m *Kit)
}
