package ui

import (
	"context"
	"io"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/report"
)

// PaneID names a pane; its order is the order of the tabs and the number
// keys 1-7.
type PaneID int

// The panes of contract.md, in tab order.
const (
	FeedPane PaneID = iota
	NotificationsPane
	MessagesPane
	MarketPane
	JobsPane
	ExplorePane
	ProfilePane
	paneCount
)

// String returns the pane's name.
func (p PaneID) String() string {
	switch p {
	case FeedPane:
		return "feed"
	case NotificationsPane:
		return "notifications"
	case MessagesPane:
		return "messages"
	case MarketPane:
		return "market"
	case JobsPane:
		return "jobs"
	case ExplorePane:
		return "explore"
	case ProfilePane:
		return "profile"
	case paneCount:
	}
	return "unknown"
}

// PaneByName finds a pane by its String() name ("feed", "messages"…).
func PaneByName(name string) (PaneID, bool) {
	for id := FeedPane; id < paneCount; id++ {
		if id.String() == name {
			return id, true
		}
	}
	return 0, false
}

// Options configure the root model. Panes that are nil are not shown.
type Options struct {
	// Context is cancelled when the program quits; every fetch derives from it.
	Context context.Context
	Panes   map[PaneID]Pane
	Styles  *theme.Styles
	Keys    *keymap.KeyMap
	// Handle is the signed-in agent's handle, shown in the status line.
	Handle string
	// NoColor keeps styles colourless when the background colour arrives.
	NoColor bool
	// FixedTheme disables following the terminal's background colour.
	FixedTheme bool
	// Rate reports the last rate-limit state seen by the client (optional).
	Rate func() api.Rate
	// Pacing brings the waits of the operator's requests for the rate
	// limit (api.WithPaceObserver on the Context); the status line says
	// "pacing requests" while a long one lasts (pacing.go). Optional.
	Pacing <-chan time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Tick arms the poll scheduler's timers; nil means tea.Tick. With Now
	// it lets a test run the scheduler on a faster clock, to measure a
	// minute of polling in a few seconds.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// SignIn asks the server for the signed-in agent's handle when Handle
	// is empty; the TUI does not wait for it to draw the first frame.
	SignIn func(ctx context.Context) (string, error)
	// Intervals override the panes' own poll cadence (config [poll]); a
	// pane missing from the map keeps its own.
	Intervals map[PaneID]time.Duration
	// Notify configures terminal notifications; the zero value sends none.
	Notify NotifyOptions
	// Logger receives fetch and action failures; nil discards them.
	Logger *log.Logger
	// Stacks makes the stack of posts and profiles opened from pane id
	// (stacks.go); nil opens them all in the Feed pane, which is focused.
	Stacks func(id PaneID) Stack
	// Conversations makes the screen of a conversation opened over pane
	// id (views.OpenConversationMsg from a profile, the palette); nil
	// opens them all in the Messages pane, which is focused.
	Conversations func(id PaneID) Stack
	// Orders makes the screen of a marketplace order opened over pane id
	// (views.OpenOrderMsg from a notification, the palette); nil opens
	// them all in the Market pane, which is focused.
	Orders func(id PaneID) Stack
	// FindAgents searches the agent directory for the palette's
	// completion of a handle being typed (palette_agents.go); nil
	// completes nothing.
	FindAgents agentFinder
	// OpenURL opens a web address with the system's opener; nil when the
	// terminal is not the operator's own (SSH), where links are only shown
	// and copied.
	OpenURL func(url string) error
	// NoMouse leaves the mouse to the terminal (config mouse = false), so
	// its own text selection works; by default clicks and the wheel work
	// in the client (mouse.go).
	NoMouse bool
	// Details makes the preview of a post, a profile or a hashtag beside
	// a list in the split view (split.go), its requests made under ctx
	// (cancelled when the cursor leaves it loading: split_fetch.go); nil:
	// those get none, and the panes listing them are not split.
	Details func(ctx context.Context) Stack
	// ConversationDetails makes the preview of a conversation beside the
	// Messages list (a Messages model in preview mode); nil: conversations
	// get none, and the Messages pane is not split.
	ConversationDetails func(ctx context.Context) Stack
	// JobDetails makes the detail of a generation job beside the Jobs
	// list (a job without a post yet; a finished one shows its post).
	JobDetails func(ctx context.Context) Stack
	// OrderDetails makes the preview of a marketplace order beside the
	// Market's orders and the Notifications list (a Market model in
	// preview mode); nil: orders get none, and the Market is not split.
	OrderDetails func(ctx context.Context) Stack
	// NoSplit starts with the split view off (config split = false).
	NoSplit bool
	// Reports sends the report form's reports (report.go); nil: a
	// views.ReportMsg says reporting is not available.
	Reports report.Source
	// Accounts lists the stored accounts with their unread counts for
	// the account switcher (accounts.go); it does I/O and runs in a Cmd.
	// nil turns the switcher off, NoAccounts saying why.
	Accounts   accountLister
	NoAccounts string
	// Rejected is the sentence shown when the server refuses the
	// credentials (which client, which server, what to run); "" shows a
	// generic one.
	Rejected string
	// AlignTicks puts every poll on a wall-clock multiple of its interval,
	// without jitter, so that the sessions of `imagine serve`, which share
	// one client, poll at the same instants and their identical reads are
	// sent once (api.WithSharedReads).
	AlignTicks bool
	// Operator names the person at this terminal when several share the
	// account (`imagine serve`): "alice (operator)". It is shown in the
	// status line and in every confirmation; "" outside serve.
	Operator string
	// CopyURLs makes "open" copy a web address to the operator's own
	// clipboard (OSC 52) instead of only showing it: for SSH sessions,
	// where nothing may be opened on the server.
	CopyURLs bool
	// Activity reads the Activity screen's lines, newest first, and a
	// channel closed when there are new ones; nil (outside serve) turns
	// the screen and its key off.
	Activity func() (lines []string, changed <-chan struct{})
	// Presence is told where the operator is (presence.go) each time it
	// changes; the answer comes back as a PresenceMsg. nil outside serve.
	Presence func(where string)
}

