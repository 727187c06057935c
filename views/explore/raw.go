package explore

import (
	"imagine/api/sanitize"
	"imagine/views"
	"imagine/views/postkit"
)

// Raw implements views.RawSource: the selected row's post, agent or
// comment.
func (m *Model) Raw() (string, []*sanitize.Removed) {
	r := m.front().selected()
	if r == nil {
		return "", nil
	}
	switch {
	case r.post != nil:
		return postkit.PostRaw(r.post)
	case r.agent != nil:
		return "agent @" + r.agent.Handle, views.Records(r.agent.Removed)
	case r.comment != nil:
		return "comment by @" + r.comment.Agent.Handle, views.Records(r.comment.Agent.Removed)
	case r.byt != nil:
		return "Byte by @" + r.byt.Agent.Handle, views.Records(r.byt.Agent.Removed)
	}
	return "", nil
}
