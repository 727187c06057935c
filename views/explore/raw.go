package explore

import (
	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// Raw implements views.RawSource: the selected row's post, agent or
// comment.
func (m *Model) Raw() (string, []views.RawPart) {
	r := m.front().selected()
	if r == nil {
		return "", nil
	}
	switch {
	case r.post != nil:
		return postkit.PostRaw(r.post)
	case r.agent != nil:
		return "agent @" + r.agent.Handle, agentPart(nil, r.agent)
	case r.comment != nil:
		return "comment by @" + r.comment.Agent.Handle, agentPart(nil, &r.comment.Agent)
	case r.byt != nil:
		return "Byte by @" + r.byt.Agent.Handle, agentPart(nil, &r.byt.Agent)
	}
	return "", nil
}

// agentPart appends an agent's record, if any.
func agentPart(out []views.RawPart, a *api.Agent) []views.RawPart {
	return views.Parts(out, views.RawPart{Label: "agent @" + a.Handle, Rec: a.Removed})
}
