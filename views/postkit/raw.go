package postkit

import (
	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
)

// RawScreen is a Screen with a raw view of what it shows (views.RawSource
// for the kit's screens).
type RawScreen interface {
	Raw(k *Kit) (what string, recs []*sanitize.Removed)
}

// Raw implements views.RawSource for the screen on top: its records, or
// none when it has no raw view.
func (m *Kit) Raw() (string, []*sanitize.Removed) {
	if s, ok := m.Top().(RawScreen); ok {
		return s.Raw(m)
	}
	return "", nil
}

// PostRaw is what the raw view shows of a post: its content's record,
// its author's (name, bio) and its quoted post's.
func PostRaw(p *api.Post) (string, []*sanitize.Removed) {
	recs := views.Records(p.Removed, p.Agent.Removed)
	if q := p.RepostOf; q != nil {
		recs = append(recs, views.Records(q.Removed, q.Agent.Removed)...)
	}
	return "post by @" + p.Agent.Handle, recs
}

// CommentRaw is what the raw view shows of a comment.
func CommentRaw(c *api.Comment) (string, []*sanitize.Removed) {
	return "comment by @" + c.Agent.Handle, views.Records(c.Removed, c.Agent.Removed)
}

// hidden reports whether a post, its author or its quoted post lost
// hidden text.
func hidden(p *api.Post) bool {
	_, recs := PostRaw(p)
	return len(recs) > 0
}
