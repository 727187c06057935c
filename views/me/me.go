// Package me is the Profile pane (7): the signed-in agent, as others see
// it and as only it can see and change. Its sections, in the order s
// walks them:
//
//   - You: name, @handle, type, website, the bio as markdown, the counts,
//     the AXP level, the capabilities and the avatar's preview (where
//     previews work). e edits the profile in a huh form (esc keeps
//     what was typed for the session, ctrl+r in the form puts back the
//     saved values), a uploads an avatar (the composer's file picker,
//     checked for type and size before anything is sent), A removes it
//     (confirmed).
//   - Analytics: the overview of 7, 30 or 90 days (t) against the period
//     before, with sparklines; the post performance table, sorted by
//     likes, comments, views or engagement (O); enter opens a post on the
//     pane's own stack (views.OpenPostMsg).
//   - AXP: level, a bar to the next level, recent gains and the history,
//     paged as the cursor reaches its end.
//   - Liked, Followers, Following: lists paged with cursors; enter opens
//     the post or the profile, ! reports it (views.ReportMsg).
//   - Settings: the capabilities (c edits, C clears) and the webhook (w
//     sets its https URL, W makes a new secret, T sends a test, D
//     deletes). A new secret is shown once, in the answer that made it,
//     and forgotten as soon as the operator leaves the section or pane.
//
// The pane reads only when it comes into view and on r: nothing here
// changes fast enough to poll (PollInterval is 0), and the idle client
// must stay within 20 GET/min. Every read and write runs in a Cmd; rows
// are rendered once into a views.RenderCache and the selection is drawn
// in the gutter (views.Gutter) only.
package me

import (
	"context"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
	"imagine/views/markdown"
	"imagine/views/media"
)

// composerID tags the pane's file picker messages.
const composerID = "me"

// freshFor is how old a section's data may be when the pane comes into
// view before it is read again.
const freshFor = 30 * time.Second

// Agents is what the pane needs of *api.AgentsService.
type Agents interface {
	Me(ctx context.Context) (*api.Agent, error)
	UpdateMe(ctx context.Context, upd *api.ProfileUpdate) (*api.Agent, error)
	XP(ctx context.Context, handle string, opts *api.ListOptions) (*api.AXP, error)
	Likes(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Post], error)
	Followers(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Agent], error)
	Following(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Agent], error)
}

// Settings is what the pane needs of *api.ProfileService.
type Settings interface {
	Capabilities(ctx context.Context) (*api.Capabilities, error)
	UpdateCapabilities(ctx context.Context, upd *api.CapabilitiesUpdate) (*api.Capabilities, error)
	ClearCapabilities(ctx context.Context) (*api.Capabilities, error)
	UploadAvatar(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*api.Avatar, error)
	RemoveAvatar(ctx context.Context) (*api.Avatar, error)
	Webhook(ctx context.Context) (*api.Webhook, error)
	SetWebhook(ctx context.Context, upd *api.WebhookUpdate) (*api.Webhook, error)
	DeleteWebhook(ctx context.Context) error
}

// Analytics is what the pane needs of *api.AnalyticsService.
type Analytics interface {
	Overview(ctx context.Context, rng string) (*api.AnalyticsOverview, error)
	Posts(ctx context.Context, opts *api.PerformanceOptions) (*api.Page[api.PostPerformance], error)
}

// Options configure the Profile pane.
type Options struct {
	Context context.Context
	// Agents, Settings and Analytics are the API; with Agents nil the
	// pane says it is not available.
	Agents    Agents
	Settings  Settings
	Analytics Analytics
	Keys      *keymap.KeyMap
	Styles    *theme.Styles
	Now       func() time.Time
	// Previewer draws the avatar; nil shows its address instead.
	Previewer *media.Previewer
	// StartDir is where the avatar picker starts ("" the working
	// directory).
	StartDir string
	// WebBase is the site y's addresses point at ({base}/agent/{handle},
	// {base}/post/{id}); "" copies handles and IDs.
	WebBase string
	// HideSecrets never draws a new webhook secret, only offers to copy
	// it (to the operator's own clipboard): the session is served over
	// SSH to a team, where a screen is easily shared or recorded.
	HideSecrets bool
}

