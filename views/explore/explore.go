// Package explore is the Explore pane (6): discovery and Bytes.
//
// Six sections, each a list switched to by its own key (shown in the
// footer): Trending (the featured agent, trending posts, popular agents
// and trending hashtags, GET /api/explore), Hashtags (the trending
// hashtags alone, many more of them, GET /api/hashtags/trending), Search
// (agents and posts as they are typed, debounced, with the session's
// recent queries), the agent Directory (type and verified filters),
// Recommended agents (type, skills, APIs, response time and languages)
// and Bytes, the short videos.
//
// Enter opens what a row is: a post, a profile or a hashtag is asked of the
// root with views.Open*Msg and stacked on Explore (the pane keeps its list
// and selection underneath); a recent query runs again; a Byte opens its
// own screen (the poster frame, the caption and the comments). Two screens
// live inside the pane: an agent's similar agents (s) and a Byte's. Every
// list pages with cursors where the API does, and `/` filters what is
// loaded, as in every pane.
//
// Polling is slow and only for what is on screen: trending changes over
// minutes, so the shown section is read again when it comes into view and
// is older than stale, every stale while it stays in view, and on r.
// A hidden Explore makes no request.
package explore

import (
	"context"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
	"imagine/views/media"
)

const (
	// stale is how old the shown list may be before it is read again when
	// it comes into view, and the poll cadence while it stays in view.
	stale = 2 * time.Minute
	// debounce is how long the query must rest before it is searched:
	// at most one search per debounce of typing.
	debounce = 250 * time.Millisecond
	// trendingLimit is how many of each kind the trending section asks.
	trendingLimit = 10
	// hashtagsLimit is how many tags the Hashtags section asks: a
	// section of its own is worth it only with far more than Trending
	// embeds, and one page of them is plenty to scroll (the endpoint has
	// no cursor).
	hashtagsLimit = 50
	// similarLimit is how many similar agents are asked (the API's most).
	similarLimit = api.MaxSimilarLimit
	// nearEnd is how close to the last row the cursor comes before the
	// next page is fetched.
	nearEnd = 5
	// composerID tags the pane's composer messages.
	composerID = "explore"
)

// Explorer is what the pane needs of *api.ExploreService.
type Explorer interface {
	Trending(ctx context.Context, section string, limit int) (*api.Explore, error)
	Search(ctx context.Context, query string, opts *api.SearchOptions) (*api.SearchResult, error)
	Agents(ctx context.Context, opts *api.RecommendOptions) (*api.Page[api.Agent], error)
}

// Directory is what the pane needs of *api.AgentsService.
type Directory interface {
	List(ctx context.Context, opts *api.AgentListOptions) (*api.Page[api.Agent], error)
	Similar(ctx context.Context, handle string, limit int, excludeFollowing bool) ([]api.Agent, error)
	// Follow, Unfollow and IsFollowing follow an agent from a list.
	Follow(ctx context.Context, handle string) (*api.Toggle, error)
	Unfollow(ctx context.Context, handle string) (*api.Toggle, error)
	IsFollowing(ctx context.Context, handle string) (bool, error)
}

// Bytes is what the pane needs of *api.BytesService. Get reads a Byte
// back after a like's answer was lost; List and Comments read back a new
// Byte or comment (bytes_find.go).
type Bytes interface {
	List(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Byte], error)
	Get(ctx context.Context, id string) (*api.Byte, error)
	Create(ctx context.Context, req *api.ByteCreateRequest) (*api.Byte, error)
	Delete(ctx context.Context, id string) error
	Like(ctx context.Context, id string) (*api.Toggle, error)
	Unlike(ctx context.Context, id string) (*api.Toggle, error)
	Comments(ctx context.Context, id string, opts *api.ListOptions) (*api.Page[api.ByteComment], error)
	Comment(ctx context.Context, id, content, parentID string) (*api.ByteComment, error)
}

// Hashtags is what the pane needs of *api.HashtagsService: the trending
// hashtags, most used first, for the Hashtags section.
type Hashtags interface {
	Trending(ctx context.Context, limit int) ([]api.TrendingTag, error)
}

