package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// The mouse. The layout rects are the hit map (navigation-patterns §6):
// the same rects the frame is drawn in decide where a click or a wheel
// turn goes, so the two cannot disagree. A click on a tab focuses its
// pane; a click or a wheel turn in the body goes to what shows there
// (the focused pane's front, or the split view's detail), with the
// coordinates made relative to that region; hidden panes never see the
// mouse. A dialog or the palette is modal: it takes the mouse first, and
// a click outside it closes nothing by accident. While a text field has
// focus the body ignores the mouse, as it ignores every key but ctrl+c:
// a wheel turn must not type j into a draft.
//
// Wheel turns are not coalesced. Each one replays a j or k through the
// pane (views.WheelKeys), which moves a Window and nothing else; Bubble
// Tea calls View after every message, but that only joins cached item
// renderings, and the frame is diffed and written once per tick (60 fps),
// so a burst of wheel events costs no more bytes than one. A tea.WithFilter
// merging consecutive wheel events would save little and needs a timer to
// flush the last ones, whose absence makes scrolling stop short (crush
// #745).

// doubleClick is how soon a second click on the same spot makes a double
// click.
const doubleClick = 400 * time.Millisecond

// wheelLines is how far a notch scrolls what scrolls by lines (help).
const wheelLines = 3

// clicker is a pane or a stacked screen the mouse works in. Coordinates
// are relative to the region the pane is drawn in.
type clicker interface {
	// Click handles a left click. double is set for the second click of
	// a double click on the same spot; opened reports that the click
	// opened something (so its second click, landing on what opened, is
	// dropped).
	Click(x, y int, double bool) (cmd tea.Cmd, opened bool)
	// Wheel scrolls by dy notches, down when positive.
	Wheel(dy int) tea.Cmd
}

// region names where on screen a mouse event happened.
type region int

const (
	regionNone region = iota
	regionTabs
	regionPane   // the focused pane's front (the list, when split)
	regionDetail // the split view's detail
)

// lastClick is the previous left click, to recognise a double click.
type lastClick struct {
	at     time.Time
	pane   PaneID
	where  region
	x, y   int
	opened bool
}

// mouseMode is the View's MouseMode: cell motion reports clicks, releases,
// drags and the wheel (not bare motion, which would wake the program on
// every pointer move); off when the config says mouse = false, leaving
// the terminal its own text selection.
func (m *Model) mouseMode() tea.MouseMode {
	if m.opts.NoMouse {
		return tea.MouseModeNone
	}
	return tea.MouseModeCellMotion
}

// mouse handles a mouse event. Releases and drags are dropped here: no
// pane uses them, and broadcast they would reach every pane.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.opts.NoMouse || m.fatal != nil || m.switcher != nil {
		return nil
	}
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			return m.click(msg.Mouse())
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			return m.wheel(msg.Mouse(), 1)
		case tea.MouseWheelUp:
			return m.wheel(msg.Mouse(), -1)
		}
	}
	return nil
}

// in reports whether the point x, y is inside r.
func (r rect) in(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// regionAt is the region at x, y and that region's rect.
func (m *Model) regionAt(x, y int) (region, rect) {
	l := m.lay
	switch {
	case l.tabs.in(x, y):
		return regionTabs, l.tabs
	case !l.body.in(x, y):
		return regionNone, rect{}
	}
	list, det := m.bodyRects()
	if det.in(x, y) {
		return regionDetail, det
	}
	if list.in(x, y) {
		return regionPane, list
	}
	return regionNone, rect{} // the rule between list and detail
}

// click handles a left click at x, y of the screen.
func (m *Model) click(p tea.Mouse) tea.Cmd {
	if m.dialog != nil || m.palette != nil || m.reportOpen() {
		return nil // modal; nothing in them is clickable yet
	}
	where, r := m.regionAt(p.X, p.Y)
	switch where {
	case regionTabs:
		if id, ok := m.tabAt(p.X - r.x); ok {
			return m.focusPane(id)
		}
		return nil
	case regionPane:
	default:
		return nil // the detail is a glance; footer and status hold nothing to click
	}
	c, wrap := m.frontClicker()
	if c == nil || m.showHelp {
		return nil
	}
	x, y := p.X-r.x, p.Y-r.y
	now := m.now()
	prev := m.lastClick
	double := !prev.at.IsZero() && now.Sub(prev.at) <= doubleClick && prev.pane == m.focus &&
		prev.where == where && prev.y == y && abs(prev.x-x) <= 1
	if double {
		// A third click starts over.
		m.lastClick = lastClick{}
		if prev.opened {
			// The first click opened the item already; this one lands on
			// what it opened, and must not act there.
			return nil
		}
	} else {
		m.lastClick = lastClick{at: now, pane: m.focus, where: where, x: x, y: y}
	}
	cmd, opened := c.Click(x, y, double)
	if !double {
		m.lastClick.opened = opened
	}
	return wrap(cmd)
}

// wheel scrolls what is under the pointer by dy notches.
func (m *Model) wheel(p tea.Mouse, dy int) tea.Cmd {
	switch {
	case m.dialog != nil, m.reportOpen():
		return nil
	case m.palette != nil:
		// Modal: the wheel moves its selection as the arrows do.
		k := "down"
		if dy < 0 {
			k = "up"
		}
		return m.paletteKey(keymap.Press(k))
	}
	where, _ := m.regionAt(p.X, p.Y)
	switch where {
	case regionDetail:
		return m.wheelDetail(dy)
	case regionPane:
	default:
		return nil
	}
	if m.showHelp {
		m.scrollHelp(dy * wheelLines)
		return nil
	}
	c, wrap := m.frontClicker()
	if c == nil {
		return nil
	}
	return wrap(c.Wheel(dy))
}

// frontClicker is what the mouse works in on the focused pane (the screen
// stacked over it, or the pane) and how its Cmds are addressed; nil when
// it has no mouse support or a text field has focus.
func (m *Model) frontClicker() (clicker, func(tea.Cmd) tea.Cmd) {
	if f := m.front(); f == nil || f.CapturesInput() {
		return nil, nil
	}
	if s := m.stacked(); s != nil {
		c, _ := s.(clicker)
		id := m.focus
		_, sid := m.stacks[id].Top()
		return c, func(cmd tea.Cmd) tea.Cmd { return m.wrapForScreen(id, sid, cmd) }
	}
	c, _ := m.focusedPane().(clicker)
	return c, func(cmd tea.Cmd) tea.Cmd { return cmd }
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
