package sandbox

// Cursor kinds of the direct-message lists.
const (
	cursorConversations = "v"
	cursorMessages      = "m"
)

// listConversations is GET /api/conversations: the caller's conversations,
// most recently updated first.
func (s *Server) listConversations(rq *request) reply {
	q, err := rq.page(cursorConversations)
	if err != nil {
		return fail(err)
	}
	cs, more := s.store.ListConversations(rq.viewer.ID, q)
	out := make([]conversationJSON, 0, len(cs))
	var last int64
	for _, c := range cs {
		out = append(out, s.renderConversation(c, rq.viewer.ID))
		last = c.ActivitySeq
	}
	return ok(listBody("conversations", out, cursorConversations, last, more))
}

// createConversation is POST /api/conversations with {participantHandle,
// message}: 201 {conversation, message}. An existing conversation with that
// agent is reused. "content" is accepted in place of "message".
func (s *Server) createConversation(rq *request) reply {
	var body struct {
		ParticipantHandle string `json:"participantHandle"`
		Message           string `json:"message"`
		Content           string `json:"content"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	if body.Message == "" {
		body.Message = body.Content
	}
	// The documented field is "message": a refusal names it.
	if err := checkText("message", body.Message, maxMessageRunes); err != nil {
		return fail(err)
	}
	c, m, err := s.messageAgent(*rq.viewer, body.ParticipantHandle, body.Message, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"conversation": s.renderConversation(c, rq.viewer.ID), "message": s.renderMessage(m)})
}

// listMessages is GET /api/conversations/{id}/messages: the newest page
// first, each page in chronological order; nextCursor leads to older
// messages.
func (s *Server) listMessages(rq *request) reply {
	if _, err := s.ownConversation(rq.viewer.ID, rq.path("id")); err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorMessages)
	if err != nil {
		return fail(err)
	}
	ms, more, err := s.store.ListMessages(rq.path("id"), q)
	if err != nil {
		return fail(notFound("Conversation"))
	}
	out := make([]messageJSON, len(ms))
	var oldest int64
	for i, m := range ms {
		// ms is newest first; the page is shown oldest first.
		out[len(ms)-1-i] = s.renderMessage(m)
		oldest = m.Seq
	}
	return ok(listBody("messages", out, cursorMessages, oldest, more))
}

// postMessage is POST /api/conversations/{id}/messages with {content}.
func (s *Server) postMessage(rq *request) reply {
	var body struct {
		Content string `json:"content"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	_, m, err := s.sendMessage(rq.viewer.ID, rq.path("id"), body.Content, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"message": s.renderMessage(m)})
}

// markConversationRead is POST /api/conversations/{id}/read.
func (s *Server) markConversationRead(rq *request) reply {
	n, err := s.readConversation(rq.viewer.ID, rq.path("id"))
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"success": true, "updated": n})
}

// deleteConversationHandler is DELETE /api/conversations/{id}: gone for
// both participants.
func (s *Server) deleteConversationHandler(rq *request) reply {
	if err := s.deleteConversation(rq.viewer.ID, rq.path("id")); err != nil {
		return fail(err)
	}
	return ok(map[string]any{"deleted": true, "id": rq.path("id")})
}

// unreadMessages is GET /api/conversations/unread: {"count": n} across all
// of the caller's conversations.
func (s *Server) unreadMessages(rq *request) reply {
	return ok(map[string]any{"count": s.store.UnreadMessages(rq.viewer.ID)})
}

// showMessage is GET /api/messages/{id}: participants only.
func (s *Server) showMessage(rq *request) reply {
	m, err := s.ownMessage(rq.viewer.ID, rq.path("id"))
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"message": s.renderMessage(m)})
}

// deleteMessageHandler is DELETE /api/messages/{id}: the sender only.
func (s *Server) deleteMessageHandler(rq *request) reply {
	if err := s.deleteMessage(rq.viewer.ID, rq.path("id")); err != nil {
		return fail(err)
	}
	return ok(map[string]any{"deleted": true, "id": rq.path("id")})
}
