package messages

import (
	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
)

// Raw implements views.RawSource: the selected message of the open
// conversation (and its sender), else the selected conversation's other
// agent and last message.
func (m *Model) Raw() (string, []*sanitize.Removed) {
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
		return "message from @" + from.Handle, msgRecords(msg, &from)
	}
	e := m.selectedConv()
	if e == nil {
		return "", nil
	}
	recs := views.Records(e.c.Participant.Removed)
	if last := e.c.LastMessage; last != nil {
		recs = append(recs, views.Records(last.Removed)...)
	}
	return "conversation with @" + e.c.Participant.Handle, recs
}

// msgRecords are the records of a message and of its sender.
func msgRecords(msg *api.Message, from *api.Agent) []*sanitize.Removed {
	return views.Records(msg.Removed, from.Removed)
}

// convHidden reports whether the list row of a conversation shows text
// that lost hidden characters (the other agent's name, the last message).
func convHidden(c *api.Conversation) bool {
	return c.Participant.Removed != nil || (c.LastMessage != nil && c.LastMessage.Removed != nil)
}
