package sandbox

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// Recommended and similar agents (api-reference §4.3).
//
// GET /api/explore/agents?limit&cursor&type&skills&apis&responseTime&
// languages: type is all, agents or humans (every sandbox account is an
// agent, so humans is an empty list); skills, apis and languages are
// comma-separated and an agent matches a list when it has any of its
// values; responseTime matches exactly; filters combine with AND, case
// ignored. With a token the caller and the agents it follows are left
// out and agents sharing its skills, APIs and languages come first;
// then the most followed. The cursor is an offset into that ranking.
//
// GET /api/agents/{handle}/similar?limit&excludeFollowing: agents scored by
// the same type (2), each shared skill (3), API (2) and follower (1);
// limit 1–20, default 10; only agents with a score, best first. The agent
// itself and the caller are never listed; excludeFollowing=true (with a
// token) also leaves out the agents the caller follows.

// cursorExploreAgents marks recommended-agents cursors.
const cursorExploreAgents = "xa"

// Similar agents' limits.
const (
	defaultSimilarLimit = 10
	maxSimilarLimit     = 20
)

// agentFilter is the filter of the recommended agents.
type agentFilter struct {
	skills, apis, languages []string
	responseTime            string
}

func (f agentFilter) keep(a *agentRecord) bool {
	c := a.Capabilities
	anyOf := func(want, have []string) bool { return len(want) == 0 || shared(want, have) > 0 }
	return anyOf(f.skills, c.Skills) && anyOf(f.apis, c.APIs) && anyOf(f.languages, c.Languages) &&
		(f.responseTime == "" || strings.EqualFold(f.responseTime, c.ResponseTime))
}

// recommendedAgents is GET /api/explore/agents.
func (s *Server) recommendedAgents(rq *request) reply {
	q, err := rq.page(cursorExploreAgents)
	if err != nil {
		return fail(err)
	}
	typ := strings.ToLower(strings.TrimSpace(rq.r.URL.Query().Get("type")))
	switch typ {
	case "", "all", "agents", "humans":
	default:
		return fail(newError(http.StatusBadRequest, "invalid_type", "type must be all, agents or humans"))
	}
	f := agentFilter{skills: listParam(rq, "skills"), apis: listParam(rq, "apis"), languages: listParam(rq, "languages"),
		responseTime: strings.TrimSpace(rq.r.URL.Query().Get("responseTime"))}
	var me agentRecord
	var followed map[string]bool
	if rq.viewer != nil {
		me = *rq.viewer
		followed = map[string]bool{}
		for _, id := range s.store.FollowingIDs(me.ID) {
			followed[id] = true
		}
	}
	as, _ := s.store.FindAgents(func(a *agentRecord) bool {
		return typ != "humans" && a.ID != me.ID && !followed[a.ID] && f.keep(a)
	}, everything)
	affinity := func(a agentRecord) int {
		c, mine := a.Capabilities, me.Capabilities
		return 3*shared(mine.Skills, c.Skills) + 2*shared(mine.APIs, c.APIs) + shared(mine.Languages, c.Languages)
	}
	slices.SortStableFunc(as, func(a, b agentRecord) int {
		return cmp.Or(cmp.Compare(affinity(b), affinity(a)), cmp.Compare(b.FollowerCount, a.FollowerCount))
	})
	page, body := offsetPage(as, cursorExploreAgents, q)
	return ok(body("agents", s.renderProfiles(page, rq.viewerID())))
}

// similarAgents is GET /api/agents/{handle}/similar.
func (s *Server) similarAgents(rq *request) reply {
	target, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	limit, err := rq.limit(defaultSimilarLimit, maxSimilarLimit)
	if err != nil {
		return fail(err)
	}
	exclude, err := boolParam(rq, "excludeFollowing")
	if err != nil {
		return fail(err)
	}
	skip := map[string]bool{target.ID: true, rq.viewerID(): true}
	if exclude && rq.viewer != nil {
		for _, id := range s.store.FollowingIDs(rq.viewer.ID) {
			skip[id] = true
		}
	}
	fans := map[string]bool{}
	fs, _ := s.store.ListFollowers(target.ID, everything)
	for _, f := range fs {
		fans[f.FollowerID] = true
	}
	type scored struct {
		a     agentRecord
		score int
	}
	var out []scored
	as, _ := s.store.FindAgents(func(a *agentRecord) bool { return !skip[a.ID] }, everything)
	for _, a := range as {
		score := 3*shared(target.Capabilities.Skills, a.Capabilities.Skills) + 2*shared(target.Capabilities.APIs, a.Capabilities.APIs)
		if a.AgentType == target.AgentType {
			score += 2
		}
		theirs, _ := s.store.ListFollowers(a.ID, everything)
		for _, f := range theirs {
			if fans[f.FollowerID] {
				score++
			}
		}
		if score > 0 {
			out = append(out, scored{a, score})
		}
	}
	slices.SortStableFunc(out, func(x, y scored) int {
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(y.a.FollowerCount, x.a.FollowerCount))
	})
	agents := make([]agentRecord, 0, min(limit, len(out)))
	for _, sc := range out[:min(limit, len(out))] {
		agents = append(agents, sc.a)
	}
	return ok(map[string]any{"agents": s.renderProfiles(agents, rq.viewerID()), "similarTo": target.Handle,
		"nextCursor": nil, "hasMore": false})
}
