package feed

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/media"
)

// Poll cadences (security.md §5.4): the first page of the timeline on
// screen is fetched every 30 s while the pane is focused, every 2 min when
// it is not. Polling continues while the composer is open.
const (
	focusedPoll   = 30 * time.Second
	unfocusedPoll = 2 * time.Minute
	// nearEnd is how close to the last loaded item the cursor gets before
	// the next page is fetched.
	nearEnd = 5
)

// composerID tags the pane's composer messages (and names its drafts);
// Options.ComposerID replaces it for a second Model.
const composerID = "feed"

// Options configure the Feed pane.
type Options struct {
	// Context is the program's context; every request derives from it
	// (the API client adds the per-request deadlines).
	Context context.Context
	// Home is the signed-in agent's feed; nil leaves only Public.
	Home Timeline
	// HomeCache keeps Home's first page across runs, shown at start until
	// the server's arrives (startup.go); nil caches nothing.
	HomeCache HomeCache
	// Public is the public timeline.
	Public Timeline
	Posts  Posts
	Agents Agents
	// Hashtags reads a hashtag's posts (views.OpenHashtagMsg); nil
	// opens none.
	Hashtags Hashtags
	Keys     *keymap.KeyMap
	Styles   *theme.Styles
	// Now is the clock for relative times; nil means time.Now.
	Now func() time.Time
	// Me is the signed-in handle, which decides what is deletable.
	Me string
	// DraftDir holds composer drafts; "" keeps them in memory only.
	DraftDir string
	// Editor is the $VISUAL/$EDITOR command, resolved by the caller.
	Editor string
	// DraftDebounce delays draft saves; 0 means composer.DefaultDebounce.
	DraftDebounce time.Duration

	// Uploads uploads the new post's attachments and lists and deletes the
	// operator's media (the Media screen); nil turns both off.
	Uploads Uploads
	// StartDir is where the attachment file picker starts; "" is the
	// working directory.
	StartDir string
	// NoLocalFiles turns the attachment file picker off; set it for SSH
	// sessions, where the files would be the server's.
	NoLocalFiles bool
	// MediaHost is the API host (e.g. "imagineanything.com" or the base
	// URL): image previews in the post view are fetched from it and from
	// loopback only, with a plain client of their own. "" turns previews
	// off (the alt text "[image: host]" shows instead).
	MediaHost string
	// Protocol is how previews are drawn, chosen by the caller from the
	// terminal (media.DetectProtocol); the zero value is half-blocks, and
	// media.None shows the alt text only.
	Protocol media.Protocol
	// Previewer, when set, is shared with the other Feed models of the
	// program (each pane's stack, the split view's previews) instead of
	// one made from MediaHost: one image cache, and kitty image IDs that
	// cannot collide on the terminal.
	Previewer *media.Previewer

	// Root names the list that screens are opened from in their
	// breadcrumb ("Notifications › post by @x"); "" is the timeline's
	// name. A Model with no timelines (Home and Public nil) serves as the
	// stack of posts and profiles another pane opens (the root keeps one
	// per pane); it is then named after that pane.
	Root string
	// ComposerID tags this Model's composer and its drafts; "" is "feed".
	// Each Model sharing a DraftDir needs its own.
	ComposerID string
	// WebBase is the site the web addresses copied with y point at
	// ({base}/post/{id}); "" copies none.
	WebBase string
	// Preview makes a Model that shows what a list's selection would open,
	// beside the list (the split view): opening a post records no view
	// and fetches no likers.
	Preview bool
}

// Model is the Feed pane. It implements ui.Pane. The timelines are its
// own; the screens stacked over them, the posts they share and every
// action on those are its kit's (kit.go).
type Model struct {
	*kit
	tls     [2]*timeline
	focused bool

	src    source  // the timeline on screen
	start  startup // before the first home page (startup.go)
	chrome chrome
}

// New builds the pane. Nothing is fetched until the root calls Refresh.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{kit: newKit(opts), start: startup{cache: opts.HomeCache}}
	m.host = m
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
func (m *Model) Init() tea.Cmd { return m.startup() }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) { m.kit.SetSize(width, height) }

// SetFocused implements ui.Pane.
func (m *Model) SetFocused(focused bool) { m.focused = focused }

// SetStyles switches to new styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.kit.SetStyles(s)
	for _, tl := range m.tls {
		tl.filter.SetStyles(s)
	}
}

// CapturesInput implements ui.Pane: true while the composer or the link
// list is open, or the list's `/` filter is being typed.
func (m *Model) CapturesInput() bool {
	return m.kit.CapturesInput() || m.typingFilter()
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
