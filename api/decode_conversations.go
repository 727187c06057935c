package api

// Tolerant decoding of conversations (wire-social.md): the other agent from
// participant, otherAgent or a participants list, previews as strings, and
// the several shapes of the answer to starting a conversation.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// conversationWire is a conversation as sent: the Conversation plus the
// participants list that only the client, which knows who it is, can
// reduce to the other agent (see pick).
type conversationWire struct {
	Conversation
	participants []Agent
}

// UnmarshalJSON implements json.Unmarshaler: the other agent comes from
// participant or otherAgent, or is kept as a list from participants (bare
// agents or {agent:{…}} entries); lastMessage may be a message or a bare
// preview string; unreadCount is lenient (also "unread"); updatedAt falls
// back to the last message's time, then createdAt.
func (w *conversationWire) UnmarshalJSON(b []byte) error {
	type plain Conversation
	var s struct {
		plain
		Participant  agentRef        `json:"participant"`
		OtherAgent   agentRef        `json:"otherAgent"`
		Participants []agentRef      `json:"participants"`
		LastMessage  json.RawMessage `json:"lastMessage"`
		UnreadCount  flexInt         `json:"unreadCount"`
		Unread       flexInt         `json:"unread"`
		UpdatedAt    flexTime        `json:"updatedAt"`
		CreatedAt    flexTime        `json:"createdAt"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*w = conversationWire{Conversation: Conversation(s.plain)}
	c := &w.Conversation
	if a := firstAgent(s.Participant, s.OtherAgent); a != nil {
		c.Participant = *a
	}
	for _, p := range s.Participants {
		if a := firstAgent(p); a != nil {
			w.participants = append(w.participants, *a)
		}
	}
	c.LastMessage = lastMessage(s.LastMessage)
	if c.LastMessage != nil && c.LastMessage.ConversationID == "" {
		c.LastMessage.ConversationID = c.ID
	}
	c.UnreadCount = s.UnreadCount.or(s.Unread)
	c.UpdatedAt = time.Time(s.UpdatedAt)
	if c.UpdatedAt.IsZero() && c.LastMessage != nil {
		c.UpdatedAt = c.LastMessage.CreatedAt
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = time.Time(s.CreatedAt)
	}
	return nil
}

// lastMessage reads a conversation's lastMessage: a message object, a bare
// preview string, or nothing.
func lastMessage(raw json.RawMessage) *Message {
	var preview string
	if json.Unmarshal(raw, &preview) == nil {
		if preview == "" {
			return nil
		}
		return &Message{Content: preview}
	}
	if !isObject(raw) {
		return nil
	}
	m := new(Message)
	if json.Unmarshal(raw, m) != nil {
		return nil
	}
	return m
}

// pick returns the conversation with Participant set to the other agent.
// A participant named by the server is kept. From a participants list the
// client takes the first agent that is not the signed-in one when it knows
// who it is (me); otherwise the first that did not send sender's message
// (the caller's own message for Start, else the last message), and failing
// that the first listed.
func (w conversationWire) pick(me self, sender *Message) Conversation {
	c := w.Conversation
	if c.Participant.ID != "" || c.Participant.Handle != "" || len(w.participants) == 0 {
		return c
	}
	if sender == nil {
		sender = c.LastMessage
	}
	notSender := func(a Agent) bool {
		if sender == nil {
			return true
		}
		if sender.SenderID != "" {
			return a.ID != sender.SenderID
		}
		return sender.Sender == nil || !strings.EqualFold(a.Handle, sender.Sender.Handle)
	}
	i := slices.IndexFunc(w.participants, func(a Agent) bool {
		if me.known() {
			return !me.is(a)
		}
		return notSender(a)
	})
	c.Participant = w.participants[max(i, 0)]
	return c
}

// UnmarshalJSON implements json.Unmarshaler for a conversation decoded on
// its own, without the client: as conversationWire, with a participants
// list reduced by the sender of the last message (see pick).
func (c *Conversation) UnmarshalJSON(b []byte) error {
	var w conversationWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = w.pick(self{}, nil)
	return nil
}

// conversationsTarget decodes a page of conversations, reducing each
// participants list with the client's identity.
type conversationsTarget struct {
	out *Page[Conversation]
	me  self
}

func (t conversationsTarget) parse(body []byte) (any, error) {
	var raw Page[conversationWire]
	if _, err := pageOf(&raw, "conversations", "items", "data").parse(body); err != nil {
		return nil, err
	}
	items := make([]Conversation, len(raw.Items))
	for i, w := range raw.Items {
		items[i] = w.pick(t.me, nil)
	}
	*t.out = Page[Conversation]{Items: items, NextCursor: raw.NextCursor, HasMore: raw.HasMore}
	return t.out, nil
}

// started is the answer to starting a conversation.
type started struct {
	Conversation Conversation
	Message      Message
}

// startTarget decodes the answer to POST /api/conversations:
// {conversation, message} as documented, or a bare conversation whose
// lastMessage is the new message, or a bare message naming its
// conversation. Missing links are filled from each other, and the other
// agent from handle when the server named none.
type startTarget struct {
	out    *started
	me     self
	handle string
}

func (t startTarget) parse(body []byte) (any, error) {
	var env struct {
		Conversation json.RawMessage `json:"conversation"`
		Message      json.RawMessage `json:"message"`
		Content      json.RawMessage `json:"content"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, malformed(err)
	}
	var w conversationWire
	var m Message
	var err error
	switch {
	case isObject(env.Conversation) || isObject(env.Message):
		if isObject(env.Conversation) {
			err = json.Unmarshal(env.Conversation, &w)
		}
		if err == nil && isObject(env.Message) {
			err = json.Unmarshal(env.Message, &m)
		}
	case env.Content != nil:
		err = json.Unmarshal(body, &m)
	default:
		err = json.Unmarshal(body, &w)
	}
	if err != nil {
		return nil, malformed(err)
	}
	if m.ID == "" && w.LastMessage != nil {
		m = *w.LastMessage
	}
	m.ConversationID = cmp.Or(m.ConversationID, w.ID)
	if m.ConversationID == "" {
		return nil, fmt.Errorf("%w: no conversation ID in the answer", ErrMalformedResponse)
	}
	c := w.pick(t.me, &m)
	c.ID = cmp.Or(c.ID, m.ConversationID)
	if c.Participant.ID == "" && c.Participant.Handle == "" {
		c.Participant.Handle = t.handle
	}
	if c.LastMessage == nil && m.ID != "" {
		last := m
		c.LastMessage = &last
	}
	*t.out = started{Conversation: c, Message: m}
	return t.out, nil
}
