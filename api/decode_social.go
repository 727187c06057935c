package api

// Tolerant decoding of notifications, conversations and messages
// (wire-social.md): the documented shape plus the variants other servers
// and SDKs use. Everything still goes through decode, so every string is
// cleaned before a caller sees it.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// maxSnippetRunes bounds a snippet the client derives from a post or
// comment body, matching what the server sends in "snippet".
const maxSnippetRunes = 140

// flexBool is a flag that accepts true/false, "true"/"false", 0/1 and
// null, and remembers whether a value was present.
type flexBool struct {
	b   bool
	set bool
}

// UnmarshalJSON implements json.Unmarshaler; unusable values leave it unset.
func (f *flexBool) UnmarshalJSON(b []byte) error {
	*f = flexBool{}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	switch x := v.(type) {
	case bool:
		*f = flexBool{b: x, set: true}
	case float64:
		*f = flexBool{b: x != 0, set: true}
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "1":
			*f = flexBool{b: true, set: true}
		case "false", "0":
			*f = flexBool{set: true}
		}
	}
	return nil
}

// ref is a reference to a post or comment: its ID as a string, or an
// object with the ID and (perhaps) its text.
type ref struct {
	ID   string
	Text string
}

// UnmarshalJSON implements json.Unmarshaler; anything else is an empty ref.
func (r *ref) UnmarshalJSON(b []byte) error {
	*r = ref{}
	if json.Unmarshal(b, &r.ID) == nil {
		return nil
	}
	var o struct {
		ID      json.RawMessage `json:"id"`
		Content string          `json:"content"`
		Text    string          `json:"text"`
	}
	if json.Unmarshal(b, &o) == nil {
		r.ID, r.Text = textOf(o.ID), cmp.Or(o.Content, o.Text)
	}
	return nil
}

// agentRef is an embedded agent given as an object (any shape Agent
// accepts) or, by some servers, as a bare ID string.
type agentRef struct {
	agent *Agent
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *agentRef) UnmarshalJSON(b []byte) error {
	r.agent = nil
	var id string
	if json.Unmarshal(b, &id) == nil {
		if id != "" {
			r.agent = &Agent{ID: id}
		}
		return nil
	}
	if !isObject(b) {
		return nil
	}
	a := new(Agent)
	if err := json.Unmarshal(b, a); err != nil {
		return nil
	}
	r.agent = a
	return nil
}

// firstAgent returns the first reference that names an agent.
func firstAgent(refs ...agentRef) *Agent {
	for _, r := range refs {
		if r.agent != nil && (r.agent.ID != "" || r.agent.Handle != "") {
			return r.agent
		}
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the read flag comes from read
// or isRead; the actor from actor, fromAgent, agent or sender; the post and
// comment from postId/commentId or from post/comment objects ({id,
// content}), whose text becomes the Snippet (at most 140 runes) when the
// server sent none; the type is upper-cased.
func (n *Notification) UnmarshalJSON(b []byte) error {
	type plain Notification
	var w struct {
		plain
		Read      flexBool `json:"read"`
		IsRead    flexBool `json:"isRead"`
		CreatedAt flexTime `json:"createdAt"`
		Actor     agentRef `json:"actor"`
		FromAgent agentRef `json:"fromAgent"`
		AgentKey  agentRef `json:"agent"`
		Sender    agentRef `json:"sender"`
		PostID    ref      `json:"postId"`
		CommentID ref      `json:"commentId"`
		Post      ref      `json:"post"`
		Comment   ref      `json:"comment"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*n = Notification(w.plain)
	n.Type = strings.ToUpper(strings.TrimSpace(n.Type))
	n.Read = w.Read.b || (!w.Read.set && w.IsRead.b)
	n.CreatedAt = time.Time(w.CreatedAt)
	if a := firstAgent(w.Actor, w.FromAgent, w.AgentKey, w.Sender); a != nil {
		n.Actor = *a
	}
	n.PostID = cmp.Or(w.PostID.ID, w.Post.ID)
	n.CommentID = cmp.Or(w.CommentID.ID, w.Comment.ID)
	if n.Snippet == "" {
		// The comment is what a COMMENT or REPLY is about; the post is the
		// context.
		n.Snippet = capRunes(strings.TrimSpace(cmp.Or(w.Comment.Text, w.Post.Text)), maxSnippetRunes)
	}
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: the sender comes from sender
// (an agent or its ID), agent, author or fromAgent, and SenderID from
// senderId or the sender's ID; the read flag from read or isRead (or a
// non-null readAt); the text from content or text.
func (m *Message) UnmarshalJSON(b []byte) error {
	type plain Message
	var w struct {
		plain
		CreatedAt flexTime        `json:"createdAt"`
		Sender    agentRef        `json:"sender"`
		AgentKey  agentRef        `json:"agent"`
		Author    agentRef        `json:"author"`
		FromAgent agentRef        `json:"fromAgent"`
		Read      flexBool        `json:"read"`
		IsRead    flexBool        `json:"isRead"`
		ReadAt    json.RawMessage `json:"readAt"`
		Text      string          `json:"text"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*m = Message(w.plain)
	m.CreatedAt = time.Time(w.CreatedAt)
	m.Content = cmp.Or(m.Content, w.Text)
	m.Sender = firstAgent(w.Sender, w.AgentKey, w.Author, w.FromAgent)
	if m.Sender != nil {
		m.SenderID = cmp.Or(m.SenderID, m.Sender.ID)
	}
	readAt := len(w.ReadAt) > 0 && string(w.ReadAt) != "null"
	switch {
	case w.Read.set:
		m.Read = w.Read.b
	case w.IsRead.set:
		m.Read = w.IsRead.b
	default:
		m.Read = readAt
	}
	return nil
}

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

// countTarget decodes a count answer: {"count":n}, {"unreadCount":n},
// {"unread":n} (first present wins) or a bare number.
type countTarget struct {
	out *int
}

func count(out *int) target { return countTarget{out: out} }

func (t countTarget) parse(body []byte) (any, error) {
	var n flexInt
	if err := json.Unmarshal(body, &n); err == nil && n.set {
		*t.out = n.n
		return nil, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, malformed(err)
	}
	for _, k := range []string{"count", "unreadCount", "unread"} {
		if v, ok := m[k]; ok && json.Unmarshal(v, &n) == nil && n.set {
			*t.out = n.n
			return nil, nil
		}
	}
	return nil, fmt.Errorf("%w: no count in the answer", ErrMalformedResponse)
}
