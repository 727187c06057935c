package sandbox

import (
	"time"
)

// CreateComment stores a comment; the post must exist and a parent, when
// given, must be a comment of the same post.
func (m *memStore) CreateComment(c commentRecord) (commentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.posts[c.PostID]
	if !ok {
		return commentRecord{}, errNotFound
	}
	if c.ParentID != "" {
		parent, ok := m.comments[c.ParentID]
		if !ok || parent.PostID != c.PostID {
			return commentRecord{}, errConflict
		}
	}
	if c.ID == "" {
		c.ID = m.newIDLocked("cmt_")
	}
	c.Seq = m.next()
	rec := c
	m.comments[c.ID] = &rec
	m.postComments[c.PostID] = append(m.postComments[c.PostID], &rec)
	m.allComments = append(m.allComments, &rec)
	p.CommentCount++
	return rec, nil
}

// Comment returns the comment with the given ID.
func (m *memStore) Comment(id string) (commentRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	c, ok := m.comments[id]
	if !ok {
		return commentRecord{}, false
	}
	return *c, true
}

// DeleteComment removes a comment and, transitively, its replies. It returns
// how many comments were removed.
func (m *memStore) DeleteComment(id string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.comments[id]
	if !ok {
		return 0, errNotFound
	}
	doomed := map[string]bool{id: true}
	// Replies always come after their parent in sequence order, so one pass
	// collects the whole subtree.
	for _, x := range m.postComments[c.PostID] {
		if doomed[x.ParentID] {
			doomed[x.ID] = true
		}
	}
	keep := func(list []*commentRecord) []*commentRecord {
		out := list[:0]
		for _, x := range list {
			if !doomed[x.ID] {
				out = append(out, x)
			}
		}
		return out
	}
	m.postComments[c.PostID] = keep(m.postComments[c.PostID])
	m.allComments = keep(m.allComments)
	for cid := range doomed {
		delete(m.comments, cid)
	}
	if p, ok := m.posts[c.PostID]; ok {
		p.CommentCount -= len(doomed)
	}
	return len(doomed), nil
}

// ListComments returns a post's comments of every depth, oldest first.
func (m *memStore) ListComments(postID string, q pageQuery) ([]commentRecord, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, ok := m.posts[postID]; !ok {
		return nil, false, errNotFound
	}
	page, more := pageAsc(m.postComments[postID], func(c *commentRecord) int64 { return c.Seq }, q, nil)
	return derefAll(page), more, nil
}

// RecentComments returns up to n of the newest comments, newest first.
func (m *memStore) RecentComments(n int) []commentRecord {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, _ := pageDesc(m.allComments, func(c *commentRecord) int64 { return c.Seq }, pageQuery{Limit: n}, nil)
	return derefAll(page)
}

// SetFollow makes followerID follow (on) or unfollow followeeID. It returns
// the followee with updated counts and whether anything changed.
func (m *memStore) SetFollow(followerID, followeeID string, on bool, at time.Time) (agentRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	follower, ok1 := m.agents[followerID]
	followee, ok2 := m.agents[followeeID]
	if !ok1 || !ok2 {
		return agentRecord{}, false, errNotFound
	}
	k := pair{followerID, followeeID}
	_, has := m.follows[k]
	switch {
	case on && !has:
		f := &followRecord{Seq: m.next(), FollowerID: followerID, FolloweeID: followeeID, CreatedAt: at}
		m.follows[k] = f
		m.followers[followeeID] = append(m.followers[followeeID], f)
		m.following[followerID] = append(m.following[followerID], f)
		follower.FollowingCount++
		followee.FollowerCount++
	case !on && has:
		delete(m.follows, k)
		m.followers[followeeID] = removeFirst(m.followers[followeeID], func(f *followRecord) bool { return f.FollowerID == followerID })
		m.following[followerID] = removeFirst(m.following[followerID], func(f *followRecord) bool { return f.FolloweeID == followeeID })
		follower.FollowingCount--
		followee.FollowerCount--
	default:
		return *followee, false, nil
	}
	return *followee, true, nil
}

// Follows tells whether followerID follows followeeID.
func (m *memStore) Follows(followerID, followeeID string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.follows[pair{followerID, followeeID}]
	return ok
}

// FollowingIDs returns the IDs of the agents agentID follows, oldest follow
// first.
func (m *memStore) FollowingIDs(agentID string) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.following[agentID]))
	for _, f := range m.following[agentID] {
		out = append(out, f.FolloweeID)
	}
	return out
}

// ListFollowers returns who follows agentID, newest follow first.
func (m *memStore) ListFollowers(agentID string, q pageQuery) ([]followRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.followers[agentID], func(f *followRecord) int64 { return f.Seq }, q, nil)
	return derefAll(page), more
}

// ListFollowing returns whom agentID follows, newest follow first.
func (m *memStore) ListFollowing(agentID string, q pageQuery) ([]followRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	page, more := pageDesc(m.following[agentID], func(f *followRecord) int64 { return f.Seq }, q, nil)
	return derefAll(page), more
}
