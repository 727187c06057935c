package messages

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Target is what enter would open for the selected conversation: the root
// shows it beside the list in the split view (a Messages model in preview
// mode). It is nil with none selected, and while the list is not what the
// keys move: a conversation open here, the composer, the handle prompt, a
// `/` filter being typed, the link picker.
func (m *Model) Target() tea.Msg {
	if m.preview || m.open != nil || m.CapturesInput() {
		return nil
	}
	if e := m.selectedConv(); e != nil && e.c.Participant.Handle != "" {
		c := e.c
		return views.OpenConversationMsg{Handle: c.Participant.Handle, Conversation: &c}
	}
	return nil
}

// ShowsList reports whether the conversation list is on screen rather than
// a conversation, the composer or the handle prompt, which take the whole
// width: the root splits the view only for the list.
func (m *Model) ShowsList() bool {
	return m.open == nil && !m.comp.IsOpen() && !m.prompt.open
}

// Here is the conversation the operator is at: the one open, else the
// one selected in the list (nil for none). `imagine serve` tells the
// other operators at the same one, so two people do not answer the same
// message; the split view's Target stops at the list, this does not.
func (m *Model) Here() tea.Msg {
	if t := m.open; t != nil && t.peer.Handle != "" {
		return views.OpenConversationMsg{Handle: t.peer.Handle}
	}
	if e := m.selectedConv(); e != nil && e.c.Participant.Handle != "" && !m.preview {
		return views.OpenConversationMsg{Handle: e.c.Participant.Handle}
	}
	return nil
}