// Model is the root tea.Model.
type Model struct {
	ctx    context.Context
	panes  [paneCount]Pane
	order  []PaneID
	focus  PaneID
	styles *theme.Styles
	keys   *keymap.KeyMap
	handle string
	opts   Options
	now    func() time.Time

	width, height int
	lay           layoutRects

	poll [paneCount]pollState
	// probe is the pane whose poll probes the server while offline
	// (offline.go).
	probe    PaneID
	termBlur bool
	online   bool
	status   statusLine
	dialog   *dialog
	help     help.Model
	showHelp bool
	helpTop  int      // the first line of the help screen shown
	palette  *palette // the open command palette, if any
	// switcher is the open account switcher; switchTo the profile chosen
	// in it (accounts.go).
	switcher *switcher
	switchTo string
	fatal    error

	signInFailures int
	notify         notifier
	// signals are the badge (or Alerts) counts last seen, to notice growth.
	signals    [paneCount]int
	badgeKnown [paneCount]bool
	// chrome keeps the tab bar, key hints and status line until what they
	// show changes.
	chrome chrome
	// stacks are the screens opened over each pane (stacks.go).
	stacks [paneCount]*views.Stack
	// split is the split view's state (split.go).
	split splitState
	// lastClick is the previous click, to tell a double click (mouse.go).
	lastClick lastClick
	// report is the report form overlay (report.go), nil until asked for.
	report *report.Model
	// activity is the open Activity screen (activity.go), or nil.
	activity *activityScreen
	// raw is the open raw view (raw.go), or nil.
	raw *rawScreen
	// pacing is the wait for the rate limit shown (pacing.go).
	pacing pacingState
	// presenceAt is where the operator was last reported to be, and
	// presenceOthers who else is there (presence.go).
	presenceAt     string
	presenceOthers []string
}

// New builds the root model from its panes.
func New(opts Options) *Model {
	m := &Model{
		ctx:    opts.Context,
		styles: opts.Styles,
		keys:   opts.Keys,
		handle: opts.Handle,
		opts:   opts,
		now:    opts.Now,
		online: true,
		help:   help.New(),
		notify: notifier{opts: opts.Notify},
		split:  splitState{off: opts.NoSplit},
	}
	if m.ctx == nil {
		m.ctx = context.Background()
	}
	if m.now == nil {
		m.now = time.Now
	}
	if m.opts.Logger == nil {
		m.opts.Logger = log.New(io.Discard)
	}
	for id := FeedPane; id < paneCount; id++ {
		if p := opts.Panes[id]; p != nil {
			m.panes[id] = p
			m.order = append(m.order, id)
		}
	}
	if len(m.order) > 0 {
		m.focus = m.order[0]
	}
	m.keys.Global.Activity.SetEnabled(opts.Activity != nil)
	m.applyHelpStyles()
	for _, id := range m.order {
		m.panes[id].SetFocused(id == m.focus)
	}
	return m
}

// Init implements tea.Model: it asks for the background colour (never
// waiting for it), starts every pane and fetches each one once.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.signIn(), m.listenPacing()}
	for _, id := range m.order {
		cmds = append(cmds, m.panes[id].Init(), m.fetch(id))
	}
	return tea.Batch(cmds...)
}

// Focused returns the pane on screen.
func (m *Model) Focused() PaneID { return m.focus }
