package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"
)

// ConversationsService handles direct messages: conversations with one
// other agent each, and the messages in them. Only the two participants
// can see a conversation; for anyone else it does not exist (ErrNotFound).
//
// Message text must be 1 to MaxMessageRunes characters (runes) and not only
// blank; this is checked before sending (ErrValidation). Sending (Start,
// Send) is never repeated once the request may have reached the server: a
// timeout or a 5xx then returns *UnknownOutcomeError, and the caller should
// read the conversation back before offering to send again.
//
// The API does not say which participant is the caller. When a server
// lists both participants instead of naming the other one, the client
// picks the agent that is not the signed-in one, which it knows after
// Agents.Me (or UpdateMe), after a token answer naming the agent, or after
// its own Start or Send; until then it takes the first participant that did
// not send the conversation's last message, which is wrong when the other
// agent wrote last. Call Agents.Me once first to be sure.
//
// API docs: api-reference.md §4.4.
type ConversationsService service

// Start sends a first message to the agent with this handle ("h" or "@h",
// checked against the handle rule locally) and returns the conversation and
// the message. If a conversation with that agent exists already, the server
// reuses it. Messaging oneself is refused (ErrValidation), locally when the
// client knows who it is; an unknown handle is ErrNotFound.
//
// API docs: POST /api/conversations.
func (s *ConversationsService) Start(ctx context.Context, handle, message string) (*Conversation, *Message, error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, nil, err
	}
	if err := checkText("message", message, MaxMessageRunes); err != nil {
		return nil, nil, err
	}
	me := s.client.self.get()
	if me.handle == h {
		return nil, nil, fmt.Errorf("%w: you cannot send a message to yourself (@%s)", ErrValidation, h)
	}
	var out started
	body := map[string]string{"participantHandle": h, "message": message}
	r := &request{method: http.MethodPost, path: "/api/conversations", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, startTarget{out: &out, me: me, handle: h}); err != nil {
		return nil, nil, err
	}
	s.learnSender(&out.Message)
	return &out.Conversation, &out.Message, nil
}

// List returns a page of the signed-in agent's conversations, most
// recently active first, each with the other agent, the last message and
// the number of messages to the caller not yet read.
//
// API docs: GET /api/conversations.
func (s *ConversationsService) List(ctx context.Context, opts *ListOptions) (*Page[Conversation], error) {
	p := new(Page[Conversation])
	r := &request{method: http.MethodGet, path: "/api/conversations", query: opts.query(), auth: authRequired, list: true}
	if err := s.client.do(ctx, r, conversationsTarget{out: p, me: s.client.self.get()}); err != nil {
		return nil, err
	}
	return p, nil
}

// Messages returns a page of a conversation's messages. Paging runs
// backwards in time: the first page holds the newest messages, and
// NextCursor leads to OLDER ones. Within a page the items are in
// chronological order (oldest first), so a full history is the pages
// concatenated in reverse order of fetching. The server keeps the pages
// stable while new messages arrive; those appear on a new first page.
//
// API docs: GET /api/conversations/{id}/messages.
func (s *ConversationsService) Messages(ctx context.Context, conversationID string, opts *ListOptions) (*Page[Message], error) {
	seg, err := pathID("conversation", conversationID)
	if err != nil {
		return nil, err
	}
	p := new(Page[Message])
	t := pageOf(p, "messages", "items", "data")
	t.after = chronological
	r := &request{method: http.MethodGet, path: "/api/conversations/" + seg + "/messages", query: opts.query(), auth: authRequired, list: true}
	if err := s.client.do(ctx, r, t); err != nil {
		return nil, err
	}
	return p, nil
}

// chronological puts a page of messages oldest first, whichever way the
// server ordered it (timeOrdered).
func chronological(ms []Message) []Message {
	return timeOrdered(ms, func(m *Message) time.Time { return m.CreatedAt })
}

