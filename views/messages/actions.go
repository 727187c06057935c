package messages

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
)

// notifyWidth bounds NotifyText in cells.
const notifyWidth = 80

// excerpt is the first line of text, cut for a dialog.
func excerpt(text string, width int) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return views.Truncate(views.NormalizeEmojiWidth(first), width)
}

// selectedRow is the row under the open conversation's cursor.
func (m *Model) selectedRow() (row, bool) {
	t := m.open
	if t == nil || len(t.rows) == 0 {
		return row{}, false
	}
	if t.filter.Active() {
		i, ok := t.filter.Selected()
		if !ok {
			return row{}, false
		}
		return t.rows[min(i, len(t.rows)-1)], true
	}
	if t.toBottom {
		// The next frame selects the newest row.
		return t.rows[len(t.rows)-1], true
	}
	return t.rows[min(t.win.Cursor, len(t.rows)-1)], true
}

// deleteSelected deletes the operator's message under the cursor, or
// discards an unsent one; someone else's message is refused with a reason.
func (m *Model) deleteSelected() tea.Cmd {
	r, ok := m.selectedRow()
	if !ok {
		return nil
	}
	if r.out != nil {
		return m.discard(r.out)
	}
	t := m.open
	if !m.who(t).mine(&r.msg.m) {
		return views.Status(views.LevelWarn, "you can only delete messages you sent; this one is from @"+t.peer.Handle)
	}
	if m.src == nil {
		return nil
	}
	ctx, src, convID, id := m.ctx, m.src, t.convID, r.msg.m.ID
	return views.Confirm("Delete this message?", excerpt(r.msg.m.Content, 60), func() tea.Msg {
		return messageDeletedMsg{convID: convID, msgID: id, err: src.DeleteMessage(ctx, id)}
	})
}

func (m *Model) messageDeleted(msg messageDeletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the message", msg.err)
	}
	m.removeMessage(msg.convID, msg.msgID)
	m.rowLosesMessage(msg.convID, msg.msgID)
	news := views.Changed(views.ConversationChangedMsg{ConversationID: msg.convID, Deleted: msg.msgID})
	return tea.Batch(news, views.Status(views.LevelInfo, "message deleted"))
}

// discard asks to drop an unsent message; its text goes back into the
// conversation's composer.
func (m *Model) discard(e *outboxEntry) tea.Cmd {
	if e.Sending {
		return views.Status(views.LevelInfo, "this message is being sent; wait for the answer")
	}
	body := excerpt(e.Text, 60)
	if e.State == stateUnknown {
		body += " (it may have been delivered already)"
	}
	id := e.ID
	return views.Confirm("Discard this unsent message?", body+" · the text goes back into the composer",
		func() tea.Msg { return discardMsg{entryID: id} })
}

// discarded removes the entry and puts its text back into the composer of
// its conversation, after any draft there.
func (m *Model) discarded(msg discardMsg) tea.Cmd {
	e := m.box.find(msg.entryID)
	if e == nil || e.Sending {
		return nil
	}
	m.box.remove(e)
	m.refreshRows(e.ConvID)
	save := m.persist()
	var closing tea.Cmd
	if m.comp.IsOpen() && m.comp.Key() != replyKey(e.ConvID) {
		closing = m.comp.Close()
	}
	m.prompt.close()
	t := m.threadFor(e.ConvID, api.Agent{ID: e.PeerID, Handle: e.PeerHandle})
	m.open = t
	open := m.openReply(t)
	key, text := m.compose.key, e.Text
	return tea.Batch(save, tea.Sequence(closing, open, func() tea.Msg { return restoreTextMsg{key: key, text: text} }))
}

// restoreText appends a discarded message's text to the open composer.
func (m *Model) restoreText(msg restoreTextMsg) tea.Cmd {
	if !m.comp.IsOpen() || m.comp.Key() != msg.key {
		return nil
	}
	text := msg.text
	if strings.TrimSpace(m.comp.Value()) != "" {
		text = "\n" + text
	}
	return m.comp.Update(tea.PasteMsg{Content: text})
}

// retrySelected sends an unsent message again now.
func (m *Model) retrySelected() tea.Cmd {
	r, ok := m.selectedRow()
	if !ok || r.out == nil {
		return views.Status(views.LevelInfo, "only unsent messages can be retried")
	}
	e := r.out
	if e.Sending {
		return views.Status(views.LevelInfo, "this message is being sent")
	}
	if m.box.busy {
		if e.State == stateFailed {
			e.State, e.Reason = stateQueued, "waiting for the message being sent"
			e.ver++
			m.refreshRows(e.ConvID)
		}
		return tea.Batch(m.persist(), views.Status(views.LevelInfo, "another message is being sent; this one follows"))
	}
	return m.stepCmd(m.planStep(e.ID))
}

// deleteConversation asks to delete a whole conversation.
func (m *Model) deleteConversation(e *convEntry) tea.Cmd {
	if e == nil || m.src == nil {
		return nil
	}
	body := "All its messages are deleted, for both of you."
	if n := m.box.count(e.c.ID); n > 0 {
		body += fmt.Sprintf(" %d unsent message(s) are discarded too.", n)
	}
	ctx, src, id := m.ctx, m.src, e.c.ID
	return views.Confirm("Delete the conversation with @"+e.c.Participant.Handle+"?", body, func() tea.Msg {
		return conversationDeletedMsg{convID: id, err: src.Delete(ctx, id)}
	})
}

func (m *Model) conversationDeleted(msg conversationDeletedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't delete the conversation", msg.err)
	}
	m.forgetConversation(msg.convID)
	changed := false
	for _, e := range append([]*outboxEntry(nil), m.box.entries...) {
		if e.ConvID == msg.convID && !e.Sending {
			m.box.remove(e)
			changed = true
		}
	}
	var save tea.Cmd
	if changed {
		save = m.persist()
	}
	return tea.Batch(save, views.Status(views.LevelInfo, "conversation deleted"))
}