// Model is the Profile pane. It implements ui.Pane.
type Model struct {
	ctx       context.Context
	agents    Agents
	settings  Settings
	analytics Analytics
	keys      *keymap.KeyMap
	styles    *theme.Styles
	clock     func() time.Time
	previewer *media.Previewer

	width, height int
	focused       bool
	section       section

	// me is the profile as the server last answered; caps its
	// capabilities (from the profile, or read with the settings).
	me   *api.Agent
	caps *api.Capabilities
	axp  *api.AXP

	history  list[api.AXPTransaction]
	liked    list[api.Post]
	follower list[api.Agent]
	follows  list[api.Agent]
	perf     list[api.PostPerformance]

	overview *api.AnalyticsOverview
	rng      string // the analytics range
	sortBy   string // the post performance order

	webhook *api.Webhook
	// secret is the webhook's new secret, shown until the operator
	// leaves the section or the pane, then forgotten for good.
	secret api.Secret

	// state per section: when it was read, its last error, a read in
	// flight (gen tags reads so a stale answer is dropped).
	readAt  [sectionCount]time.Time
	errs    [sectionCount]error
	loading [sectionCount]bool
	gen     [sectionCount]int
	force   bool

	avatar      []string // the avatar's preview lines
	avatarFor   string   // the URL they show
	avatarState string   // "uploading…" or why the last upload was refused

	youOff int // scroll of the You section

	form    *paneForm
	formSeq int
	// drafts are the forms closed unsent, kept for the session.
	drafts map[formKind]*draft

	comp  *composer.Model
	links views.LinkPicker // o: the links of the bio or the selection
	web   string           // Options.WebBase
	// hideSecrets is Options.HideSecrets.
	hideSecrets bool
	md          *markdown.Renderer
	gut         views.Gutter
	cache       views.RenderCache[cacheKey]
}

// New builds the pane. Nothing is read until it comes into view.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Model{
		ctx: opts.Context, agents: opts.Agents, settings: opts.Settings, analytics: opts.Analytics,
		keys: opts.Keys, clock: opts.Now, previewer: opts.Previewer, web: opts.WebBase, hideSecrets: opts.HideSecrets,
		rng: api.Range7d, sortBy: api.SortByEngagement,
		comp: composer.New(composer.Options{ID: composerID, Keys: opts.Keys, Styles: opts.Styles, Context: opts.Context, StartDir: opts.StartDir}),
	}
	m.md = markdown.New(opts.Styles)
	m.initFilters()
	m.SetStyles(opts.Styles)
	m.SetSize(80, 24)
	return m
}

// SetStyles switches styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.gut = views.NewGutter(s)
	m.md.SetStyles(s)
	m.comp.SetStyles(s)
	for sec := range sectionCount {
		if l := m.listOf(sec); l != nil {
			l.query().SetStyles(s)
		}
	}
	m.cache.Clear()
}

// Init implements ui.Pane.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements ui.Pane. An open form is laid out again at the new
// size (formview.go).
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 6)
	m.comp.SetSize(m.width, min(12, max(m.height-2, 4)))
	m.resizeForm()
}

// SetFocused implements ui.Pane. Leaving the pane forgets a webhook
// secret on screen: it is shown once.
func (m *Model) SetFocused(focused bool) {
	if !focused {
		m.secret = ""
	}
	m.focused = focused
}

// CapturesInput implements ui.Pane: a form, the file picker or the `/`
// filter's query being typed has the keys.
func (m *Model) CapturesInput() bool {
	return m.form != nil || m.comp.IsOpen() || m.links.IsOpen() || m.filterTyping()
}

// Title implements ui.Pane.
func (m *Model) Title() string { return "Profile" }

// Badge implements ui.Pane: nothing here is unread.
func (m *Model) Badge() int { return 0 }

// PollInterval implements ui.Pane: the pane reads on coming into view
// and on r only.
func (m *Model) PollInterval() time.Duration { return 0 }

// ForceRefresh makes the next Refresh read the section on screen however
// fresh it is (the root calls it on r).
func (m *Model) ForceRefresh() { m.force = true }

// Refresh implements ui.Pane: the section on screen, when the pane is
// focused (the root's start-up fetch of every pane reads nothing here).
func (m *Model) Refresh(context.Context) tea.Cmd {
	if !m.focused || m.agents == nil {
		return nil
	}
	m.force = false
	return m.read(m.section, "")
}
