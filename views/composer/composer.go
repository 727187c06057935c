package composer

import (
	"fmt"
	"strings"
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

	// stash keeps the text of composers closed with esc during this
	// session, so reopening never races the save still on its way to disk.
	stash map[string]string

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
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	m := &Model{
		opts:  opts,
		store: newDraftStore(opts.DraftDir),
		ta:    ta,
		stash: map[string]string{},
	}
	m.SetStyles(opts.Styles)
	m.SetSize(60, 12)
	return m
}

// SetStyles switches to new styles (after a background-colour change).
func (m *Model) SetStyles(s *theme.Styles) {
	m.styles = s
	st := textarea.DefaultStyles(s.Dark)
	// A steady cursor: blinking redraws the screen twice a second, which
	// costs bytes over SSH and keeps an idle client busy.
	st.Cursor.Blink = false
	m.ta.SetStyles(st)
	m.layout()
}

// SetSize gives the composer its area in cells.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 10), max(height, 4)
	m.layout()
}

// IsOpen reports whether the composer is showing and takes the keys.
func (m *Model) IsOpen() bool { return m.open }

// Key is the draft key of the current (or last) request.
func (m *Model) Key() string { return m.req.Key }

// Value is the current text, as typed.
func (m *Model) Value() string { return m.ta.Value() }

// Sending reports whether a send is waiting for Sent or Failed.
func (m *Model) Sending() bool { return m.sending }

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
	same := req.Key == m.req.Key && (m.sending || m.open)
	m.req = req
	m.open = true
	m.ta.Placeholder = req.Placeholder
	m.ta.CharLimit = req.Limit * 10
	var load tea.Cmd
	if !same {
		m.sending = false
		m.problem = ""
		m.ta.Reset()
		m.gen++
		if text, ok := m.stash[req.Key]; ok {
			m.ta.SetValue(text)
		} else {
			load = m.loadCmd(req.Key, m.gen)
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
	m.ta.Blur()
	m.stash[m.req.Key] = m.ta.Value()
	m.gen++
	return m.saveCmd(m.req.Key, m.gen, m.ta.Value())
}

// Sent tells the composer its text was delivered: the text, the inline
// problem and the draft file are cleared. The composer stays open (a chat
// keeps composing); the owner closes it when it should go.
func (m *Model) Sent() tea.Cmd {
	m.sending = false
	m.problem = ""
	m.ta.Reset()
	m.count = 0
	delete(m.stash, m.req.Key)
	m.gen++
	var focus tea.Cmd
	if m.open {
		focus = m.ta.Focus()
	}
	return tea.Batch(focus, m.removeCmd(m.req.Key, m.gen))
}

// DeleteDraft removes the draft of key when a send for it succeeded after
// the composer moved on to another request.
func (m *Model) DeleteDraft(key string) tea.Cmd {
	delete(m.stash, key)
	m.gen++
	return m.removeCmd(key, m.gen)
}

// Failed tells the composer the send failed: the text stays, the draft stays
// on disk, and the error is shown beside the counter.
func (m *Model) Failed(err error) tea.Cmd {
	m.sending = false
	m.problem = "not sent: " + views.Describe(err)
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
	}
	if !m.open {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.sending || m.editing {
			return nil
		}
		m.ta.InsertString(sanitize.Block(msg.Content))
		return m.changed()
	case tea.PasteStartMsg, tea.PasteEndMsg:
		return nil
	}
	var cmd tea.Cmd
	m.ta, cmd = m.ta.Update(msg)
	return cmd
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.opts.Keys.Composer
	switch {
	case key.Matches(msg, k.Send):
		return m.send()
	case key.Matches(msg, k.Editor):
		return m.startEditor()
	case key.Matches(msg, k.Cancel):
		return m.Close()
	}
	if m.sending || m.editing {
		// The text on its way must match what is on screen.
		return nil
	}
	before := m.ta.Value()
	var cmd tea.Cmd
	m.ta, cmd = m.ta.Update(msg)
	if m.ta.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, m.changed())
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

// send validates the text and emits SendMsg, or refuses with a reason and
// keeps the text.
func (m *Model) send() tea.Cmd {
	if m.sending || m.editing {
		return nil
	}
	text := sanitize.Block(m.ta.Value())
	n := utf8.RuneCountInString(text)
	switch {
	case strings.TrimSpace(text) == "":
		m.problem = "nothing to send yet"
		return nil
	case n > m.req.Limit:
		m.problem = fmt.Sprintf("too long by %d (limit %d): shorten it to send", n-m.req.Limit, m.req.Limit)
		return nil
	}
	m.sending = true
	m.problem = ""
	msg := SendMsg{ID: m.opts.ID, Key: m.req.Key, Text: text}
	return func() tea.Msg { return msg }
}

func (m *Model) saveCmd(key string, gen uint64, text string) tea.Cmd {
	store, id := m.store, m.opts.ID
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.save(key, gen, text)}
	}
}

func (m *Model) removeCmd(key string, gen uint64) tea.Cmd {
	store, id := m.store, m.opts.ID
	return func() tea.Msg {
		return draftSavedMsg{id: id, err: store.remove(key, gen)}
	}
}

func (m *Model) loadCmd(key string, gen uint64) tea.Cmd {
	store, id := m.store, m.opts.ID
	return func() tea.Msg {
		text, err := store.load(key)
		return draftLoadedMsg{id: id, key: key, gen: gen, text: text, err: err}
	}
}

// draftLoaded restores a draft unless the operator already typed or the
// composer moved on.
func (m *Model) draftLoaded(msg draftLoadedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't read the draft", msg.err)
	}
	if !m.open || msg.key != m.req.Key || msg.gen != m.gen || m.ta.Value() != "" || msg.text == "" {
		return nil
	}
	m.ta.SetValue(sanitize.Block(msg.text))
	m.recount()
	return nil
}