// openHandle answers views.OpenConversationMsg: the conversation with the
// agent, or the composer of a first message. Before the list has loaded it
// is fetched first.
func (m *Model) openHandle(msg views.OpenConversationMsg) tea.Cmd {
	if m.preview {
		return m.previewHandle(msg)
	}
	h, ok := sanitize.Handle(strings.ToLower(strings.TrimSpace(msg.Handle)))
	switch {
	case !ok:
		return views.Status(views.LevelWarn, "can't open a conversation: not a valid handle")
	case m.me != "" && strings.EqualFold(h, m.me):
		return views.Status(views.LevelInfo, "that is you: there is no conversation with yourself")
	}
	if m.stacked {
		m.asked = h
	}
	var closing tea.Cmd
	if m.comp.IsOpen() {
		closing = m.comp.Close()
	}
	m.prompt.close()
	if e := m.byHandle(h); e != nil {
		return tea.Batch(closing, m.showConversation(e))
	}
	if !m.list.loaded && m.src != nil {
		m.want = h
		return tea.Batch(closing, m.fetchList(""))
	}
	m.open = nil
	return tea.Batch(closing, m.openNewMessage(h))
}

// resolveWant finishes an openHandle or a JumpToUnread that waited for
// the list.
func (m *Model) resolveWant() tea.Cmd {
	switch {
	case m.want == "":
		return nil
	case m.want == wantUnread:
		m.want = ""
		if e := m.firstUnread(); e != nil {
			return m.showConversation(e)
		}
		return nil
	}
	h := m.want
	m.want = ""
	if e := m.byHandle(h); e != nil {
		return m.showConversation(e)
	}
	if m.preview {
		return m.previewMore(h)
	}
	if m.comp.IsOpen() || m.prompt.open {
		return nil
	}
	m.open = nil
	return m.openNewMessage(h)
}

// wantUnread is the want of a JumpToUnread waiting for the list (not a
// valid handle, so it cannot collide with one).
const wantUnread = "*unread"

// firstUnread is the most recent conversation with unread messages.
func (m *Model) firstUnread() *convEntry {
	for _, e := range m.list.entries {
		if e.c.UnreadCount > 0 {
			return e
		}
	}
	return nil
}

// JumpToUnread opens the most recent conversation with unread messages,
// for the root's "next unread" key, right after the root brought the pane
// into view. When the list is behind the badge (the count moved while the
// pane was hidden), the jump waits for the list the root fetches then.
// When the badge counts messages the list does not show, the list is read
// again first.
func (m *Model) JumpToUnread() tea.Cmd {
	var closing tea.Cmd
	if m.comp.IsOpen() {
		closing = m.comp.Close()
	}
	m.prompt.close()
	if m.listBehind() && m.src != nil {
		m.want = wantUnread
		return closing
	}
	if e := m.firstUnread(); e != nil {
		return tea.Batch(closing, m.showConversation(e))
	}
	if m.unread > 0 && m.src != nil {
		m.want = wantUnread
		return tea.Batch(closing, m.fetchList(""))
	}
	return tea.Batch(closing, views.Status(views.LevelInfo, "no unread messages"))
}

// NextUnread opens the next conversation with unread messages below the
// cursor, or else the first one above it, for the root's "next unread"
// key pressed on this pane; false, with nothing changed, when no other
// conversation loaded has any (the root then looks in the other panes).
// Opening a conversation reads it, so pressing on reads them all.
func (m *Model) NextUnread() (tea.Cmd, bool) {
	n := len(m.list.entries)
	for step := 1; step < n; step++ {
		if e := m.list.entries[(m.list.win.Cursor+step)%n]; e.c.UnreadCount > 0 {
			var closing tea.Cmd
			if m.comp.IsOpen() {
				closing = m.comp.Close()
			}
			return tea.Batch(closing, m.showConversation(e)), true
		}
	}
	return nil, false
}

// NotifyText is a one-line notice of the newest unread message, e.g.
// "DM from @atlas_ai: first words…", at most 80 cells of plain text; ""
// when nothing is unread. While the pane is hidden its list is not read,
// so when the count has moved past the list it says how many messages are
// unread instead: "3 unread messages".
func (m *Model) NotifyText() string {
	if m.listBehind() && m.unread > 0 {
		if m.unread == 1 {
			return "1 unread message"
		}
		return fmt.Sprintf("%d unread messages", m.unread)
	}
	e := m.firstUnread()
	if e == nil {
		return ""
	}
	c := &e.c
	s := "DM from @" + c.Participant.Handle
	if last := c.LastMessage; last != nil && !m.convWho(e).mine(last) && strings.TrimSpace(last.Content) != "" {
		s += ": " + strings.Join(strings.Fields(views.NormalizeEmojiWidth(last.Content)), " ")
	} else if c.UnreadCount > 1 {
		s = fmt.Sprintf("%d unread DMs from @%s", c.UnreadCount, c.Participant.Handle)
	}
	return ansi.Truncate(s, notifyWidth, "…")
}

// convWho is the identity test for a conversation of the list.
func (m *Model) convWho(e *convEntry) identity {
	p := e.c.Participant
	return identity{me: m.me, myID: m.myID, peerID: p.ID, peerHandle: p.Handle}
}

// selectedText is the text of the selected message of the open
// conversation (sent or waiting to be), for o and y.
func (m *Model) selectedText() string {
	r, ok := m.selectedRow()
	switch {
	case !ok:
		return ""
	case r.out != nil:
		return r.out.Text
	}
	return r.msg.m.Content
}
