package sandbox

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
)

// pair is a (post or agent, agent) key for membership sets.
type pair struct{ a, b string }

// memStore is the in-memory store. One RWMutex guards everything; the world
// is small and every operation is a few map look-ups or a short scan.
type memStore struct {
	mu  sync.RWMutex
	seq int64
	ids *rand.Rand

	agents     map[string]*agentRecord
	agentOrder []*agentRecord
	byHandle   map[string]string
	byClient   map[string]string

	tokens map[string]tokenRecord

	posts    map[string]*postRecord
	timeline []*postRecord // sequence order (oldest first)

	comments     map[string]*commentRecord
	postComments map[string][]*commentRecord
	allComments  []*commentRecord

	likes      map[string][]*likeRecord // by post
	agentLikes map[string][]*likeRecord // by agent
	liked      map[pair]*likeRecord

	reposts   map[string][]*repostRecord // by post
	reposted  map[pair]*repostRecord     // plain reposts only
	amplified map[pair]bool

	followers map[string][]*followRecord // by followee
	following map[string][]*followRecord // by follower
	follows   map[pair]*followRecord

	events []Event

	notifications map[string][]*notificationRecord // by recipient, sequence order

	conversations map[string]*memConversation
	convByPair    map[pair]string                        // sorted participant IDs -> conversation
	agentConvs    map[string]map[string]*memConversation // by participant
	messages      map[string]*messageRecord

	gen    genMem
	market marketMem
	disc   discoverMem
}

// newMemStore returns an empty store whose IDs are drawn from seed.
func newMemStore(seed uint64) *memStore {
	return &memStore{
		ids:          rand.New(rand.NewPCG(seed, 0x1d5)),
		agents:       map[string]*agentRecord{},
		byHandle:     map[string]string{},
		byClient:     map[string]string{},
		tokens:       map[string]tokenRecord{},
		posts:        map[string]*postRecord{},
		comments:     map[string]*commentRecord{},
		postComments: map[string][]*commentRecord{},
		likes:        map[string][]*likeRecord{},
		agentLikes:   map[string][]*likeRecord{},
		liked:        map[pair]*likeRecord{},
		reposts:      map[string][]*repostRecord{},
		reposted:     map[pair]*repostRecord{},
		amplified:    map[pair]bool{},
		followers:    map[string][]*followRecord{},
		following:    map[string][]*followRecord{},
		follows:      map[pair]*followRecord{},

		notifications: map[string][]*notificationRecord{},
		conversations: map[string]*memConversation{},
		convByPair:    map[pair]string{},
		agentConvs:    map[string]map[string]*memConversation{},
		messages:      map[string]*messageRecord{},
		gen:           newGenMem(),
		market:        newMarketMem(),
		disc:          newDiscoverMem(),
	}
}

const idAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

// NewID returns prefix followed by 16 random base-36 characters.
func (m *memStore) NewID(prefix string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.newIDLocked(prefix)
}

func (m *memStore) newIDLocked(prefix string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for range 16 {
		b.WriteByte(idAlphabet[m.ids.IntN(len(idAlphabet))])
	}
	return b.String()
}

// FreshIDs draws the IDs from now on from a source seeded at random.
func (m *memStore) FreshIDs() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ids = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
}

// next returns the next sequence number. Callers hold the write lock.
func (m *memStore) next() int64 {
	m.seq++
	return m.seq
}

// CreateAgent stores a new agent; the handle and client ID must be unique.
func (m *memStore) CreateAgent(a agentRecord) (agentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, taken := m.byHandle[a.Handle]; taken {
		return agentRecord{}, errConflict
	}
	if a.ID == "" {
		a.ID = m.newIDLocked("agt_")
	}
	a.Seq = m.next()
	a.FollowerCount, a.FollowingCount, a.PostCount = 0, 0, 0
	rec := a
	m.agents[a.ID] = &rec
	m.agentOrder = append(m.agentOrder, &rec)
	m.byHandle[a.Handle] = a.ID
	if a.ClientID != "" {
		m.byClient[a.ClientID] = a.ID
	}
	return rec, nil
}

// Agent returns the agent with the given ID.
func (m *memStore) Agent(id string) (agentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.agents[id]
	if !ok {
		return agentRecord{}, false
	}
	return *a, true
}

// AgentByHandle returns the agent with the given handle (no "@").
func (m *memStore) AgentByHandle(handle string) (agentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.agents[m.byHandle[handle]]
	if !ok {
		return agentRecord{}, false
	}
	return *a, true
}

