package postkit

import (
	"cmp"
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
	"imagine/views/media"
)

// Kit is a stack of content screens and what they share with each other
// and with the list under them: the posts held (one entry per post, so an
// action shows everywhere at once), the actions in flight, the composer,
// rendering and the services. The Feed Model embeds one over its
// timelines, which it reaches through Host; on its own (New) it is the
// stack the root keeps for any other pane (a views.Screen and a
// views.Opener).
type Kit struct {
	host   Host
	ctx    context.Context
	posts  Posts
	agents Agents
	// openHashtagScreen and openProfileScreen are Options.Hashtag and
	// Options.Profile.
	openHashtagScreen func(k *Kit, tag string) tea.Cmd
	openProfileScreen func(k *Kit, handle string) tea.Cmd
	// openPostScreen is Options.Post.
	openPostScreen func(k *Kit, e *Entry, commentID string) tea.Cmd
	keys           *keymap.KeyMap
	styles         *theme.Styles
	// now is what relative times are measured from: the moment shown,
	// which advances with clock only when the screen changes anyway (see
	// advanceClock), so an idle screen stays identical between polls.
	now   func() time.Time
	clock func() time.Time
	shown time.Time
	me    string

	width, height int

	store map[string]*Entry // every post held, shared by timelines and screens
	busy  map[string]bool   // actions in flight, by toggleKey
	vers  int               // the versions new entries start at (newEntry)

	stack   []Screen // screens over the list; empty = the list
	nextSID int
	opening int // posts asked for by ID, being fetched to be opened

	comp    *composer.Model
	compose composeTarget
	// sends remembers the sends whose outcome is unknown and the items
	// claimed as deliveries (views.Ledger; reconcile.go).
	sends views.Ledger

	uploads    Uploads
	previewer  *media.Previewer // nil: previews off
	memo       *Memo            // Options.Memo, or the kit's own
	protocol   media.Protocol
	previews   map[string]*preview
	previewVer int // bumped when a preview arrives; part of the cache key

	root       string           // Options.Root
	trail      []string         // SetTrail
	composerID string           // Options.ComposerID
	web        string           // Options.WebBase
	preview    bool             // Options.Preview
	links      views.LinkPicker // o's list (links.go)

	pal   *palette
	gut   views.Gutter // marks the selected item
	cache renderCache
}

// Host is what the kit asks of the list it is stacked over (the Feed
// Model's timelines); a kit on its own has none.
type Host interface {
	// ListName names the list in the breadcrumb when Options.Root does
	// not.
	ListName() string
	// ListPosted shows the operator's new post at the top of the lists,
	// returning what that fetches.
	ListPosted(e *Entry) tea.Cmd
	// ListForget drops a deleted post from the lists.
	ListForget(id string)
	// ListHolds reports whether a list still shows e.
	ListHolds(e *Entry) bool
	// ListSelected is the post selected in the list, if any.
	ListSelected() *Entry
}

// New builds a kit with nothing stacked. Nothing is fetched until
// something is opened.
func New(opts Options) *Kit {
	views.Defaults(&opts.Context, &opts.Now, &opts.Keys, &opts.Styles)
	m := &Kit{
		ctx:     opts.Context,
		posts:   opts.Posts,
		agents:  opts.Agents,
		keys:    opts.Keys,
		clock:   opts.Now,
		shown:   opts.Now(),
		me:      opts.Me,
		store:   map[string]*Entry{},
		busy:    map[string]bool{},
		root:    opts.Root,
		web:     opts.WebBase,
		preview: opts.Preview,

		composerID: cmp.Or(opts.ComposerID, composerID),

		uploads:           opts.Uploads,
		protocol:          opts.Protocol,
		previews:          map[string]*preview{},
		openHashtagScreen: opts.Hashtag,
		openProfileScreen: opts.Profile,
		openPostScreen:    opts.Post,
		width:             80,
		height:            24,
	}
	m.now = func() time.Time { return m.shown }
	m.comp = composer.New(composer.Options{
		ID:       m.composerID,
		Keys:     opts.Keys,
		Styles:   opts.Styles,
		DraftDir: opts.DraftDir,
		Editor:   opts.Editor,
		Debounce: opts.DraftDebounce,
		Context:  opts.Context,
		Uploads:  opts.Uploads,
		StartDir: opts.StartDir,

		NoLocalFiles: opts.NoLocalFiles,
		Complete:     opts.Complete,
	})
	switch {
	case opts.Previewer != nil:
		m.previewer = opts.Previewer
	case opts.MediaHost != "":
		m.previewer = media.NewPreviewer(media.Options{AllowedHost: opts.MediaHost, Protocol: opts.Protocol})
	}
	m.memo = cmp.Or(opts.Memo, NewMemo())
	m.SetStyles(opts.Styles)
	m.SetSize(m.width, m.height)
	return m
}

// Memo is what was read lately of the posts shown (comments, likers),
// shared by the program's kits (Options.Memo).
func (m *Kit) Memo() *Memo { return m.memo }

// feedScope is the keymap group of the Feed's own keys.
const feedScope keymap.Scope = "feed"

// ActionScopes implements views.ActionScoper: a kit answers to the list
// and feed keys wherever it is stacked (over Messages, Jobs…), so the
// palette and help list those rather than the pane's own.
func (m *Kit) ActionScopes() []keymap.Scope {
	return []keymap.Scope{feedScope, keymap.ScopeList}
}
