package composer

import (
	"context"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/markdown"
)

// DefaultDebounce is how long after the last keystroke a draft is saved.
const DefaultDebounce = 500 * time.Millisecond

// Options configure a composer.
type Options struct {
	// ID tags every message of this composer; use the owning pane's name.
	ID     string
	Keys   *keymap.KeyMap
	Styles *theme.Styles
	// DraftDir holds the drafts (<DraftDir>/<key>.txt); "" disables drafts.
	DraftDir string
	// Editor is the $VISUAL/$EDITOR command, resolved by the caller.
	Editor string
	// Debounce delays draft saves after typing; 0 means DefaultDebounce.
	Debounce time.Duration

	// Context bounds uploads and upload listings; nil means Background.
	Context context.Context
	// Uploads uploads attachments and lists past uploads; nil disables
	// the attachment keys (they say why).
	Uploads Uploader
	// StartDir is where the file picker starts; "" is the working
	// directory (or the home directory when that fails).
	StartDir string
	// NoLocalFiles turns the file picker off (SSH sessions: the files
	// would be the server's); earlier uploads can still be attached.
	NoLocalFiles bool
	// Complete are where @handles and #tags are completed from
	// (complete.go); without them only the request's own are offered.
	Complete Sources
	// CompleteRest is how long the typing rests before the agent
	// directory is asked; 0 means DefaultCompleteRest.
	CompleteRest time.Duration
	// ProgressEvery and ProcessingPoll pace upload progress and video
	// processing checks; 0 means DefaultProgressEvery and
	// DefaultProcessingPoll.
	ProgressEvery  time.Duration
	ProcessingPoll time.Duration
}

// Request says what a composer is opened for.
type Request struct {
	// Key names the draft: "post", "comment-<postID>", "reply-<commentID>",
	// "quote-<postID>", "dm-<conversationID>"…
	Key string
	// Title heads the composer ("New post", "Reply to @bob").
	Title string
	// ContextTitle and Context show what is answered or quoted above the
	// input. Context must already be sanitized.
	ContextTitle string
	Context      string
	// Limit is the maximum length in runes; 0 means api.MaxPostRunes.
	Limit       int
	Placeholder string
	// Mentions and Hashtags are the handles and tags completion offers
	// first: the author answered and the agents and tags their post
	// names, the other party of a conversation.
	Mentions []string
	Hashtags []string
	// Media allows attachments (new posts): images or a video, uploaded
	// while the text is written and sent with it.
	Media bool
	// Prefill is what the text starts with when there is no draft of
	// Key ("@bob " in a reply to bob): a draft read back replaces it
	// unless the operator has typed since.
	Prefill string
	// Files, above zero, allows up to that many attachments instead,
	// images and videos mixed, sent by their addresses (SendMsg.MediaURLs):
	// an order message's. Media need not be set with it.
	Files int

	// pickOnly: the composer shows the path picker alone (PickFile).
	pickOnly bool
}

// Model is a composer. Create it with New; it is hidden until Open.
type Model struct {
	opts   Options
	styles *theme.Styles
	store  *draftStore
	ta     textarea.Model

	req     Request
	open    bool
	sending bool
	editing bool
	problem string // shown beside the counter: refusal or send error
	count   int    // runes in the text
	gen     uint64 // bumped on every change; drops stale draft saves
	// loadGen is bumped when a draft is read from disk at Open; a read
	// that a later Open superseded is dropped.
	loadGen uint64

	// stash keeps the text of composers closed with esc during this
	// session, so reopening never races the save still on its way to disk.
	stash map[string]string

	// atts holds the attachments of each draft key for this session;
	// the sidecar file keeps them across sessions.
	atts    map[string]*attachSet
	nextAtt int
	mgen    uint64 // generation of sidecar saves (text saves use gen)
	ugen    uint64 // generation of unconfirmed-attempt saves (unsure.go)
	mode    mode
	waiting bool // send pressed while uploads run: send when they finish
	picker  picker
	library library
	names   completion // @handle and #tag completion (complete.go)
	md      *markdown.Renderer
	prev    preview // the rendered text of preview mode (preview.go)

	width, height int
	ctxLines      []string // rendered context block, rebuilt by layout
}

// New returns a closed composer.
func New(opts Options) *Model {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.Keys == nil {
		opts.Keys = keymap.Default()
	}
	if opts.Styles == nil {
		opts.Styles = theme.New(true, false)
	}
	if opts.Context == nil {
		opts.Context = context.Background()
	}
	if opts.CompleteRest <= 0 {
		opts.CompleteRest = DefaultCompleteRest
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = DefaultProgressEvery
	}
	if opts.ProcessingPoll <= 0 {
		opts.ProcessingPoll = DefaultProcessingPoll
	}
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	m := &Model{
		opts:   opts,
		store:  newDraftStore(opts.DraftDir),
		ta:     ta,
		stash:  map[string]string{},
		atts:   map[string]*attachSet{},
		picker: newPicker(),
	}
	m.md = markdown.New(opts.Styles)
	m.SetStyles(opts.Styles)
	m.SetSize(60, 12)
	return m
}

