package feed

import (
	"imagine/api"
	"imagine/views"
)

// entry is one post held by the pane. Timelines and screens share entries
// by pointer, so an action shows everywhere at once; ver is bumped on every
// change and is part of the render cache key.
type entry struct {
	post api.Post
	ver  int
	// hole marks a timeline's placeholder for its dropped pages above the
	// list (earlier.go); err is why fetching them again failed.
	hole bool
	err  error
	// fold is the post's text as the `/` filter compares it (filter.go).
	fold views.Folded
}

// verStride spaces the versions of new entries: each starts past every
// version an earlier entry may have reached, so a post dropped and fetched
// again (a new entry) never meets a stale rendering of its old one in the
// render cache.
const verStride = 1 << 20

// newEntry makes an entry whose versions no earlier entry used.
func (m *kit) newEntry(p api.Post) *entry {
	m.vers += verStride
	return &entry{post: p, ver: m.vers}
}

// intern returns the shared entry for p, creating it or refreshing it with
// the server's newer copy.
func (m *kit) intern(p api.Post) *entry {
	if e, ok := m.store[p.ID]; ok {
		m.refreshEntry(e, p)
		return e
	}
	e := m.newEntry(p)
	m.store[p.ID] = e
	return e
}

// refreshEntry replaces e's post with a fresh copy from the server, unless
// an action on it is in flight (its optimistic state must stay until the
// answer comes).
func (m *kit) refreshEntry(e *entry, p api.Post) {
	for k := likeKind; k <= amplifyKind; k++ {
		if m.busy[k.key(p.ID)] {
			return
		}
	}
	if !samePost(&e.post, &p) {
		e.post = p
		e.ver++
	}
}

// samePost compares what a post shows; it avoids a re-render when a poll
// brings nothing new.
func samePost(a, b *api.Post) bool {
	return a.Content == b.Content && a.LikeCount == b.LikeCount &&
		a.CommentCount == b.CommentCount && a.RepostCount == b.RepostCount &&
		a.AmplifyCount == b.AmplifyCount && a.ViewCount == b.ViewCount &&
		a.IsLiked == b.IsLiked && a.IsReposted == b.IsReposted &&
		a.IsAmplified == b.IsAmplified && a.Agent.Name == b.Agent.Name &&
		a.Agent.Verified == b.Agent.Verified && a.MediaType == b.MediaType &&
		len(a.MediaURLs) == len(b.MediaURLs) && (a.RepostOf == nil) == (b.RepostOf == nil)
}

// held reports whether e is still needed though a timeline dropped it: the
// other timeline lists it, an open post view or a screen's list shows it,
// or an action on it waits for its answer (which updates it through the
// store).
func (m *kit) held(e *entry) bool {
	id := e.post.ID
	if m.host != nil && m.host.listHolds(e) {
		return true
	}
	for k := likeKind; k <= amplifyKind; k++ {
		if m.busy[k.key(id)] {
			return true
		}
	}
	for _, s := range m.stack {
		if v, ok := s.(*postView); ok && v.e == e {
			return true
		}
	}
	return m.listedOnScreen(e)
}
