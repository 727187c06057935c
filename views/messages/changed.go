package messages

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// News of conversations (views.ConversationChangedMsg), told by every
// Messages model that delivers or deletes a message and spread by the
// root to all the others: the pane, the conversations stacked over other
// panes and the previews beside the list each hold a copy of a thread. A
// message the operator sent from a profile's conversation shows in the
// pane's list at once, and one deleted there leaves the preview too.

// sentNews is the news of msg, just delivered to the conversation c holds
// (nil when the list does not hold it).
func sentNews(msg api.Message, handle string, c *api.Conversation) tea.Cmd {
	sent := msg
	news := views.ConversationChangedMsg{ConversationID: msg.ConversationID, Handle: handle, Sent: &sent}
	if c != nil {
		cp := *c
		news.Conversation = &cp
	}
	return views.Changed(news)
}

// conversationChanged takes news of a conversation: a message sent or
// deleted elsewhere joins or leaves the thread held of it, the list holds
// the conversation as it stands (a new one joins it), and a thread shown
// whose newest message is older than the news's reads its newest page
// again.
func (m *Model) conversationChanged(msg views.ConversationChangedMsg) tea.Cmd {
	id := msg.ConversationID
	if msg.Sent != nil && msg.Sent.ID != "" {
		m.box.claimed[msg.Sent.ID] = m.clock()
		m.insertMessage(*msg.Sent)
		m.refreshRows(id)
	}
	if msg.Deleted != "" {
		m.removeMessage(id, msg.Deleted)
		m.rowLosesMessage(id, msg.Deleted)
	}
	if c := msg.Conversation; c != nil && !m.preview && !m.stacked {
		m.upsert(*c)
		m.sortList()
	}
	t := m.open
	if t == nil || t.convID != id || msg.Conversation == nil || msg.Conversation.LastMessage == nil {
		return nil
	}
	if t.ids[msg.Conversation.LastMessage.ID] != nil {
		return nil
	}
	return m.fetchNewest(t)
}