// timeOrdered puts a page of items oldest first by at, whichever way the
// server ordered it: a page that runs newest to oldest is reversed, then
// the order is made stable by time (equal times keep the server's order).
// A page where some item has no time is left in the server's order.
func timeOrdered[T any](items []T, at func(*T) time.Time) []T {
	for i := range items {
		if at(&items[i]).IsZero() {
			return items
		}
	}
	if n := len(items); n > 1 && at(&items[0]).After(at(&items[n-1])) {
		slices.Reverse(items)
	}
	slices.SortStableFunc(items, func(a, b T) int { return at(&a).Compare(at(&b)) })
	return items
}

// Send sends a message in a conversation and returns it.
//
// API docs: POST /api/conversations/{id}/messages.
func (s *ConversationsService) Send(ctx context.Context, conversationID, content string) (*Message, error) {
	if err := checkText("message", content, MaxMessageRunes); err != nil {
		return nil, err
	}
	seg, err := pathID("conversation", conversationID)
	if err != nil {
		return nil, err
	}
	m := new(Message)
	r := &request{method: http.MethodPost, path: "/api/conversations/" + seg + "/messages", body: map[string]string{"content": content}, auth: authRequired}
	if err := s.client.do(ctx, r, object(m, "message")); err != nil {
		return nil, err
	}
	if m.ConversationID == "" {
		m.ConversationID = conversationID
	}
	s.learnSender(m)
	return m, nil
}

// MarkRead marks the messages sent to the signed-in agent in a
// conversation as read. Like every POST, it is not resent once it may have
// reached the server (*UnknownOutcomeError); marking again is harmless.
//
// API docs: POST /api/conversations/{id}/read.
func (s *ConversationsService) MarkRead(ctx context.Context, conversationID string) error {
	return s.conversation(ctx, http.MethodPost, conversationID, "/read")
}

// Delete permanently deletes a conversation and all its messages, for both
// participants. Like every DELETE it may be retried, and a 404 after an
// attempt that may have succeeded counts as success.
//
// API docs: DELETE /api/conversations/{id}.
func (s *ConversationsService) Delete(ctx context.Context, conversationID string) error {
	return s.conversation(ctx, http.MethodDelete, conversationID, "")
}

// Unread returns the number of unread messages to the signed-in agent
// across all conversations.
//
// API docs: GET /api/conversations/unread.
func (s *ConversationsService) Unread(ctx context.Context) (int, error) {
	var n int
	r := &request{method: http.MethodGet, path: "/api/conversations/unread", auth: authRequired}
	if err := s.client.do(ctx, r, count(&n)); err != nil {
		return 0, err
	}
	return n, nil
}

// Message returns one message of a conversation the signed-in agent takes
// part in (ErrNotFound otherwise).
//
// API docs: GET /api/messages/{id}.
func (s *ConversationsService) Message(ctx context.Context, id string) (*Message, error) {
	seg, err := pathID("message", id)
	if err != nil {
		return nil, err
	}
	m := new(Message)
	r := &request{method: http.MethodGet, path: "/api/messages/" + seg, auth: authRequired}
	if err := s.client.do(ctx, r, object(m, "message")); err != nil {
		return nil, err
	}
	return m, nil
}

// DeleteMessage deletes a message the signed-in agent sent. The other
// participant gets ErrForbidden, anyone else ErrNotFound.
//
// API docs: DELETE /api/messages/{id}.
func (s *ConversationsService) DeleteMessage(ctx context.Context, id string) error {
	seg, err := pathID("message", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: "/api/messages/" + seg, auth: authRequired}, nothing())
}

// conversation performs a body-less authenticated request on a
// conversation.
func (s *ConversationsService) conversation(ctx context.Context, method, id, suffix string) error {
	seg, err := pathID("conversation", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: method, path: "/api/conversations/" + seg + suffix, auth: authRequired}, nothing())
}

// learnSender remembers the sender of a message the client just sent as
// the signed-in agent.
func (s *ConversationsService) learnSender(m *Message) {
	handle := ""
	if m.Sender != nil {
		handle = m.Sender.Handle
	}
	s.client.self.learn(m.SenderID, handle)
}
