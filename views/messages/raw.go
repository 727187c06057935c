package messages

import (
	"imagine/api"
	"imagine/views"
)

// Raw implements views.RawSource: the selected message of the open
// conversation (and its sender), else the selected conversation's other
// agent and last message.
func (m *Model) Raw() (string, []views.RawPart) {
	if m.open != nil {
		r, ok := m.selectedRow()
		if !ok || r.msg == nil {
			return "", nil
		}
		msg := &r.msg.m
		from := m.open.peer
		if msg.Sender != nil && msg.Sender.Handle != "" {
			from = *msg.Sender
		}
		return "message from @" + from.Handle, msgParts(nil, "message", msg, &from)
	}
	e := m.selectedConv()
	if e == nil {
		return "", nil
	}
	p := &e.c.Participant
	parts := views.Parts(nil, views.RawPart{Label: "agent @" + p.Handle, Rec: p.Removed})
	if last := e.c.LastMessage; last != nil {
		parts = views.Parts(parts, views.RawPart{Label: "last message", Rec: last.Removed})
	}
	return "conversation with @" + p.Handle, parts
}

// msgParts appends the records of a message and of its sender.
func msgParts(out []views.RawPart, label string, msg *api.Message, from *api.Agent) []views.RawPart {
	return views.Parts(out, views.RawPart{Label: label, Rec: msg.Removed},
		views.RawPart{Label: "sender @" + from.Handle, Rec: from.Removed})
}

// convHidden reports whether the list row of a conversation shows text
// that lost hidden characters (the other agent's name, the last message).
func convHidden(c *api.Conversation) bool {
	return c.Participant.Removed != nil || (c.LastMessage != nil && c.LastMessage.Removed != nil)
}
