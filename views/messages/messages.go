package messages

import (
	"cmp"
	"context"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
)

// Poll cadences (architecture.md §6.5): every 10 s while a conversation is
// open on screen, else every 12 s, so the tab badge moves within 15 s of a
// new message. Each poll is one request when nothing changed: the list on
// screen, the unread count off screen (poll.go).
const (
	threadPoll = 10 * time.Second
	countPoll  = 12 * time.Second
	// pageSize is the number of conversations or messages asked per page;
	// pollSize is the size of the newest page read by polls.
	pageSize = 50
	pollSize = 20
	// nearEdge is how close to the end of what is loaded the cursor gets
	// before the next page (older messages, more conversations) is fetched.
	nearEdge = 4
)

// composerID tags the pane's composer messages.
const composerID = "messages"

// Options configure the Messages pane.
type Options struct {
	// Context is the program's context; every request derives from it.
	Context context.Context
	// Conversations is the API (*api.ConversationsService); nil shows an
	// empty pane that never fetches.
	Conversations Conversations
	// Keys are the shared key bindings; nil means keymap.Default().
	Keys *keymap.KeyMap
	// Styles are the shared styles; nil means dark default styles.
	Styles *theme.Styles
	// Now is the clock for times and the outbox; nil means time.Now.
	Now func() time.Time
	// Me is the signed-in handle; SetMe sets it when it is known later.
	Me string
	// DraftDir holds composer drafts; "" keeps them in memory only.
	DraftDir string
	// DataDir holds the outbox (<DataDir>/outbox.json); "" keeps it in
	// memory only, so unsent messages do not survive a restart.
	DataDir string
	// Editor is the $VISUAL/$EDITOR command, resolved by the caller.
	Editor string
	// NoLocalFiles says the session is served over SSH: the composer's
	// $EDITOR would be the server's, so it is off and says so.
	NoLocalFiles bool
	// DraftDebounce delays draft saves; 0 means composer.DefaultDebounce.
	DraftDebounce time.Duration
	// Complete are where the composer completes @handles and #tags
	// from; without them it offers only those of what is answered.
	Complete composer.Sources
	// Preview makes a Model that shows one conversation read-only beside
	// the list in the split view (preview.go): it marks nothing read, keeps
	// no outbox and no drafts (DataDir, DraftDir and Editor are ignored),
	// answers only the keys that move, and is never polled.
	Preview bool
	// Stacked makes a Model that shows one conversation over another pane
	// (stacked.go): opened by views.OpenConversationMsg, closed by esc,
	// never polled. DataDir is ignored: it shares Outbox.
	Stacked bool
	// Outbox is the Messages pane's (Model.Outbox), for a Stacked Model;
	// nil keeps one of its own in memory.
	Outbox *Outbox
	// Threads, when set, is shared by the pane, its previews and the
	// conversations stacked over other panes (memo.go): a conversation
	// opened after its preview beside the list shows the page the preview
	// read at once. nil gives the Model a memo of its own.
	Threads *ThreadMemo
}

// Model is the Messages pane. It implements ui.Pane.
type Model struct {
	ctx    context.Context
	src    Conversations
	keys   *keymap.KeyMap
	styles *theme.Styles
	// now is what times are measured from: the moment shown, which moves
	// with clock only when the screen changes anyway (advanceClockIfChanged),
	// so an idle screen stays identical between polls.
	now   func() time.Time
	clock func() time.Time
	shown time.Time
	me    string
	myID  string // learnt from the messages the operator sends

	width, height int
	focused       bool

	list    convList
	threads map[string]*thread // loaded conversations, by ID
	open    *thread            // the conversation on screen; nil = the list

	unread  int            // the badge: the server's count, adjusted locally
	readGen int            // bumped when a mark-read starts or ends
	readAt  map[string]int // readGen at which a conversation was marked read
	forced  bool           // the next Refresh was asked for by the operator

	box *outbox
	// memo is Options.Threads, or the Model's own (memo.go).
	memo *ThreadMemo
	// complete is where handles are completed and looked up.
	complete composer.Sources

	comp    *composer.Model
	compose composeTarget
	prompt  handlePrompt
	// want is a handle asked for by OpenConversationMsg before the list
	// had loaded; it is resolved when the list arrives.
	want string

	// preview is Options.Preview; asked is the handle it was asked to
	// show (preview.go).
	preview bool
	asked   string
	// stacked is Options.Stacked; closed is set once a stacked Model has
	// nothing left to show, and trail is its breadcrumb (stacked.go).
	stacked bool
	closed  bool
	trail   []string

	pal   *palette
	gut   views.Gutter     // marks the selected row
	links views.LinkPicker // o on a message
	cache renderCache
}