// SetStyles switches to new styles (after a background-colour change).
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	if m.md != nil {
		m.md.SetStyles(s)
	}
	st := textarea.DefaultStyles(s.Dark)
	// A steady cursor: blinking redraws the screen twice a second, which
	// costs bytes over SSH and keeps an idle client busy.
	st.Cursor.Blink = false
	m.ta.SetStyles(st)
	m.picker.setStyles(s)
	m.layout()
}

// SetSize gives the composer its area in cells.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 10), max(height, 4)
	m.layout()
	if m.mode == modePreview {
		m.renderPreview() // at the new width
	}
}

// IsOpen reports whether the composer is showing and takes the keys.
func (m *Model) IsOpen() bool { return m.open }

// Key is the draft key of the current (or last) request.
func (m *Model) Key() string { return m.req.Key }

// Value is the current text, as typed.
func (m *Model) Value() string { return m.ta.Value() }

// Sending reports whether a send is waiting for Sent or Failed.
func (m *Model) Sending() bool { return m.sending }

// Waiting reports whether a send waits for uploads to finish.
func (m *Model) Waiting() bool { return m.waiting }

// Problem is the refusal or error shown beside the counter, if any.
func (m *Model) Problem() string { return m.problem }

// Limit is the rune limit of the current request.
func (m *Model) Limit() int { return m.req.Limit }

// Count is the number of runes in the text.
func (m *Model) Count() int { return m.count }

// Open shows the composer for req. Reopening the key that is still on
// screen or still sending keeps its text; otherwise the draft of req.Key is
// restored, from memory if it was closed in this session, else from disk
// (in a Cmd).
func (m *Model) Open(req Request) tea.Cmd {
	if req.Limit <= 0 {
		req.Limit = api.MaxPostRunes
	}
	same := req.Key == m.req.Key && (m.sending || m.waiting || m.open)
	m.req = req
	m.open = true
	m.mode = modeText
	m.endCompletion()
	m.ta.Placeholder = req.Placeholder
	m.ta.CharLimit = req.Limit * 10
	var load tea.Cmd
	if !same {
		m.sending, m.waiting = false, false
		m.problem = ""
		m.ta.Reset()
		m.gen++
		if text, ok := m.stash[req.Key]; ok {
			m.ta.SetValue(text)
		} else {
			m.ta.SetValue(req.Prefill)
			m.loadGen++
			load = m.loadCmd(req.Key, m.loadGen)
		}
		m.recount()
	}
	m.layout()
	return tea.Batch(m.ta.Focus(), load)
}

// Close hides the composer, keeping its text as the draft.
func (m *Model) Close() tea.Cmd {
	if !m.open {
		return nil
	}
	m.open = false
	m.waiting = false
	m.mode = modeText
	m.endCompletion()
	m.ta.Blur()
	m.picker.input.Blur()
	text := m.ta.Value()
	if text == m.req.Prefill {
		// Nothing written: no draft, and the prefill comes again.
		text = ""
		delete(m.stash, m.req.Key)
	} else {
		m.stash[m.req.Key] = text
	}
	m.gen++
	var media tea.Cmd
	if m.mediaOn() {
		media = m.saveMediaCmd(m.req.Key)
	}
	return tea.Batch(m.saveCmd(m.req.Key, m.gen, text), media)
}

// Sent tells the composer its text was delivered: the text, the inline
// problem and the draft file are cleared. The composer stays open (a chat
// keeps composing); the owner closes it when it should go.
func (m *Model) Sent() tea.Cmd {
	m.sending, m.waiting = false, false
	m.problem = ""
	m.ta.Reset()
	m.count = 0
	m.endCompletion()
	delete(m.stash, m.req.Key)
	m.dropMedia(m.req.Key)
	m.mode = modeText
	m.layout()
	m.gen++
	var focus tea.Cmd
	if m.open {
		focus = m.ta.Focus()
	}
	var media tea.Cmd
	if m.mediaOn() {
		media = m.removeMediaCmd(m.req.Key)
	}
	return tea.Batch(focus, m.removeCmd(m.req.Key, m.gen), media)
}

// DeleteDraft removes the draft of key when a send for it succeeded after
// the composer moved on to another request.
func (m *Model) DeleteDraft(key string) tea.Cmd {
	delete(m.stash, key)
	m.dropMedia(key)
	m.gen++
	return tea.Batch(m.removeCmd(key, m.gen), m.removeMediaCmd(key))
}

