package notifications

import (
	"context"
	"imagine/views"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
)

const (
	// pollEvery is the cadence whatever the focus: the unread count is the
	// attention system, and a badge must move within 15 s of an event
	// (architecture.md §6.5).
	pollEvery = 12 * time.Second
	// staleList is how old the list may get while the pane is on screen
	// before a poll fetches it even though the count did not move (read
	// elsewhere, relative times). A moved count fetches it at once; off
	// screen it is never fetched. A minute keeps the whole client well
	// under 20 GET/min with Notifications on screen (issue 7).
	staleList = 60 * time.Second
	// nearEnd is how close to the last row the cursor gets before the next
	// page is fetched.
	nearEnd = 5
	// maxChain bounds the pages fetched one after another without a key
	// press, when a filter hides everything a page brought.
	maxChain = 3
)

// Options configure the Notifications pane.
type Options struct {
	// Context is the program's context; every request derives from it.
	Context context.Context
	// Source is the API (*api.NotificationsService); nil shows nothing.
	Source Source
	// Keys are the shared key map; nil means keymap.Default().
	Keys *keymap.KeyMap
	// Styles are the shared styles; nil means the dark default.
	Styles *theme.Styles
	// Now is the clock for relative times and list age; nil means time.Now.
	Now func() time.Time
	// WebBase is the site y's addresses point at ({base}/post/{id},
	// {base}/agent/{handle}); "" copies IDs only.
	WebBase string
}

// Model is the Notifications pane. It implements ui.Pane.
type Model struct {
	ctx    context.Context
	src    Source
	keys   *keymap.KeyMap
	styles *theme.Styles
	// clock is the real clock; shown is the instant relative times are
	// measured from. shown advances on input and on real changes only, so
	// an idle screen stays identical between polls.
	clock func() time.Time
	shown time.Time
	web   string // Options.WebBase

	width, height int
	focused       bool

	list   list
	filter filter
	// stick holds the rows shown under the current filter: they stay until
	// the filter changes, so marking a row read under "Unread" does not
	// pull the list from under the cursor.
	stick map[string]bool
	vis   []*entry // the rows the filter shows, in list order
	// query is the `/` filter over the rows the type filter shows (typed
	// of them); chosen is the row selected when typing it began.
	query    views.Filter
	typed    int
	chosen   *entry
	win      views.Window
	newAbove int // rows that arrived above the view since it was at the top

	// unread is the unread count: the server's, moved at once by local
	// marks. countKnown is false until a count arrived.
	unread     int
	countKnown bool
	// listCount is the unread count when the list was last fetched (-1:
	// never, or that fetch failed); a poll on screen whose count differs
	// fetches it, and off screen the difference makes the pane Outdated.
	listCount int
	listAt    time.Time
	force     bool // the next Refresh fetches the list whatever the count
	// jumpWanted is a JumpToUnread waiting for the list to catch up with
	// the count; a key press or leaving the screen drops it.
	jumpWanted bool
	err        error
	// markGen is bumped by every local mark and rollback; a count that was
	// asked for before the last one is not trusted.
	markGen int
	// marking counts the marks in flight per notification; the list a poll
	// brings cannot flip those back to unread.
	marking map[string]int

	pal   *palette
	gut   views.Gutter // marks the selected row
	cache renderCache
}

// New builds the pane. Nothing is fetched until the root calls Refresh.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{
		ctx:       opts.Context,
		src:       opts.Source,
		keys:      opts.Keys,
		clock:     opts.Now,
		shown:     opts.Now(),
		web:       opts.WebBase,
		list:      newList(),
		stick:     map[string]bool{},
		listCount: -1,
		marking:   map[string]int{},
		query:     views.NewFilter(nil, opts.Keys.List),
	}
	m.SetStyles(opts.Styles)
	m.SetSize(80, 24)
	return m
}

// Init implements ui.Pane. The first fetch comes from Refresh.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.fixWindow()
	// Grown taller, the list shows what was scrolled above rather than
	// empty rows under its last item.
	m.win.Fill(len(m.vis), m.bodyHeight(), m.rowHeights())
	m.newAbove = min(m.newAbove, m.win.Top)
}

// SetFocused implements ui.Pane. Coming on screen brings relative times up
// to date (the frame is redrawn then anyway).
func (m *Model) SetFocused(focused bool) {
	if focused && !m.focused {
		m.touch()
	}
	if !focused {
		m.jumpWanted = false
	}
	m.focused = focused
}

// SetStyles switches to new styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	m.cache.Clear()
	m.query.SetStyles(s)
}

// CapturesInput implements ui.Pane: true while the `/` filter is typed.
func (m *Model) CapturesInput() bool { return m.query.Editing() }

// Title implements ui.Pane.
func (m *Model) Title() string { return "Notifications" }

// Badge implements ui.Pane: the unread count from the count endpoint,
// moved at once by local marks. Until a count arrived it is the number of
// unread notifications loaded.
func (m *Model) Badge() int {
	if !m.countKnown {
		return m.list.unreadLoaded()
	}
	return max(m.unread, 0)
}

// PollInterval implements ui.Pane: 12 s whatever the focus (off screen,
// a poll is the count alone).
func (m *Model) PollInterval() time.Duration {
	if m.src == nil {
		return 0
	}
	return pollEvery
}

// ForceRefresh makes the next Refresh fetch the list whatever the count
// says. The root calls it before Refresh on a manual refresh (r).
func (m *Model) ForceRefresh() { m.force = true }

// touch moves the instant relative times are measured from to now.
func (m *Model) touch() {
	m.shown = m.clock()
	m.syncCache()
}
