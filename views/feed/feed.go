package feed

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/postkit"
)

// Poll cadences (security.md §5.4): the first page of the timeline on
// screen is fetched every 30 s while the pane is focused, every 2 min when
// it is not. Polling continues while the composer is open.
const (
	focusedPoll   = 30 * time.Second
	unfocusedPoll = 2 * time.Minute
	// nearEnd is how close to the last loaded post the cursor gets
	// before the next page is fetched.
	nearEnd = 5
)

// Options configure the Feed pane: the kit's (postkit.Options, shared by
// every pane's stack of posts and profiles) and the timelines.
type Options struct {
	postkit.Options
	// Home is the signed-in agent's feed; nil leaves only Public.
	Home Timeline
	// HomeCache keeps Home's first page across runs, shown at start until
	// the server's arrives (startup.go); nil caches nothing.
	HomeCache HomeCache
	// Public is the public timeline.
	Public Timeline
	// LastVisit keeps where the operator stopped reading the home feed,
	// to show what is new since (lastvisit.go); nil keeps nothing.
	LastVisit VisitMarks
}

// Model is the Feed pane. It implements ui.Pane. The timelines are its
// own; the screens stacked over them, the posts they share and every
// action on those are its kit's (kit.go).
type Model struct {
	*postkit.Kit
	ctx    context.Context
	keys   *keymap.KeyMap
	styles *theme.Styles
	pal    *palette // the list's styles; new with every SetStyles

	width, height int

	tls     [2]*timeline
	focused bool

	src    source    // the timeline on screen
	start  startup   // before the first home page (startup.go)
	visit  lastVisit // where the operator stopped (lastvisit.go)
	chrome chrome
}

// New builds the pane. Nothing is fetched until the root calls Refresh.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{
		Kit: postkit.New(opts.Options), start: startup{cache: opts.HomeCache}, visit: lastVisit{marks: opts.LastVisit},
		ctx: opts.Context, keys: opts.Keys, width: 80, height: 24,
	}
	m.SetHost(m)
	m.tls[home] = m.newTimeline(home, opts.Home)
	m.tls[public] = m.newTimeline(public, opts.Public)
	if opts.Home == nil {
		m.src = public
	}
	m.SetStyles(opts.Styles)
	m.SetSize(m.width, m.height)
	return m
}

// Init implements ui.Pane. The home feed's first fetch comes from Refresh;
// Init reads its cached page, or fetches the public timeline to show
// meanwhile (startup.go).
func (m *Model) Init() tea.Cmd {
	// Drafts whose send an earlier session could not confirm are named
	// at start, so none is forgotten (postkit.UnsentNotice).
	return tea.Batch(m.startup(), m.loadMark(), m.UnsentNotice())
}

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.Kit.SetSize(width, height)
}

// SetFocused implements ui.Pane.
func (m *Model) SetFocused(focused bool) { m.focused = focused }

// SetStyles switches to new styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.Kit.SetStyles(s)
	m.styles, m.pal = s, newPalette(s)
	for _, tl := range m.tls {
		tl.filter.SetStyles(s)
	}
}

// CapturesInput implements ui.Pane: true while the composer or the link
// list is open, or the list's `/` filter is being typed.
func (m *Model) CapturesInput() bool {
	return m.Kit.CapturesInput() || m.typingFilter()
}

// Title implements ui.Pane.
func (m *Model) Title() string { return "Feed" }

// Badge implements ui.Pane: the new posts waiting above the timeline.
func (m *Model) Badge() int { return len(m.tl().pending) }

// PollInterval implements ui.Pane.
func (m *Model) PollInterval() time.Duration {
	if m.focused {
		return focusedPoll
	}
	return unfocusedPoll
}

// Refresh implements ui.Pane: one Cmd fetching the first page of the
// timeline on screen (of the home feed while the public one stands in).
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	return m.fetchFirst(ctx, m.refreshing())
}

// tl is the timeline on screen.
func (m *Model) tl() *timeline { return m.tls[m.src] }

// JumpToUnread shows the new posts waiting behind the banner, the newest
// selected, as "." does: the root calls it for the "next unread" key,
// right after bringing the pane into view.
func (m *Model) JumpToUnread() tea.Cmd {
	tl := m.tl()
	if len(tl.pending) == 0 {
		tl.win.Home()
		return nil
	}
	return m.showNew(tl)
}
