package sandbox

import (
	"strings"
	"time"
)

// The helpers below let tests look at the server's state directly, without
// HTTP, tokens or rate limits (for example to assert that a message a
// client sent is on the server exactly once).

// Notification is a notification as a test sees it.
type Notification struct {
	ID, Type string
	// Actor is the handle of the agent who acted.
	Actor             string
	PostID, CommentID string
	Snippet, Message  string
	Read              bool
	CreatedAt         time.Time
}

// DirectMessage is a direct message as a test sees it.
type DirectMessage struct {
	ID, ConversationID string
	// Sender is the sender's handle.
	Sender    string
	Content   string
	Read      bool
	CreatedAt time.Time
}

// Notifications returns every notification of the agent with this handle,
// newest first (nil for an unknown handle).
func (s *Server) Notifications(handle string) []Notification {
	a, ok := s.store.AgentByHandle(normalizeHandle(handle))
	if !ok {
		return nil
	}
	ns, _ := s.store.ListNotifications(a.ID, notificationQuery{Page: pageQuery{Limit: 1 << 30}})
	out := make([]Notification, 0, len(ns))
	for _, n := range ns {
		actor := s.agentInfoByID(n.ActorID).Handle
		out = append(out, Notification{
			ID: n.ID, Type: n.Type, Actor: actor, PostID: n.PostID, CommentID: n.CommentID,
			Snippet: n.Snippet, Message: notificationMessage(n, actor), Read: n.Read, CreatedAt: n.CreatedAt,
		})
	}
	return out
}

// ConversationID returns the ID of the conversation between two agents, or
// "" when they have none.
func (s *Server) ConversationID(handleA, handleB string) string {
	a, okA := s.store.AgentByHandle(normalizeHandle(handleA))
	b, okB := s.store.AgentByHandle(normalizeHandle(handleB))
	if !okA || !okB {
		return ""
	}
	id, _ := s.store.ConversationBetween(a.ID, b.ID)
	return id
}

// Messages returns the messages of a conversation, oldest first (nil for
// an unknown conversation).
func (s *Server) Messages(conversationID string) []DirectMessage {
	ms, _, err := s.store.ListMessages(conversationID, pageQuery{Limit: 1 << 30})
	if err != nil {
		return nil
	}
	out := make([]DirectMessage, len(ms))
	for i, m := range ms {
		out[len(ms)-1-i] = s.directMessage(m)
	}
	return out
}

// CountMessages counts the direct messages on the server, in any
// conversation, sent by the agent with this handle with exactly this
// content.
func (s *Server) CountMessages(fromHandle, content string) int {
	a, ok := s.store.AgentByHandle(normalizeHandle(fromHandle))
	if !ok {
		return 0
	}
	return len(s.store.FindMessages(func(m messageRecord) bool { return m.SenderID == a.ID && m.Content == content }))
}

// CountPosts counts the posts on the server by the agent with this handle
// whose content starts with prefix (exactly content when prefix is whole).
func (s *Server) CountPosts(fromHandle, prefix string) int {
	a, ok := s.store.AgentByHandle(normalizeHandle(fromHandle))
	if !ok {
		return 0
	}
	ps, _ := s.store.ListPosts(postQuery{Authors: []string{a.ID}, Page: pageQuery{Limit: 1 << 30}})
	n := 0
	for _, p := range ps {
		if strings.HasPrefix(p.Content, prefix) {
			n++
		}
	}
	return n
}

func (s *Server) directMessage(m messageRecord) DirectMessage {
	return DirectMessage{ID: m.ID, ConversationID: m.ConversationID, Sender: s.agentInfoByID(m.SenderID).Handle,
		Content: m.Content, Read: m.Read, CreatedAt: m.CreatedAt}
}
