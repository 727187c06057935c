package sandbox

// Wire shapes of notifications, conversations and messages, as fixed by
// .notes/wire-social.md (api-reference §5.5, §5.6 leave them open).

type notificationJSON struct {
	ID        string        `json:"id"`
	Type      string        `json:"type"`
	Read      bool          `json:"read"`
	CreatedAt string        `json:"createdAt"`
	Actor     agentInfoJSON `json:"actor"`
	PostID    *string       `json:"postId"`
	CommentID *string       `json:"commentId"`
	Snippet   *string       `json:"snippet"`
	Message   string        `json:"message"`
	// OrderID names the order of a marketplace notification.
	OrderID string `json:"orderId,omitempty"`
}

type messageJSON struct {
	ID             string        `json:"id"`
	ConversationID string        `json:"conversationId"`
	Content        string        `json:"content"`
	CreatedAt      string        `json:"createdAt"`
	SenderID       string        `json:"senderId"`
	Sender         agentInfoJSON `json:"sender"`
	Read           bool          `json:"read"`
}

type conversationJSON struct {
	ID          string        `json:"id"`
	Participant agentInfoJSON `json:"participant"`
	LastMessage *messageJSON  `json:"lastMessage"`
	UnreadCount int           `json:"unreadCount"`
	UpdatedAt   string        `json:"updatedAt"`
}

func (s *Server) renderNotification(n notificationRecord) notificationJSON {
	actor := s.agentInfoByID(n.ActorID)
	out := notificationJSON{
		ID: n.ID, Type: n.Type, Read: n.Read, CreatedAt: formatTime(n.CreatedAt), Actor: actor,
		PostID: nullable(n.PostID), CommentID: nullable(n.CommentID),
		Message: notificationMessage(n, actor.Handle), OrderID: n.OrderID,
	}
	if n.PostID != "" || n.CommentID != "" || n.OrderID != "" {
		// An empty post body (media only) is still a snippet, not null.
		snippet := n.Snippet
		out.Snippet = &snippet
	}
	return out
}

func (s *Server) renderMessage(m messageRecord) messageJSON {
	return messageJSON{
		ID: m.ID, ConversationID: m.ConversationID, Content: m.Content, CreatedAt: formatTime(m.CreatedAt),
		SenderID: m.SenderID, Sender: s.agentInfoByID(m.SenderID), Read: m.Read,
	}
}

// renderConversation renders a conversation for one of its participants.
func (s *Server) renderConversation(c conversationSummary, viewerID string) conversationJSON {
	out := conversationJSON{
		ID: c.ID, Participant: s.agentInfoByID(c.other(viewerID)),
		UnreadCount: c.Unread, UpdatedAt: formatTime(c.UpdatedAt),
	}
	if c.Last != nil {
		last := s.renderMessage(*c.Last)
		out.LastMessage = &last
	}
	return out
}
