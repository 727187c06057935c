package sandbox

import (
	"cmp"
	"slices"
	"time"
)

// memConversation is a stored conversation with its messages in sequence
// order (oldest first).
type memConversation struct {
	rec      conversationRecord
	messages []*messageRecord
}

// pairKey is the order-independent key of two participants.
func pairKey(a, b string) pair {
	if b < a {
		a, b = b, a
	}
	return pair{a, b}
}

// summaryLocked renders c as viewerID sees it. Callers hold the lock.
func (c *memConversation) summaryLocked(viewerID string) conversationSummary {
	sum := conversationSummary{conversationRecord: c.rec}
	if n := len(c.messages); n > 0 {
		last := *c.messages[n-1]
		sum.Last = &last
	}
	for _, msg := range c.messages {
		if msg.SenderID != viewerID && !msg.Read && c.rec.has(viewerID) {
			sum.Unread++
		}
	}
	return sum
}

// appendLocked adds a message to c and moves c's activity forward. Callers
// hold the write lock.
func (m *memStore) appendLocked(c *memConversation, msg messageRecord) messageRecord {
	if msg.ID == "" {
		msg.ID = m.newIDLocked("msg_")
	}
	msg.Seq = m.next()
	msg.ConversationID = c.rec.ID
	msg.Read = false
	rec := msg
	c.messages = append(c.messages, &rec)
	m.messages[rec.ID] = &rec
	c.rec.ActivitySeq, c.rec.UpdatedAt = rec.Seq, rec.CreatedAt
	return rec
}

// SendToAgent appends m to the conversation between its sender and
// recipientID, starting the conversation when there is none yet.
func (m *memStore) SendToAgent(msg messageRecord, recipientID string) (conversationSummary, messageRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.agents[msg.SenderID]; !ok {
		return conversationSummary{}, messageRecord{}, errNotFound
	}
	if _, ok := m.agents[recipientID]; !ok || recipientID == msg.SenderID {
		return conversationSummary{}, messageRecord{}, errNotFound
	}
	k := pairKey(msg.SenderID, recipientID)
	c, ok := m.conversations[m.convByPair[k]]
	if !ok {
		c = m.openLocked(msg.SenderID, recipientID, msg.CreatedAt)
	}
	rec := m.appendLocked(c, msg)
	return c.summaryLocked(msg.SenderID), rec, nil
}

// openLocked creates the conversation of two agents. Callers hold the
// write lock and know there is none yet.
func (m *memStore) openLocked(a, b string, at time.Time) *memConversation {
	c := &memConversation{rec: conversationRecord{
		Seq: m.next(), ID: m.newIDLocked("cnv_"), Participants: [2]string{a, b}, CreatedAt: at, UpdatedAt: at,
	}}
	c.rec.ActivitySeq = c.rec.Seq
	m.conversations[c.rec.ID] = c
	m.convByPair[pairKey(a, b)] = c.rec.ID
	for _, id := range []string{a, b} {
		if m.agentConvs[id] == nil {
			m.agentConvs[id] = map[string]*memConversation{}
		}
		m.agentConvs[id][c.rec.ID] = c
	}
	return c
}

// AddMessage appends a message to an existing conversation; the sender
// must take part in it (errNotFound otherwise).
func (m *memStore) AddMessage(msg messageRecord) (conversationSummary, messageRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.conversations[msg.ConversationID]
	if !ok || !c.rec.has(msg.SenderID) {
		return conversationSummary{}, messageRecord{}, errNotFound
	}
	rec := m.appendLocked(c, msg)
	return c.summaryLocked(msg.SenderID), rec, nil
}

// Conversation returns a conversation as viewerID sees it. It does not
// check that viewerID takes part; callers do.
func (m *memStore) Conversation(id, viewerID string) (conversationSummary, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.conversations[id]
	if !ok {
		return conversationSummary{}, false
	}
	return c.summaryLocked(viewerID), true
}

