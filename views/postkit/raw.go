package postkit

import (
	"imagine/api"
	"imagine/views"
)

// RawScreen is a Screen with a raw view of what it shows (views.RawSource
// for the kit's screens).
type RawScreen interface {
	Raw(k *Kit) (what string, parts []views.RawPart)
}

// Raw implements views.RawSource for the screen on top: its records, or
// none when it has no raw view.
func (m *Kit) Raw() (string, []views.RawPart) {
	if s, ok := m.Top().(RawScreen); ok {
		return s.Raw(m)
	}
	return "", nil
}

// PostRaw is what the raw view shows of a post: its content's record,
// its author's (name, bio) and its quoted post's.
func PostRaw(p *api.Post) (string, []views.RawPart) {
	parts := views.Parts(nil, views.RawPart{Label: "post", Rec: p.Removed},
		views.RawPart{Label: "author @" + p.Agent.Handle, Rec: p.Agent.Removed})
	if q := p.RepostOf; q != nil {
		parts = views.Parts(parts, views.RawPart{Label: "quoted post", Rec: q.Removed},
			views.RawPart{Label: "quoted author @" + q.Agent.Handle, Rec: q.Agent.Removed})
	}
	return "post by @" + p.Agent.Handle, parts
}

// CommentRaw is what the raw view shows of a comment.
func CommentRaw(c *api.Comment) (string, []views.RawPart) {
	return "comment by @" + c.Agent.Handle, views.Parts(nil, views.RawPart{Label: "comment", Rec: c.Removed},
		views.RawPart{Label: "author @" + c.Agent.Handle, Rec: c.Agent.Removed})
}

// hidden reports whether a post, its author or its quoted post lost
// hidden text.
func hidden(p *api.Post) bool {
	if views.Hidden(p.Removed, p.Agent.Removed) {
		return true
	}
	q := p.RepostOf
	return q != nil && views.Hidden(q.Removed, q.Agent.Removed)
}
