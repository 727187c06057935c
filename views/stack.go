package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is what a pane's stack holds: something opened over a pane (a
// post, a profile, a conversation), or a group of such screens that
// stacks further screens of its own kind itself (a Feed model with no
// timelines holds posts, profiles and hashtags). A pane gets stacked
// screens by having the root keep a Stack for it; the screen kinds are
// made by the root's Options, so no pane imports another.
type Screen interface {
	// Update handles a key or a result of the screen's own Cmds.
	Update(msg tea.Msg) tea.Cmd
	// View draws the screen, its breadcrumb line first, in the size
	// given by SetSize.
	View() string
	SetSize(width, height int)
	// CapturesInput reports a text field with focus (global keys then
	// go to the screen).
	CapturesInput() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Depth is how many screens it shows: 1 for a single screen, more
	// for a group, 0 once it has closed (esc), when its stack drops it.
	Depth() int
	// Crumbs are the breadcrumb steps of what it shows, one per screen
	// ("post by @x", "@x").
	Crumbs() []string
	// SetTrail gives it the steps of what lies under it, from the pane's
	// name on, which its breadcrumb shows before its own.
	SetTrail(trail []string)
}

// Opener is a screen that opens some of the Open*Msg requests itself,
// stacking them inside it (a group): the root hands such a request to
// the top screen when it Opens it, and pushes a new screen otherwise.
type Opener interface {
	Opens(msg tea.Msg) bool
}

// Pathed is a pane with screens of its own (the Feed pane's posts, a
// Messages conversation, a Market order or service, an Explore Byte):
// Path is the breadcrumb of what it shows, from its list's name on, under
// which a screen pushed over it is drawn.
type Pathed interface {
	Path() []string
}

// Stack is a pane's stack of screens, bottom first. Each screen pushed
// gets an ID, which the owner puts on the screen's Cmd results so that
// they reach that screen alone (Deliver) and are dropped once it is gone.
// The base, when set, is the pane's own group of screens: it stays at the
// bottom even with nothing to show, with ID 0, so what it holds (posts
// already fetched, actions in flight) lives as long as the pane.
type Stack struct {
	screens []stacked
	base    Screen
	next    int
	trail   []string
}

// stacked is a screen with its ID.
type stacked struct {
	id int
	s  Screen
}

// SetBase makes sc the bottom of the stack, with ID 0.
func (s *Stack) SetBase(sc Screen, trail []string) {
	s.base = sc
	s.trail = trail
	sc.SetTrail(trail)
	s.screens = append([]stacked{{id: 0, s: sc}}, s.screens...)
}

// Reroot gives a stack that shows nothing the breadcrumb of what its
// pane shows now: the pane may have moved on since its base was set (a
// conversation opened in Messages), and the next screen is opened from
// there. A stack that shows something keeps its trail.
func (s *Stack) Reroot(trail []string) {
	if s.Shows() {
		return
	}
	s.trail = trail
	if s.base != nil {
		s.base.SetTrail(trail)
	}
}

// Base is the screen set by SetBase, or nil.
func (s *Stack) Base() Screen { return s.base }

// Push puts sc on top and returns its ID; trail is the breadcrumb of the
// pane under the stack, used when the stack is empty.
func (s *Stack) Push(sc Screen, trail []string) int {
	if len(s.screens) == 0 {
		s.trail = trail
	}
	s.next++
	sc.SetTrail(s.Trail())
	s.screens = append(s.screens, stacked{id: s.next, s: sc})
	return s.next
}

// Trail is the breadcrumb of everything in the stack: what a screen
// pushed now would be drawn under.
func (s *Stack) Trail() []string {
	out := append([]string(nil), s.trail...)
	for _, e := range s.screens {
		out = append(out, e.s.Crumbs()...)
	}
	return out
}

// Top is the screen on top and its ID; nil when the stack shows nothing.
func (s *Stack) Top() (Screen, int) {
	if len(s.screens) == 0 {
		return nil, 0
	}
	e := s.screens[len(s.screens)-1]
	return e.s, e.id
}

// Shows reports whether a screen shows over the pane.
func (s *Stack) Shows() bool {
	top, _ := s.Top()
	return top != nil && top.Depth() > 0
}

// Update hands msg to the top screen and drops the screens closed by it.
// It returns the top screen's ID, for the owner to address the Cmd.
func (s *Stack) Update(msg tea.Msg) (tea.Cmd, int) {
	top, id := s.Top()
	if top == nil {
		return nil, 0
	}
	cmd := top.Update(msg)
	s.prune()
	return cmd, id
}

// Deliver hands msg to screen id if it is still in the stack; a result
// for a screen gone is dropped.
func (s *Stack) Deliver(id int, msg tea.Msg) tea.Cmd {
	for _, e := range s.screens {
		if e.id == id {
			cmd := e.s.Update(msg)
			s.prune()
			return cmd
		}
	}
	return nil
}

// prune drops the closed screens from the top, but never the base.
func (s *Stack) prune() {
	for n := len(s.screens); n > 0; n = len(s.screens) {
		e := s.screens[n-1]
		if e.s.Depth() > 0 || (e.id == 0 && e.s == s.base) {
			return
		}
		s.screens = s.screens[:n-1]
	}
}

// IDs are the IDs of the screens held, bottom first, for the owner to
// Deliver news to each of them.
func (s *Stack) IDs() []int {
	ids := make([]int, len(s.screens))
	for i, e := range s.screens {
		ids[i] = e.id
	}
	return ids
}

// Each calls f on every screen, bottom first (to resize or restyle them).
func (s *Stack) Each(f func(Screen)) {
	for _, e := range s.screens {
		f(e.s)
	}
}
