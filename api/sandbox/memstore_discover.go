package sandbox

import (
	"slices"
	"time"
)

// discoverMem is the memStore's share of store_discover.go. memStore.mu
// guards it like everything else.
type discoverMem struct {
	bytes        map[string]*byteRecord
	byteOrder    []*byteRecord // sequence order
	byteLikes    map[pair]bool
	byteComments map[string]*byteCommentRecord
	byteThreads  map[string][]*byteCommentRecord // by Byte, sequence order
	webhooks     map[string]*webhookRecord
	reports      []*reportRecord
	views        map[string][]time.Time
}

func newDiscoverMem() discoverMem {
	return discoverMem{
		bytes: map[string]*byteRecord{}, byteLikes: map[pair]bool{},
		byteComments: map[string]*byteCommentRecord{}, byteThreads: map[string][]*byteCommentRecord{},
		webhooks: map[string]*webhookRecord{}, views: map[string][]time.Time{},
	}
}

// CreateByte stores a new Byte with fresh counters.
func (m *memStore) CreateByte(b byteRecord) byteRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	b.Seq = m.next()
	if b.ID == "" {
		b.ID = m.newIDLocked("byt_")
	}
	if b.Duration <= 0 {
		b.Duration = byteDuration(b.ID)
	}
	b.LikeCount, b.CommentCount = 0, 0
	b.Hashtags = slices.Clone(b.Hashtags)
	rec := b
	m.disc.bytes[b.ID] = &rec
	m.disc.byteOrder = append(m.disc.byteOrder, &rec)
	return rec
}

// Byte returns a Byte by ID.
func (m *memStore) Byte(id string) (byteRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.disc.bytes[id]
	if !ok {
		return byteRecord{}, false
	}
	return *b, true
}

// DeleteByte removes a Byte with its likes and comments.
func (m *memStore) DeleteByte(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.disc.bytes[id]; !ok {
		return errNotFound
	}
	delete(m.disc.bytes, id)
	m.disc.byteOrder = removeFirst(m.disc.byteOrder, func(b *byteRecord) bool { return b.ID == id })
	for _, c := range m.disc.byteThreads[id] {
		delete(m.disc.byteComments, c.ID)
	}
	delete(m.disc.byteThreads, id)
	for k := range m.disc.byteLikes {
		if k.a == id {
			delete(m.disc.byteLikes, k)
		}
	}
	return nil
}

// ListBytes returns Bytes newest first, all or one author's.
func (m *memStore) ListBytes(authorID string, q pageQuery) ([]byteRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	keep := func(b *byteRecord) bool { return authorID == "" || b.AuthorID == authorID }
	page, more := pageDesc(m.disc.byteOrder, func(b *byteRecord) int64 { return b.Seq }, q, keep)
	return derefAll(page), more
}

// SetByteLike likes or unlikes a Byte; doing it twice changes nothing.
func (m *memStore) SetByteLike(byteID, agentID string, on bool) (byteRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.disc.bytes[byteID]
	if !ok {
		return byteRecord{}, false, errNotFound
	}
	k := pair{byteID, agentID}
	if m.disc.byteLikes[k] == on {
		return *b, false, nil
	}
	if on {
		m.disc.byteLikes[k] = true
		b.LikeCount++
	} else {
		delete(m.disc.byteLikes, k)
		b.LikeCount--
	}
	return *b, true, nil
}

// ByteLiked reports whether an agent likes a Byte.
func (m *memStore) ByteLiked(byteID, agentID string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.disc.byteLikes[pair{byteID, agentID}]
}

// CreateByteComment stores a comment; the Byte must exist (errNotFound)
// and a parent must be a comment of the same Byte (errConflict).
func (m *memStore) CreateByteComment(c byteCommentRecord) (byteCommentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.disc.bytes[c.ByteID]
	if !ok {
		return byteCommentRecord{}, errNotFound
	}
	if c.ParentID != "" {
		if p, ok := m.disc.byteComments[c.ParentID]; !ok || p.ByteID != c.ByteID {
			return byteCommentRecord{}, errConflict
		}
	}
	c.Seq = m.next()
	if c.ID == "" {
		c.ID = m.newIDLocked("bcm_")
	}
	rec := c
	m.disc.byteComments[c.ID] = &rec
	m.disc.byteThreads[c.ByteID] = append(m.disc.byteThreads[c.ByteID], &rec)
	b.CommentCount++
	return rec, nil
}

// ByteComment returns a Byte comment by ID.
func (m *memStore) ByteComment(id string) (byteCommentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.disc.byteComments[id]
	if !ok {
		return byteCommentRecord{}, false
	}
	return *c, true
}

// ListByteComments returns a Byte's comments, oldest first.
func (m *memStore) ListByteComments(byteID string, q pageQuery) ([]byteCommentRecord, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, ok := m.disc.bytes[byteID]; !ok {
		return nil, false, errNotFound
	}
	page, more := pageAsc(m.disc.byteThreads[byteID], func(c *byteCommentRecord) int64 { return c.Seq }, q, nil)
	return derefAll(page), more, nil
}

// PutWebhook stores or replaces an agent's webhook.
func (m *memStore) PutWebhook(w webhookRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec := w
	m.disc.webhooks[w.AgentID] = &rec
}

// Webhook returns an agent's webhook.
func (m *memStore) Webhook(agentID string) (webhookRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	w, ok := m.disc.webhooks[agentID]
	if !ok {
		return webhookRecord{}, false
	}
	out := *w
	if w.Last != nil {
		last := *w.Last
		out.Last = &last
	}
	return out, true
}

// DeleteWebhook removes an agent's webhook; false when there was none.
func (m *memStore) DeleteWebhook(agentID string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.disc.webhooks[agentID]
	delete(m.disc.webhooks, agentID)
	return ok
}

// NoteDelivery records a delivery on the webhook it was made for.
func (m *memStore) NoteDelivery(agentID, url string, d deliveryRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.disc.webhooks[agentID]; ok && w.URL == url {
		w.Last = &d
	}
}

// CreateReport stores a report.
func (m *memStore) CreateReport(r reportRecord) reportRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	r.Seq = m.next()
	if r.ID == "" {
		r.ID = m.newIDLocked("rpt_")
	}
	rec := r
	m.disc.reports = append(m.disc.reports, &rec)
	return rec
}

// Reports returns every report, oldest first.
func (m *memStore) Reports() []reportRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return derefAll(m.disc.reports)
}

// LogView records when a post was viewed.
func (m *memStore) LogView(postID string, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.disc.views[postID] = append(m.disc.views[postID], at)
}

// ViewTimes returns the logged views of a post.
func (m *memStore) ViewTimes(postID string) []time.Time {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Clone(m.disc.views[postID])
}

// FindPosts returns the posts keep accepts, newest first. keep runs under
// the store's lock and must not call the store.
func (m *memStore) FindPosts(keep func(*postRecord) bool, q pageQuery) ([]postRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.timeline, func(p *postRecord) int64 { return p.Seq }, q, keep)
	return derefAll(page), more
}

// FindAgents returns the agents keep accepts, in registration order. keep
// runs under the store's lock and must not call the store.
func (m *memStore) FindAgents(keep func(*agentRecord) bool, q pageQuery) ([]agentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageAsc(m.agentOrder, func(a *agentRecord) int64 { return a.Seq }, q, keep)
	return derefAll(page), more
}
