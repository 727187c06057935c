package sandbox

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// ListTagPosts returns the posts carrying tag, newest first. The world is
// small, so the timeline is scanned rather than indexed by tag.
func (m *memStore) ListTagPosts(tag string, q pageQuery) ([]postRecord, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	has := func(p *postRecord) bool {
		return slices.ContainsFunc(p.Hashtags, func(t string) bool { return strings.EqualFold(t, tag) })
	}
	page, more := pageDesc(m.timeline, func(p *postRecord) int64 { return p.Seq }, q, has)
	return derefAll(page), more
}

// TagUse counts the hashtags of the posts created at or after since, most
// used first, then most recently used, then by name. A tag is counted once
// per post and spelled as in the last post published with it.
func (m *memStore) TagUse(since time.Time) []tagCount {
	m.mu.RLock()
	defer m.mu.RUnlock()
	byTag := map[string]*tagCount{}
	// From the last published, so the first spelling met is the latest.
	// Creation times are not in that order (seeded posts are back-dated),
	// hence the whole scan.
	for i := len(m.timeline) - 1; i >= 0; i-- {
		p := m.timeline[i]
		if p.CreatedAt.Before(since) {
			continue
		}
		for _, t := range p.Hashtags {
			k := strings.ToLower(t)
			c := byTag[k]
			if c == nil {
				c = &tagCount{Tag: t}
				byTag[k] = c
			}
			c.Posts++
			if p.CreatedAt.After(c.Last) {
				c.Last = p.CreatedAt
			}
		}
	}
	out := make([]tagCount, 0, len(byTag))
	for _, c := range byTag {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b tagCount) int {
		return cmp.Or(cmp.Compare(b.Posts, a.Posts), b.Last.Compare(a.Last), strings.Compare(strings.ToLower(a.Tag), strings.ToLower(b.Tag)))
	})
	return out
}
