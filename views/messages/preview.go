package messages

// Preview mode (Options.Preview): the Model the root's split view shows
// beside the conversation list, for the conversation under the list's
// cursor. It opens that conversation as enter would, but read-only: a
// glance beside the list is not reading it, so nothing is marked read and
// the unread badge stays; it keeps no outbox and no drafts, opens no
// composer or prompt, answers only the keys that move (the wheel over it
// replays them), and is never polled, so what it shows is what the
// conversation held when it was made.
//
// The root asks for a conversation by handle (views.OpenConversationMsg),
// which the Messages list sends with the conversation itself: the preview
// then reads its messages only. Asked by handle alone, a preview starts
// with no list, so it reads the conversations first to find the ID, on
// through the pages the pane's list may have scrolled to.

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
	"imagine/views"
)

// Depth implements views.Screen: 1 while a conversation is open, 0 on
// the list (a preview still finding its conversation); a stacked Model
// shows 1 until it closes (stacked.go).
func (m *Model) Depth() int {
	if m.stacked {
		if m.closed {
			return 0
		}
		return 1
	}
	if m.open != nil {
		return 1
	}
	return 0
}

// previewHandle answers views.OpenConversationMsg in preview mode: the
// conversation with the agent, carried along by the list beside it or
// read once the list says which it is.
func (m *Model) previewHandle(msg views.OpenConversationMsg) tea.Cmd {
	h, ok := sanitize.Handle(strings.ToLower(strings.TrimSpace(msg.Handle)))
	if !ok {
		return nil
	}
	m.asked = h
	if c := msg.Conversation; c != nil && c.ID != "" && strings.EqualFold(c.Participant.Handle, h) {
		return m.showConversation(m.upsert(*c))
	}
	if e := m.byHandle(h); e != nil {
		return m.showConversation(e)
	}
	if m.list.loaded || m.src == nil {
		return nil
	}
	m.want = h
	return m.fetchList("")
}

// Loaded reports whether a preview shows all it fetched: the
// conversation's newest messages, or that there is no conversation with
// the agent; not while the list or the messages are on their way, nor
// after either failed. The split view keeps a preview the cursor leaves
// only when it loaded.
func (m *Model) Loaded() bool {
	if m.open != nil {
		return m.open.loaded && m.open.err == nil
	}
	return m.asked != "" && m.want == "" && m.list.loaded && m.list.err == nil && m.list.moreErr == nil
}

// previewMore goes on looking for handle's conversation in the next page
// of the list; with none left the view says there is no conversation.
func (m *Model) previewMore(handle string) tea.Cmd {
	cmd := m.fetchMoreList()
	if cmd != nil {
		m.want = handle
	}
	return cmd
}

// previewKey handles a key in preview mode: only those that move through
// the conversation; the rest belong to the list beside it.
func (m *Model) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys.List
	if m.open == nil || !key.Matches(msg, k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown) {
		return nil
	}
	return m.threadKey(msg)
}

// previewHelp is the keys a preview answers.
func (m *Model) previewHelp() []key.Binding {
	k := m.keys.List
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

// previewLines is what a preview shows until its conversation is open:
// that it is being found, that it could not be, or that there is none.
func (m *Model) previewLines() []string {
	p, l := m.pal, &m.list
	if m.asked == "" {
		return nil
	}
	who := "@" + m.asked
	var line string
	switch {
	case !l.loaded && l.err != nil:
		line = p.errs.Render("couldn't load the conversation with " + who + ": " + views.Describe(l.err))
	case m.want != "" && l.moreErr != nil:
		line = p.errs.Render("couldn't load the conversation with " + who + ": " + views.Describe(l.moreErr))
	case m.want != "":
		line = p.muted.Render("loading the conversation with " + who + "…")
	default:
		line = p.muted.Render("No conversation with " + who + " yet.")
	}
	return []string{views.Truncate(line, m.width)}
}
