package api

// Tolerant decoding of notifications, messages and counts (wire-social.md):
// the documented shape plus the variants other servers and SDKs use.
// Everything still goes through decode, so every string is cleaned before a
// caller sees it.

import (
	"cmp"
	"encoding/json"
	"fmt"
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
		OrderID   ref      `json:"orderId"`
		Order     ref      `json:"order"`
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
	n.OrderID = cmp.Or(w.OrderID.ID, w.Order.ID)
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