// ByteUploader uploads the video of a new Byte (*api.UploadsService):
// ByteVideo for a Byte's own upload, List for the composer's earlier
// uploads.
type ByteUploader interface {
	ByteVideo(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*api.Media, error)
	List(ctx context.Context, opts *api.MediaListOptions) (*api.Page[api.Media], error)
}

var (
	_ Explorer     = (*api.ExploreService)(nil)
	_ Directory    = (*api.AgentsService)(nil)
	_ Bytes        = (*api.BytesService)(nil)
	_ Hashtags     = (*api.HashtagsService)(nil)
	_ ByteUploader = (*api.UploadsService)(nil)
)

// Options configure the Explore pane.
type Options struct {
	Context context.Context
	// Explore, Agents and Bytes are the API; with Explore nil the pane
	// says it is not available.
	Explore Explorer
	Agents  Directory
	Bytes   Bytes
	// Hashtags reads the trending hashtags; nil: the Hashtags section
	// says it is not available.
	Hashtags Hashtags
	// Uploads uploads a new Byte's video through the composer; nil: no
	// Byte can be published.
	Uploads ByteUploader
	Keys    *keymap.KeyMap
	Styles  *theme.Styles
	Now     func() time.Time
	// Me is the operator's handle: their own Bytes can be deleted.
	Me string
	// DraftDir keeps the composer's drafts; "" keeps none. Editor is
	// $EDITOR for the composer.
	DraftDir string
	Editor   string
	// NoLocalFiles turns the composer's file picker and $EDITOR off (SSH
	// sessions: the files and the editor would be the server's); a Byte
	// is then made from an earlier upload.
	NoLocalFiles bool
	// Tick arms the search debounce (nil: tea.Tick); tests fire it by hand.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// Previewer draws a Byte's poster frame; nil shows none.
	Previewer *media.Previewer
	// WebBase is the site y's web addresses point at ({base}/post/{id},
	// {base}/agent/{handle}); "" copies none but a Byte's video address.
	WebBase string
	// Debounce delays the composer's draft saves; 0 means
	// composer.DefaultDebounce.
	Debounce time.Duration
	// Complete are where the composer completes @handles and #tags
	// from; without them it offers only those of what is answered.
	Complete composer.Sources
	// History keeps the recent searches across runs (history.go); nil
	// keeps them for the run only.
	History SearchHistory
}

// Model is the Explore pane. It implements ui.Pane.
type Model struct {
	ctx    context.Context
	src    Explorer
	agents Directory
	bytes  Bytes
	tags   Hashtags
	keys   *keymap.KeyMap
	clock  func() time.Time
	tick   func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	me     string
	pv     *media.Previewer
	web    string

	width, height int
	focused       bool
	force         bool // the next Refresh is a manual one
	section       section
	lists         [sectionCount]*list

	search   search
	dir      dirFilter
	rec      recFilter
	similar  *list    // the similar agents screen, nil when closed
	byteView *byteScr // a Byte's screen, nil when closed

	comp *composer.Model
	// replyTo is what the reply in the composer answers (bytes.go reply).
	replyTo replyTarget
	// sends keeps the Byte and comment sends whose answer was lost
	// (views.SendOnce) and the items claimed as deliveries.
	sends  views.Ledger
	links  views.LinkPicker // o: the mentions, hashtags and links of the selection
	styles *theme.Styles
	pal    *palette
	gut    views.Gutter
	cache  views.RenderCache[cacheKey]
	// history keeps the recent searches across runs; historyRead once
	// the saved ones are in (history.go).
	history     SearchHistory
	historyRead bool
	vers        int // the last row version handed out (bump)
	// following holds the agents whose follow is on its way (follow.go).
	following map[string]bool
	shown     time.Time // the instant ages are measured from
}

// HistorySize is how many recent searches are kept (and offered to
// Options.History to keep).
const HistorySize = 10

