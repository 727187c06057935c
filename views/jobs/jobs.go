package jobs

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

const (
	// fastPoll is the cadence while a job is active: a stage change on the
	// server is on screen within 3 s.
	fastPoll = 2500 * time.Millisecond
	// idlePoll is the cadence when nothing is active: jobs started
	// elsewhere still show up, at two requests a minute.
	idlePoll = 30 * time.Second
	// spinEvery is the spinner's frame time; it runs only while a job is
	// active and the pane is on screen. Once a second, with the elapsed
	// clock beside it, so a running job rewrites one short span a second
	// (issue 7: at most 60 B/s per visible job over SSH).
	spinEvery = time.Second
	// historyPage is the size of a history page.
	historyPage = 20
	// nearEnd is how close to the last history row the cursor gets before
	// the next page is fetched.
	nearEnd = 5
)

// view is the screen the pane shows.
type view int

const (
	viewLive view = iota
	viewHistory
	viewServices
)

// Options configure the Jobs pane.
type Options struct {
	// Context is the program's context; every request derives from it.
	Context context.Context
	// Generate is the generation API (*api.GenerateService); nil shows
	// that generation is not available.
	Generate Generator
	// Services is the connected-services API (*api.ServicesService).
	Services Services
	// Keys are the shared key map; nil means keymap.Default().
	Keys *keymap.KeyMap
	// Styles are the shared styles; nil means the dark default.
	Styles *theme.Styles
	// Now is the clock for elapsed and relative times; nil means time.Now.
	Now func() time.Time
	// DraftDir keeps the generation form's prompt across a quit
	// (draftfile.go); "" keeps it in memory only.
	DraftDir string
}

// Model is the Jobs pane. It implements ui.Pane.
type Model struct {
	ctx    context.Context
	gen    Generator
	svc    Services
	keys   *keymap.KeyMap
	styles *theme.Styles
	pal    *palette
	gut    views.Gutter // marks the selected block or row
	huhSt  *huh.Styles
	// clock is the real clock; shown is the instant elapsed and relative
	// times are measured from. shown moves on input, on real changes and
	// on spinner frames (only while a job is active), so an idle screen
	// stays identical between polls.
	clock func() time.Time
	// draftDir holds generation.json, the form's prompt kept across a quit.
	draftDir string
	shown    time.Time
	// after schedules msg after d (tea.Tick); tests replace it to fire
	// ticks by hand.
	after func(d time.Duration, msg tea.Msg) tea.Cmd

	width, height int
	focused       bool
	screen        view

	jobs  store
	sel   int          // the selected live job
	win   views.Window // scroll position over rows of job blocks
	live  views.Filter // the live jobs' `/` filter (filter.go)
	err   error        // the last poll's error, if it failed
	force bool         // the next Refresh reloads the open view's data too
	// banner is a refusal or failure shown under the header until the
	// next key press.
	banner      string
	bannerLevel views.Level
	// jobView is the open detail of a running job (detail.go), nil on the
	// list.
	jobView *detailView

	// pollSeq numbers fetches; results older than floorSeq are dropped
	// (they predate an action that changed the jobs).
	pollSeq, floorSeq int
	// bridging is set after a start or retry until the root polls again:
	// the pane fetches by itself every fastPoll meanwhile.
	bridging  bool
	bridgeGen int

	spinning bool
	spinGen  int
	frame    int

	// Attention: alerts counts finished jobs since start; unseen are the
	// ones finished while the pane was not on screen; last is the newest
	// finished job, for NotifyText; jumpTo is the newest unseen one at the
	// moment the pane came on screen.
	alerts int
	unseen map[string]bool
	last   *finished
	jumpTo string

	hist history
	svcs services

	form    *genForm
	keyForm *keyForm
	formSeq int
	// catalog keeps the models (and voices) read for a provider and
	// type, by "PROVIDER/type": they are the provider's fixed lists, so
	// the next form shows them at once instead of reading them again.
	catalog map[string]catalogEntry
	// draft is what a generation that the server refused held, offered
	// again by the next n.
	draft *genDraft
}

// finished is a job that finished in the pane's sight.
type finished struct {
	id, genType, status, prompt, errMsg string
	at                                  time.Time
}

// New builds the pane. Nothing is fetched until the root calls Refresh.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{
		draftDir: opts.DraftDir,
		ctx:      opts.Context,
		gen:      opts.Generate,
		svc:      opts.Services,
		keys:     opts.Keys,
		clock:    opts.Now,
		shown:    opts.Now(),
		after:    tick,
		jobs:     newStore(),
		unseen:   map[string]bool{},
		svcs:     newServices(),
		live:     views.NewFilter(opts.Styles, opts.Keys.List),
	}
	m.hist.filter = views.NewFilter(opts.Styles, opts.Keys.List)
	m.SetStyles(opts.Styles)
	m.SetSize(80, 24)
	return m
}

// tick is the real scheduler behind Model.after.
func tick(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Init implements ui.Pane. The first fetch comes from Refresh.
func (m *Model) Init() tea.Cmd { return m.loadDraftFile() }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 6)
	m.sizeForms()
	m.fixWindow()
	if m.jobView != nil {
		m.jobView.screen.SetSize(m.width, m.height)
	}
}

// SetFocused implements ui.Pane. Coming on screen marks the finished jobs
// seen (the newest of them stays the target of JumpToUnread) and brings
// relative times up to date.
func (m *Model) SetFocused(focused bool) {
	if focused && !m.focused {
		m.touch()
		if id := m.newestUnseen(); id != "" {
			m.jumpTo = id
		}
		clear(m.unseen)
	}
	m.focused = focused
}

// SetStyles switches to new styles.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	m.huhSt = views.FormStyles(s)
	m.live.SetStyles(s)
	m.hist.filter.SetStyles(s)
	if m.jobView != nil {
		m.jobView.screen.SetStyles(s)
	}
}

// CapturesInput implements ui.Pane: true while a form is open or a `/`
// filter is typed, so every key but ctrl+c reaches it.
func (m *Model) CapturesInput() bool { return m.form != nil || m.keyForm != nil || m.filterTyping() }

// Title implements ui.Pane.
func (m *Model) Title() string { return "Jobs" }

// Badge implements ui.Pane: the jobs running plus the finished ones not
// seen yet.
func (m *Model) Badge() int { return m.jobs.activeCount() + len(m.unseen) }

// Alerts counts the jobs that finished (completed or failed) in the pane's
// sight since start. It only grows; the root tells the terminal when it
// does while the operator looks elsewhere.
func (m *Model) Alerts() int { return m.alerts }

// PollInterval implements ui.Pane: 2 s while a job is active, else 30 s.
func (m *Model) PollInterval() time.Duration {
	switch {
	case m.gen == nil:
		return 0
	case m.jobs.activeCount() > 0:
		return fastPoll
	}
	return idlePoll
}

// ForceRefresh makes the next Refresh also reload the history or the
// services when their view is open. The root calls it before Refresh on a
// manual refresh (r).
func (m *Model) ForceRefresh() { m.force = true }

// touch moves the instant elapsed and relative times are measured from
// to now.
func (m *Model) touch() { m.shown = m.clock() }