// AgentByClientID returns the agent owning an OAuth client ID.
func (m *memStore) AgentByClientID(clientID string) (agentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.agents[m.byClient[clientID]]
	if !ok {
		return agentRecord{}, false
	}
	return *a, true
}

// UpdateAgent applies update to the stored agent. The update must not change
// the ID, handle or counters; those are restored afterwards.
func (m *memStore) UpdateAgent(id string, update func(*agentRecord)) (agentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.agents[id]
	if !ok {
		return agentRecord{}, errNotFound
	}
	keep := *a
	update(a)
	a.ID, a.Seq, a.Handle, a.ClientID = keep.ID, keep.Seq, keep.Handle, keep.ClientID
	a.FollowerCount, a.FollowingCount, a.PostCount = keep.FollowerCount, keep.FollowingCount, keep.PostCount
	return *a, nil
}

// ListAgents returns agents in registration order, filtered by q.
func (m *memStore) ListAgents(q agentQuery) ([]agentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	search := strings.ToLower(q.Search)
	keep := func(a *agentRecord) bool {
		if q.Type != "" && a.AgentType != q.Type {
			return false
		}
		if q.Verified != nil && a.Verified != *q.Verified {
			return false
		}
		return search == "" || strings.Contains(a.Handle, search) ||
			strings.Contains(strings.ToLower(a.Name), search)
	}
	page, more := pageAsc(m.agentOrder, func(a *agentRecord) int64 { return a.Seq }, q.Page, keep)
	return derefAll(page), more
}

// PutToken stores (or replaces) a token.
func (m *memStore) PutToken(t tokenRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tokens[t.Value] = t
}

// Token looks a token up by its value.
func (m *memStore) Token(value string) (tokenRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	t, ok := m.tokens[value]
	return t, ok
}

// DeleteToken forgets a token.
func (m *memStore) DeleteToken(value string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.tokens, value)
}

// AppendEvent adds an event to the log, assigning its sequence number and,
// when missing, its ID.
func (m *memStore) AppendEvent(e Event) Event {
	m.mu.Lock()
	defer m.mu.Unlock()
	e.Seq = m.next()
	if e.ID == "" {
		e.ID = m.newIDLocked("ntf_")
	}
	m.events = append(m.events, e)
	return e
}

// Events returns the events after sinceSeq, oldest first.
func (m *memStore) Events(sinceSeq int64) []Event {
	m.mu.RLock()
	defer m.mu.RUnlock()
	i, _ := slices.BinarySearchFunc(m.events, sinceSeq+1, func(e Event, seq int64) int {
		return int(e.Seq - seq)
	})
	return slices.Clone(m.events[i:])
}

// LastEventSeq returns the sequence number of the newest event.
func (m *memStore) LastEventSeq() int64 {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if len(m.events) == 0 {
		return 0
	}
	return m.events[len(m.events)-1].Seq
}

// pageAsc returns up to q.Limit items with a sequence number above q.Cursor,
// in ascending order, plus whether more remain. items must be sorted by seq.
func pageAsc[T any](items []T, seq func(T) int64, q pageQuery, keep func(T) bool) ([]T, bool) {
	var out []T
	for _, it := range items {
		if q.Cursor > 0 && seq(it) <= q.Cursor {
			continue
		}
		if keep != nil && !keep(it) {
			continue
		}
		if len(out) == q.Limit {
			return out, true
		}
		out = append(out, it)
	}
	return out, false
}

// pageDesc is pageAsc walking from the newest item down: it returns items
// with a sequence number below q.Cursor (when set), newest first.
func pageDesc[T any](items []T, seq func(T) int64, q pageQuery, keep func(T) bool) ([]T, bool) {
	var out []T
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		if q.Cursor > 0 && seq(it) >= q.Cursor {
			continue
		}
		if keep != nil && !keep(it) {
			continue
		}
		if len(out) == q.Limit {
			return out, true
		}
		out = append(out, it)
	}
	return out, false
}

// derefAll copies the pointed-to records.
func derefAll[T any](ptrs []*T) []T {
	out := make([]T, len(ptrs))
	for i, p := range ptrs {
		out[i] = *p
	}
	return out
}

// removeFirst deletes the first element for which match is true.
func removeFirst[T any](items []T, match func(T) bool) []T {
	if i := slices.IndexFunc(items, match); i >= 0 {
		return slices.Delete(items, i, i+1)
	}
	return items
}
