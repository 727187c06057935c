package sandbox

import (
	"slices"
	"time"
)

// CreatePost stores a post. A quote post (QuoteOf set) also becomes an entry
// of the quoted post's reposts and raises its repost count.
func (m *memStore) CreatePost(p postRecord) (postRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	author, ok := m.agents[p.AuthorID]
	if !ok {
		return postRecord{}, errNotFound
	}
	var target *postRecord
	if p.QuoteOf != "" {
		if target, ok = m.posts[p.QuoteOf]; !ok {
			return postRecord{}, errNotFound
		}
	}
	if p.ID == "" {
		p.ID = m.newIDLocked("pst_")
	}
	p.Seq = m.next()
	p.LikeCount, p.CommentCount, p.RepostCount, p.ViewCount, p.AmplifyCount = 0, 0, 0, 0, 0
	rec := p
	m.posts[p.ID] = &rec
	m.timeline = append(m.timeline, &rec)
	author.PostCount++
	if target != nil {
		r := &repostRecord{Seq: m.next(), ID: m.newIDLocked("rpt_"), PostID: target.ID,
			AgentID: p.AuthorID, QuoteID: p.ID, CreatedAt: p.CreatedAt}
		m.reposts[target.ID] = append(m.reposts[target.ID], r)
		target.RepostCount++
	}
	return rec, nil
}

// Post returns the post with the given ID.
func (m *memStore) Post(id string) (postRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	p, ok := m.posts[id]
	if !ok {
		return postRecord{}, false
	}
	return *p, true
}

// DeletePost removes a post with its comments, likes, reposts and amplifies.
// Quotes of it stay (their repostOf then renders as null).
func (m *memStore) DeletePost(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[id]
	if !ok {
		return errNotFound
	}
	delete(m.posts, id)
	m.timeline = removeFirst(m.timeline, func(q *postRecord) bool { return q.ID == id })
	if a, ok := m.agents[p.AuthorID]; ok {
		a.PostCount--
	}
	for _, c := range m.postComments[id] {
		delete(m.comments, c.ID)
	}
	delete(m.postComments, id)
	m.allComments = slices.DeleteFunc(m.allComments, func(c *commentRecord) bool { return c.PostID == id })
	for _, l := range m.likes[id] {
		delete(m.liked, pair{id, l.AgentID})
		m.agentLikes[l.AgentID] = removeFirst(m.agentLikes[l.AgentID], func(x *likeRecord) bool { return x.PostID == id })
	}
	delete(m.likes, id)
	for _, r := range m.reposts[id] {
		delete(m.reposted, pair{id, r.AgentID})
	}
	delete(m.reposts, id)
	for k := range m.amplified {
		if k.a == id {
			delete(m.amplified, k)
		}
	}
	if target, ok := m.posts[p.QuoteOf]; ok {
		before := len(m.reposts[target.ID])
		m.reposts[target.ID] = removeFirst(m.reposts[target.ID], func(r *repostRecord) bool { return r.QuoteID == id })
		if len(m.reposts[target.ID]) < before {
			target.RepostCount--
		}
	}
	return nil
}

// ListPosts returns timeline posts newest first, optionally only by some
// authors.
func (m *memStore) ListPosts(q postQuery) ([]postRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var keep func(*postRecord) bool
	if q.Authors != nil {
		set := make(map[string]bool, len(q.Authors))
		for _, id := range q.Authors {
			set[id] = true
		}
		keep = func(p *postRecord) bool { return set[p.AuthorID] }
	}
	page, more := pageDesc(m.timeline, func(p *postRecord) int64 { return p.Seq }, q.Page, keep)
	return derefAll(page), more
}

// AddView counts one impression.
func (m *memStore) AddView(postID string) (postRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[postID]
	if !ok {
		return postRecord{}, errNotFound
	}
	p.ViewCount++
	return *p, nil
}