// Failed tells the composer the send failed: the text stays, the draft stays
// on disk, and the error is shown beside the counter.
func (m *Model) Failed(err error) tea.Cmd {
	m.sending, m.waiting = false, false
	m.problem = "not sent: " + views.Describe(err)
	if m.open {
		return m.ta.Focus()
	}
	return nil
}

// Unconfirmed tells the composer the send's outcome is still unknown (an
// answer was lost and checking failed): the text and the draft stay, and
// why is shown beside the counter as given, without "not sent".
func (m *Model) Unconfirmed(why string) tea.Cmd {
	m.sending, m.waiting = false, false
	m.problem = why
	if m.open {
		return m.ta.Focus()
	}
	return nil
}

// Update handles keys and paste while open, and the composer's own results
// (drafts, editor) at any time.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftDueMsg:
		if msg.id != m.opts.ID || msg.gen != m.gen || !m.open {
			return nil
		}
		return m.saveCmd(m.req.Key, m.gen, m.ta.Value())
	case draftSavedMsg:
		if msg.id != m.opts.ID || msg.err == nil {
			return nil
		}
		return views.Failed("couldn't save the draft", msg.err)
	case draftLoadedMsg:
		if msg.id != m.opts.ID {
			return nil
		}
		return m.draftLoaded(msg)
	case editorReadyMsg, editorExitedMsg, editorReadMsg:
		return m.updateEditor(msg)
	case inspectedMsg:
		return m.inspected(msg)
	case uploadProgressMsg:
		return m.uploadProgress(msg)
	case uploadDoneMsg:
		return m.uploadDone(msg)
	case processingDueMsg:
		return m.checkProcessing(msg)
	case processingMsg:
		return m.processed(msg)
	case libraryMsg:
		return m.libraryLoaded(msg)
	case dirListedMsg:
		if msg.id != m.opts.ID {
			return nil
		}
		return m.dirListed(msg)
	case completeDueMsg:
		return m.completeDue(msg)
	case agentsFoundMsg:
		return m.agentsFound(msg)
	case tagsFoundMsg:
		return m.tagsFound(msg)
	}
	if !m.open {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case m.mode == modePicker:
			return m.pickerPaste(msg.Content)
		case m.busy() || m.mode != modeText:
			return nil
		}
		said := m.insertPaste(msg.Content)
		cmd := m.changed()
		m.problem = said // changed clears the last problem; this one is new
		return tea.Batch(cmd, m.completeMoved())
	case tea.PasteStartMsg, tea.PasteEndMsg:
		return nil
	}
	if m.mode == modePicker {
		var cmd tea.Cmd
		m.picker.input, cmd = m.picker.input.Update(msg)
		return cmd
	}
	var cmd tea.Cmd
	m.ta, cmd = m.ta.Update(msg)
	return cmd
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modePicker:
		return m.pickerKey(msg)
	case modeLibrary:
		return m.libraryKey(msg)
	case modeAttachments:
		return m.attachmentsKey(msg)
	case modePreview:
		return m.previewKey(msg)
	}
	if cmd, ok := m.mediaKey(msg); ok {
		return cmd
	}
	if cmd, ok := m.completionKey(msg); ok && !m.busy() {
		return cmd
	}
	k := m.opts.Keys.Composer
	switch {
	case key.Matches(msg, k.Send):
		return m.send()
	case key.Matches(msg, k.Preview):
		return m.togglePreview()
	case key.Matches(msg, k.Editor):
		return m.startEditor()
	case key.Matches(msg, k.Cancel):
		return m.Close()
	}
	if m.busy() {
		// The text on its way must match what is on screen.
		return nil
	}
	if msg, ok := m.visibleOnly(msg); ok {
		before := m.ta.Value()
		var cmd tea.Cmd
		m.ta, cmd = m.ta.Update(msg)
		// A key may move the cursor into or out of an @ or # word as well
		// as change the text.
		rest := m.completeMoved()
		if m.ta.Value() == before {
			return tea.Batch(cmd, rest)
		}
		return tea.Batch(cmd, m.changed(), rest)
	}
	return nil
}

// recount counts the runes that would be sent: the cleaned text, so the
// counter and the refusal always agree with what the API receives.
func (m *Model) recount() {
	m.count = utf8.RuneCountInString(sanitize.Block(m.ta.Value()))
}

// changed recounts, clears a stale problem and schedules a draft save.
func (m *Model) changed() tea.Cmd {
	m.recount()
	m.problem = ""
	m.gen++
	id, gen := m.opts.ID, m.gen
	return tea.Tick(m.opts.Debounce, func(time.Time) tea.Msg {
		return draftDueMsg{id: id, gen: gen}
	})
}
