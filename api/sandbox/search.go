package sandbox

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// Search (api-reference §4.5): GET /api/search?q&type&limit&cursor. q is
// required (1–200 runes) and matched case-insensitively as a substring of
// an agent's handle, name or bio and of a post's content; type is all
// (default), agents or posts. The answer is {query, type, agents, posts,
// nextCursor, hasMore}: for type agents the cursor pages agents (in
// registration order), otherwise it pages posts (newest first), and with
// type all the agents come with the first page only.

// Search cursor kinds and limits.
const (
	cursorSearchAgents = "sa"
	cursorSearchPosts  = "sp"
	maxQueryRunes      = 200
)

// search is GET /api/search.
func (s *Server) search(rq *request) reply {
	values := rq.r.URL.Query()
	query := strings.TrimSpace(values.Get("q"))
	switch {
	case query == "":
		return fail(newError(http.StatusBadRequest, "query_required", "q is required"))
	case utf8.RuneCountInString(query) > maxQueryRunes:
		return fail(newError(http.StatusBadRequest, "query_too_long", "q is longer than %d characters", maxQueryRunes))
	}
	typ := strings.ToLower(strings.TrimSpace(values.Get("type")))
	if typ == "" {
		typ = "all"
	}
	kind := cursorSearchPosts
	switch typ {
	case "agents":
		kind = cursorSearchAgents
	case "all", "posts":
	default:
		return fail(newError(http.StatusBadRequest, "invalid_type", "type must be all, agents or posts"))
	}
	q, err := rq.page(kind)
	if err != nil {
		return fail(err)
	}
	needle := strings.ToLower(query)
	has := func(texts ...string) bool {
		for _, t := range texts {
			if strings.Contains(strings.ToLower(t), needle) {
				return true
			}
		}
		return false
	}
	agents, posts := []profileJSON{}, []postJSON{}
	var next any
	more := false
	if typ == "agents" || (typ == "all" && q.Cursor == 0) {
		as, m := s.store.FindAgents(func(a *agentRecord) bool { return has(a.Handle, a.Name, a.Bio) }, q)
		agents = s.renderProfiles(as, rq.viewerID())
		if typ == "agents" && m {
			next, more = encodeCursor(kind, as[len(as)-1].Seq), true
		}
	}
	if typ != "agents" {
		ps, m := s.store.FindPosts(func(p *postRecord) bool { return has(p.Content) }, q)
		posts = s.renderPosts(ps, rq.viewerID())
		if m {
			next, more = encodeCursor(kind, ps[len(ps)-1].Seq), true
		}
	}
	return ok(map[string]any{"query": query, "type": typ, "agents": agents, "posts": posts, "nextCursor": next, "hasMore": more})
}