// ConversationBetween returns the ID of the conversation of two agents.
func (m *memStore) ConversationBetween(a, b string) (string, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	id, ok := m.convByPair[pairKey(a, b)]
	return id, ok
}

// ListConversations returns an agent's conversations, most recently active
// first. The cursor is the ActivitySeq of the last conversation seen.
func (m *memStore) ListConversations(agentID string, q pageQuery) ([]conversationSummary, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	all := make([]*memConversation, 0, len(m.agentConvs[agentID]))
	for _, c := range m.agentConvs[agentID] {
		all = append(all, c)
	}
	slices.SortFunc(all, func(x, y *memConversation) int { return cmp.Compare(x.rec.ActivitySeq, y.rec.ActivitySeq) })
	page, more := pageDesc(all, func(c *memConversation) int64 { return c.rec.ActivitySeq }, q, nil)
	out := make([]conversationSummary, 0, len(page))
	for _, c := range page {
		out = append(out, c.summaryLocked(agentID))
	}
	return out, more
}

// DeleteConversation removes a conversation and all its messages, for both
// participants.
func (m *memStore) DeleteConversation(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.conversations[id]
	if !ok {
		return errNotFound
	}
	for _, msg := range c.messages {
		delete(m.messages, msg.ID)
	}
	delete(m.conversations, id)
	delete(m.convByPair, pairKey(c.rec.Participants[0], c.rec.Participants[1]))
	for _, a := range c.rec.Participants {
		delete(m.agentConvs[a], id)
	}
	return nil
}

// Message returns the message with the given ID.
func (m *memStore) Message(id string) (messageRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	msg, ok := m.messages[id]
	if !ok {
		return messageRecord{}, false
	}
	return *msg, true
}

// ListMessages returns a conversation's messages newest first; the cursor
// is the sequence number of the oldest message already seen.
func (m *memStore) ListMessages(conversationID string, q pageQuery) ([]messageRecord, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.conversations[conversationID]
	if !ok {
		return nil, false, errNotFound
	}
	page, more := pageDesc(c.messages, func(msg *messageRecord) int64 { return msg.Seq }, q, nil)
	return derefAll(page), more, nil
}

// MarkMessagesRead marks the messages to readerID up to sequence number
// upTo (0: all) as read and returns how many changed.
func (m *memStore) MarkMessagesRead(conversationID, readerID string, upTo int64) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.conversations[conversationID]
	if !ok || !c.rec.has(readerID) {
		return 0
	}
	n := 0
	for _, msg := range c.messages {
		if upTo > 0 && msg.Seq > upTo {
			break
		}
		if msg.SenderID != readerID && !msg.Read {
			msg.Read = true
			n++
		}
	}
	return n
}

// UnreadMessages counts the unread messages to agentID across all its
// conversations.
func (m *memStore) UnreadMessages(agentID string) int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	for _, c := range m.agentConvs[agentID] {
		n += c.summaryLocked(agentID).Unread
	}
	return n
}

// DeleteMessage removes one message; the conversation stays, its last
// message becomes the previous one.
func (m *memStore) DeleteMessage(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	msg, ok := m.messages[id]
	if !ok {
		return errNotFound
	}
	delete(m.messages, id)
	if c, ok := m.conversations[msg.ConversationID]; ok {
		c.messages = removeFirst(c.messages, func(x *messageRecord) bool { return x.ID == id })
	}
	return nil
}

// FindMessages returns every stored message for which match is true, in
// sequence order. match runs under the store's lock and must not call the
// store.
func (m *memStore) FindMessages(match func(messageRecord) bool) []messageRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []messageRecord
	for _, msg := range m.messages {
		if match(*msg) {
			out = append(out, *msg)
		}
	}
	slices.SortFunc(out, func(x, y messageRecord) int { return cmp.Compare(x.Seq, y.Seq) })
	return out
}
