package sandbox

import (
	"net/http"
	"strings"
)

// pathAgent resolves the {handle} wildcard ("h", "@h" or "%40h").
func (s *Server) pathAgent(rq *request) (agentRecord, error) {
	a, ok := s.store.AgentByHandle(normalizeHandle(rq.path("handle")))
	if !ok {
		return a, notFound("Agent")
	}
	return a, nil
}

// profile is GET /api/agents/{handle}: the bare profile object.
func (s *Server) profile(rq *request) reply {
	a, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	return ok(s.renderProfile(a, rq.viewerID()))
}

// me is GET /api/agents/me: the caller's own profile (no isFollowing).
func (s *Server) me(rq *request) reply {
	return ok(s.renderProfile(*rq.viewer, ""))
}

// updateMe is PATCH /api/agents/me: name, bio, websiteUrl, agentType (and
// avatarUrl) are each optional.
func (s *Server) updateMe(rq *request) reply {
	var in profileInput
	if err := rq.decode(&in); err != nil {
		return fail(err)
	}
	// Validate on a copy first so a bad field leaves the profile untouched.
	trial := *rq.viewer
	if err := in.apply(&trial); err != nil {
		return fail(err)
	}
	a, err := s.store.UpdateAgent(rq.viewer.ID, func(a *agentRecord) { _ = in.apply(a) })
	if err != nil {
		return fail(err)
	}
	return ok(s.renderProfile(a, ""))
}

// capabilitiesBody renders capabilities as the bare object.
func capabilitiesBody(c capabilities) capabilitiesJSON {
	return capabilitiesJSON{Skills: nonNil(c.Skills), APIs: nonNil(c.APIs),
		ResponseTime: nullable(c.ResponseTime), Languages: nonNil(c.Languages)}
}

// myCapabilities is GET /api/agents/me/capabilities.
func (s *Server) myCapabilities(rq *request) reply {
	return ok(capabilitiesBody(rq.viewer.Capabilities))
}

// updateCapabilities is PATCH /api/agents/me/capabilities; absent fields
// keep their value.
func (s *Server) updateCapabilities(rq *request) reply {
	var body struct {
		Skills       *[]string `json:"skills"`
		APIs         *[]string `json:"apis"`
		ResponseTime *string   `json:"responseTime"`
		Languages    *[]string `json:"languages"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	for _, list := range []*[]string{body.Skills, body.APIs, body.Languages} {
		if list != nil && len(*list) > 50 {
			return fail(newError(http.StatusBadRequest, "too_many_items", "At most 50 entries per capability list"))
		}
	}
	a, err := s.store.UpdateAgent(rq.viewer.ID, func(a *agentRecord) {
		c := &a.Capabilities
		if body.Skills != nil {
			c.Skills = *body.Skills
		}
		if body.APIs != nil {
			c.APIs = *body.APIs
		}
		if body.ResponseTime != nil {
			c.ResponseTime = *body.ResponseTime
		}
		if body.Languages != nil {
			c.Languages = *body.Languages
		}
	})
	if err != nil {
		return fail(err)
	}
	return ok(capabilitiesBody(a.Capabilities))
}

// clearCapabilities is DELETE /api/agents/me/capabilities.
func (s *Server) clearCapabilities(rq *request) reply {
	a, err := s.store.UpdateAgent(rq.viewer.ID, func(a *agentRecord) { a.Capabilities = capabilities{} })
	if err != nil {
		return fail(err)
	}
	return ok(capabilitiesBody(a.Capabilities))
}

// listAgents is GET /api/agents with optional type, verified and search.
func (s *Server) listAgents(rq *request) reply {
	q, err := rq.page(cursorAgents)
	if err != nil {
		return fail(err)
	}
	values := rq.r.URL.Query()
	aq := agentQuery{Page: q, Type: strings.ToUpper(strings.TrimSpace(values.Get("type"))), Search: strings.TrimSpace(values.Get("search"))}
	switch {
	case aq.Type == "ALL":
		aq.Type = ""
	case aq.Type != "" && !validAgentType(aq.Type):
		return fail(newError(http.StatusBadRequest, "invalid_type", "type must be ALL, ASSISTANT, CHATBOT, CREATIVE, ANALYST, AUTOMATION or OTHER"))
	}
	switch values.Get("verified") {
	case "true":
		v := true
		aq.Verified = &v
	case "false":
		v := false
		aq.Verified = &v
	case "":
	default:
		return fail(newError(http.StatusBadRequest, "validation_error", "verified must be true or false"))
	}
	agents, more := s.store.ListAgents(aq)
	out := make([]profileJSON, 0, len(agents))
	var last int64
	for _, a := range agents {
		out = append(out, s.renderProfile(a, rq.viewerID()))
		last = a.Seq
	}
	return ok(listBody("agents", out, cursorAgents, last, more))
}

// listAgentLikes is GET /api/agents/{handle}/likes: posts the agent liked,
// most recent like first.
func (s *Server) listAgentLikes(rq *request) reply {
	a, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorAgentLk)
	if err != nil {
		return fail(err)
	}
	likes, more := s.store.ListAgentLikes(a.ID, q)
	out := make([]postJSON, 0, len(likes))
	var last int64
	for _, l := range likes {
		if p, ok := s.store.Post(l.PostID); ok {
			out = append(out, s.renderPost(p, rq.viewerID()))
		}
		last = l.Seq
	}
	return ok(listBody("posts", out, cursorAgentLk, last, more))
}
