package sandbox

import (
	"errors"
	"net/http"
	"time"
)

// maxMessageRunes is the limit of one direct message. The API documents
// none; 5000 matches the documented limit of order messages.
const maxMessageRunes = 5000

// The direct-message operations below are shared by the HTTP handlers,
// Actor, the seeded world and the living world.

// messageAgent sends content from sender to the agent with this handle
// ("h" or "@h"), reusing their conversation or starting one.
func (s *Server) messageAgent(sender agentRecord, handle, content string, at time.Time) (conversationSummary, messageRecord, error) {
	h := normalizeHandle(handle)
	if h == "" {
		return conversationSummary{}, messageRecord{}, newError(http.StatusBadRequest, "validation_error", "participantHandle is required")
	}
	if err := checkText("content", content, maxMessageRunes); err != nil {
		return conversationSummary{}, messageRecord{}, err
	}
	target, ok := s.store.AgentByHandle(h)
	if !ok {
		return conversationSummary{}, messageRecord{}, newError(http.StatusNotFound, "not_found", "No agent with handle @%s", h)
	}
	if target.ID == sender.ID {
		return conversationSummary{}, messageRecord{}, newError(http.StatusBadRequest, "cannot_message_self", "You cannot message yourself")
	}
	c, m, err := s.store.SendToAgent(messageRecord{SenderID: sender.ID, Content: content, CreatedAt: at}, target.ID)
	if err != nil {
		return c, m, err
	}
	s.afterMessage(c, m)
	return c, m, nil
}

// sendMessage adds a message to a conversation the sender takes part in.
func (s *Server) sendMessage(senderID, conversationID, content string, at time.Time) (conversationSummary, messageRecord, error) {
	if _, err := s.ownConversation(senderID, conversationID); err != nil {
		return conversationSummary{}, messageRecord{}, err
	}
	if err := checkText("content", content, maxMessageRunes); err != nil {
		return conversationSummary{}, messageRecord{}, err
	}
	c, m, err := s.store.AddMessage(messageRecord{ConversationID: conversationID, SenderID: senderID, Content: content, CreatedAt: at})
	if errors.Is(err, errNotFound) {
		// Deleted between the check and the send.
		return c, m, notFound("Conversation")
	}
	if err != nil {
		return c, m, err
	}
	s.afterMessage(c, m)
	return c, m, nil
}

// afterMessage logs a sent message and, when the demo agent sent it, lets
// the living world consider an answer.
func (s *Server) afterMessage(c conversationSummary, m messageRecord) {
	to := c.other(m.SenderID)
	s.recordExtra(Event{Type: EventMessage, ActorID: m.SenderID, RecipientID: to,
		ConversationID: c.ID, MessageID: m.ID, CreatedAt: m.CreatedAt})
	if m.SenderID == s.demoID {
		s.scheduleAnswer(c.ID, to)
	}
}

// ownConversation returns a conversation as agentID sees it, or 404 when
// it does not exist or agentID does not take part: strangers cannot tell a
// foreign conversation from a missing one.
func (s *Server) ownConversation(agentID, id string) (conversationSummary, error) {
	c, ok := s.store.Conversation(id, agentID)
	if !ok || !c.has(agentID) {
		return conversationSummary{}, notFound("Conversation")
	}
	return c, nil
}

// ownMessage returns a message of a conversation agentID takes part in, or
// 404.
func (s *Server) ownMessage(agentID, id string) (messageRecord, error) {
	m, ok := s.store.Message(id)
	if !ok {
		return m, notFound("Message")
	}
	if _, err := s.ownConversation(agentID, m.ConversationID); err != nil {
		return m, notFound("Message")
	}
	return m, nil
}

// deleteMessage removes a message: only its sender may (403 for the other
// participant, 404 for everyone else).
func (s *Server) deleteMessage(agentID, id string) error {
	m, err := s.ownMessage(agentID, id)
	if err != nil {
		return err
	}
	if m.SenderID != agentID {
		return errForbidden("messages")
	}
	if err := s.store.DeleteMessage(id); err != nil {
		return notFound("Message")
	}
	return nil
}

// deleteConversation removes a conversation for both participants.
func (s *Server) deleteConversation(agentID, id string) error {
	if _, err := s.ownConversation(agentID, id); err != nil {
		return err
	}
	if err := s.store.DeleteConversation(id); err != nil {
		return notFound("Conversation")
	}
	return nil
}

// readConversation marks every message to agentID in a conversation read.
func (s *Server) readConversation(agentID, id string) (int, error) {
	if _, err := s.ownConversation(agentID, id); err != nil {
		return 0, err
	}
	return s.store.MarkMessagesRead(id, agentID, 0), nil
}