// New builds the pane. Nothing is fetched until the root calls Refresh;
// Init reloads the outbox.
func New(opts Options) *Model {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	if opts.Stacked {
		// The pane writes the outbox file; a stacked Model shares its
		// outbox instead (Options.Outbox).
		opts.DataDir = ""
	}
	if opts.Preview {
		// A second writer of <DataDir>/outbox.json would overwrite the
		// pane's, and a preview has nothing to save anyway.
		opts.DataDir, opts.DraftDir, opts.Editor = "", "", ""
	}
	m := &Model{
		ctx:      opts.Context,
		src:      opts.Conversations,
		keys:     opts.Keys,
		clock:    opts.Now,
		shown:    opts.Now(),
		me:       opts.Me,
		threads:  map[string]*thread{},
		readAt:   map[string]int{},
		preview:  opts.Preview,
		stacked:  opts.Stacked,
		memo:     cmp.Or(opts.Threads, NewThreadMemo()),
		complete: opts.Complete,
		width:    80,
		height:   24,
	}
	m.now = func() time.Time { return m.shown }
	m.list.ids = map[string]*convEntry{}
	m.list.filter = views.NewFilter(opts.Styles, opts.Keys.List)
	path := ""
	if opts.DataDir != "" {
		path = filepath.Join(opts.DataDir, outboxFile)
	}
	m.box = newOutbox(path)
	if opts.Outbox != nil {
		m.box = opts.Outbox.box
	}
	m.comp = composer.New(composer.Options{
		ID:       composerID,
		Keys:     opts.Keys,
		Styles:   opts.Styles,
		DraftDir: opts.DraftDir,
		Editor:   opts.Editor,
		Debounce: opts.DraftDebounce,
		Context:  opts.Context,
		// A DM names agents too; the other party is offered first.
		Complete:     opts.Complete,
		NoLocalFiles: opts.NoLocalFiles,
	})
	m.prompt = newHandlePrompt()
	m.SetStyles(opts.Styles)
	m.SetSize(m.width, m.height)
	return m
}

// Init implements ui.Pane: it reloads the outbox from disk. The first
// fetch comes from Refresh.
func (m *Model) Init() tea.Cmd { return m.loadOutbox() }

// SetSize implements ui.Pane.
func (m *Model) SetSize(width, height int) {
	if m.stacked {
		height-- // the breadcrumb's line (stacked.go)
	}
	m.width, m.height = max(width, 20), max(height, 5)
	m.prompt.setWidth(m.width)
	m.layoutComposer()
}

// SetFocused implements ui.Pane. Leaving the screen drops a JumpToUnread
// still waiting for the list.
func (m *Model) SetFocused(focused bool) {
	if !focused && m.want == wantUnread {
		m.want = ""
	}
	m.focused = focused
}

// SetStyles switches to new styles and drops every cached rendering.
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	m.cache.Clear()
	m.comp.SetStyles(s)
	m.prompt.setStyles(s)
	m.list.filter.SetStyles(s)
	for _, t := range m.threads {
		t.filter.SetStyles(s)
	}
}

// SetMe tells the pane who is signed in, once the root knows: it decides
// which messages are the operator's own.
func (m *Model) SetMe(handle string) {
	m.me = handle
	m.cache.Clear()
}

// CapturesInput implements ui.Pane: true while the composer or the handle
// prompt is open, or a `/` filter is typed.
func (m *Model) CapturesInput() bool {
	return m.comp.IsOpen() || m.prompt.open || m.filterTyping() || m.links.IsOpen()
}

// Title implements ui.Pane.
func (m *Model) Title() string { return "Messages" }

// Badge implements ui.Pane: the unread messages across conversations.
func (m *Model) Badge() int { return m.unread }

// PollInterval implements ui.Pane: 10 s while a conversation is open on
// screen, else 12 s.
func (m *Model) PollInterval() time.Duration {
	if m.focused && m.open != nil {
		return threadPoll
	}
	return countPoll
}

// layoutComposer sizes the composer: below the conversation when one is
// open and there is room, else over the whole pane.
func (m *Model) layoutComposer() {
	m.comp.SetSize(m.width, m.composerHeight())
}

// composerHeight is the composer's share of the pane.
func (m *Model) composerHeight() int {
	if !m.split() {
		return m.height
	}
	return min(max(m.height*2/5, 7), 12)
}

// split reports whether the composer shares the pane with the open
// conversation (a reply) rather than taking all of it.
func (m *Model) split() bool {
	return m.compose.kind == replyTo && m.open != nil && m.height >= 14
}