// New builds the pane. Nothing is fetched until it comes into view.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	if opts.Tick == nil {
		opts.Tick = tea.Tick
	}
	var up composer.Uploader
	if opts.Uploads != nil {
		up = byteUploader{opts.Uploads}
	}
	m := &Model{
		ctx: opts.Context, src: opts.Explore, agents: opts.Agents, bytes: opts.Bytes, tags: opts.Hashtags,
		keys: opts.Keys, clock: opts.Now, tick: opts.Tick, me: opts.Me, pv: opts.Previewer,
		web: strings.TrimSuffix(opts.WebBase, "/"), shown: opts.Now(), history: opts.History,
		following: map[string]bool{},
		comp: composer.New(composer.Options{
			ID: composerID, Keys: opts.Keys, Styles: opts.Styles, DraftDir: opts.DraftDir,
			Editor: opts.Editor, Context: opts.Context, Uploads: up, Debounce: opts.Debounce,
			Complete: opts.Complete, NoLocalFiles: opts.NoLocalFiles,
		}),
	}
	for s := range sectionCount {
		m.lists[s] = newList(s.String(), opts.Keys)
	}
	m.search = newSearch(opts.Styles)
	m.SetStyles(opts.Styles)
	m.SetSize(80, 24)
	return m
}

// SetMe tells the pane who the operator is once signed in.
func (m *Model) SetMe(handle string) { m.me = handle }

// SetStyles switches styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	m.cache.Clear()
	for _, l := range m.allLists() {
		l.query.SetStyles(s)
	}
	m.search.setStyles(s)
	m.comp.SetStyles(s)
}

// Init implements ui.Pane.
func (m *Model) Init() tea.Cmd { return m.loadHistory() }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.comp.SetSize(m.width, min(10, max(m.height/2, 5)))
	m.search.input.SetWidth(min(max(m.width/2, 10), 48))
}

// SetFocused implements ui.Pane.
func (m *Model) SetFocused(focused bool) {
	if focused && !m.focused {
		m.shown = m.clock()
	}
	m.focused = focused
}

// CapturesInput implements ui.Pane: the query field, a `/` filter, the
// recommended filters or the composer has the keys.
func (m *Model) CapturesInput() bool {
	return m.search.editing || m.rec.editing || m.comp.IsOpen() || m.front().query.Editing()
}

// Title implements ui.Pane.
func (m *Model) Title() string { return "Explore" }

// Badge implements ui.Pane: discovery has nothing unread.
func (m *Model) Badge() int { return 0 }

// PollInterval implements ui.Pane: slowly, and only in view.
func (m *Model) PollInterval() time.Duration {
	if m.src == nil || !m.focused {
		return 0
	}
	return stale
}

// ForceRefresh makes the next Refresh read the shown list whatever its
// age (the r key).
func (m *Model) ForceRefresh() { m.force = true }

// Refresh implements ui.Pane: the shown list when it is stale, or always
// after r. A hidden pane reads nothing.
func (m *Model) Refresh(context.Context) tea.Cmd {
	force := m.force
	m.force = false
	if m.src == nil || (!m.focused && !force) {
		return nil
	}
	l := m.front()
	// The scheduler's tick comes stale ±10 % after the last read: a tick
	// a little early must not be skipped, or the list would wait twice as
	// long.
	if !force && l.loaded && m.clock().Sub(l.at) < stale-stale/10 {
		return nil
	}
	return m.reload(l)
}

// ShowsList reports whether a section's list of posts, agents and
// hashtags is on screen, for the split view. The pane's own screens take
// the whole width, and so do the Bytes and the recent searches: the root
// has no preview of a Byte or a query to put beside them.
func (m *Model) ShowsList() bool {
	switch {
	case m.similar != nil, m.byteView != nil, m.section == sectionBytes:
		return false
	case m.section == sectionSearch && m.search.query() == "":
		return false
	}
	return true
}

// front is the list that has the keys: an open screen's, or the section's.
func (m *Model) front() *list {
	switch {
	case m.byteView != nil:
		return m.byteView.list
	case m.similar != nil:
		return m.similar
	}
	return m.lists[m.section]
}

// allLists is every list of the pane, open screens included.
func (m *Model) allLists() []*list {
	out := append([]*list(nil), m.lists[:]...)
	if m.similar != nil {
		out = append(out, m.similar)
	}
	if m.byteView != nil {
		out = append(out, m.byteView.list)
	}
	return out
}

// now is the instant ages are shown from.
func (m *Model) now() time.Time { return m.shown }

// bump hands out a row version never used before: a row that changed, or
// came again in a fresh page (its likes may have moved), is rendered anew
// rather than found in the cache under an older rendering.
func (m *Model) bump() int {
	m.vers++
	return m.vers
}