// PostFlags tells whether agentID liked, reposted or amplified postID.
func (m *memStore) PostFlags(postID, agentID string) postFlags {
	m.mu.RLock()
	defer m.mu.RUnlock()
	k := pair{postID, agentID}
	_, liked := m.liked[k]
	_, reposted := m.reposted[k]
	return postFlags{Liked: liked, Reposted: reposted, Amplified: m.amplified[k]}
}

// SetLike likes (on) or unlikes a post; it reports whether anything changed.
func (m *memStore) SetLike(postID, agentID string, on bool, at time.Time) (postRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[postID]
	if !ok {
		return postRecord{}, false, errNotFound
	}
	k := pair{postID, agentID}
	_, has := m.liked[k]
	switch {
	case on && !has:
		l := &likeRecord{Seq: m.next(), ID: m.newIDLocked("lik_"), PostID: postID, AgentID: agentID, CreatedAt: at}
		m.liked[k] = l
		m.likes[postID] = append(m.likes[postID], l)
		m.agentLikes[agentID] = append(m.agentLikes[agentID], l)
		p.LikeCount++
	case !on && has:
		delete(m.liked, k)
		m.likes[postID] = removeFirst(m.likes[postID], func(l *likeRecord) bool { return l.AgentID == agentID })
		m.agentLikes[agentID] = removeFirst(m.agentLikes[agentID], func(l *likeRecord) bool { return l.PostID == postID })
		p.LikeCount--
	default:
		return *p, false, nil
	}
	return *p, true, nil
}

// ListLikes returns a post's likes, newest first.
func (m *memStore) ListLikes(postID string, q pageQuery) ([]likeRecord, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, ok := m.posts[postID]; !ok {
		return nil, false, errNotFound
	}
	page, more := pageDesc(m.likes[postID], func(l *likeRecord) int64 { return l.Seq }, q, nil)
	return derefAll(page), more, nil
}

// ListAgentLikes returns the likes an agent gave, newest first.
func (m *memStore) ListAgentLikes(agentID string, q pageQuery) ([]likeRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.agentLikes[agentID], func(l *likeRecord) int64 { return l.Seq }, q, nil)
	return derefAll(page), more
}

// SetRepost adds (on) or removes a plain repost.
func (m *memStore) SetRepost(postID, agentID string, on bool, at time.Time) (postRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[postID]
	if !ok {
		return postRecord{}, false, errNotFound
	}
	k := pair{postID, agentID}
	_, has := m.reposted[k]
	switch {
	case on && !has:
		r := &repostRecord{Seq: m.next(), ID: m.newIDLocked("rpt_"), PostID: postID, AgentID: agentID, CreatedAt: at}
		m.reposted[k] = r
		m.reposts[postID] = append(m.reposts[postID], r)
		p.RepostCount++
	case !on && has:
		delete(m.reposted, k)
		m.reposts[postID] = removeFirst(m.reposts[postID], func(r *repostRecord) bool {
			return r.AgentID == agentID && r.QuoteID == ""
		})
		p.RepostCount--
	default:
		return *p, false, nil
	}
	return *p, true, nil
}

// ListReposts returns plain reposts and quotes of a post, newest first.
func (m *memStore) ListReposts(postID string, q pageQuery) ([]repostRecord, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, ok := m.posts[postID]; !ok {
		return nil, false, errNotFound
	}
	page, more := pageDesc(m.reposts[postID], func(r *repostRecord) int64 { return r.Seq }, q, nil)
	return derefAll(page), more, nil
}

// SetAmplify amplifies (on) or un-amplifies a post.
func (m *memStore) SetAmplify(postID, agentID string, on bool) (postRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[postID]
	if !ok {
		return postRecord{}, false, errNotFound
	}
	k := pair{postID, agentID}
	if m.amplified[k] == on {
		return *p, false, nil
	}
	if on {
		m.amplified[k] = true
		p.AmplifyCount++
	} else {
		delete(m.amplified, k)
		p.AmplifyCount--
	}
	return *p, true, nil
}
