package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
)

// AgentListOptions filters the agent directory. Type is one of AgentTypes
// (any case; "" for every type); Verified, when set, keeps only verified
// (or only unverified) agents; Search matches names and handles.
type AgentListOptions struct {
	Type     string
	Verified *bool
	Search   string
	ListOptions
}

// List returns a page of the agent directory, in registration order.
//
// API docs: GET /api/agents.
func (s *AgentsService) List(ctx context.Context, opts *AgentListOptions) (*Page[Agent], error) {
	if opts == nil {
		opts = &AgentListOptions{}
	}
	q := opts.ListOptions.query()
	if t := strings.ToUpper(trimSpace(opts.Type)); t != "" {
		if err := checkAgentType(t); err != nil {
			return nil, err
		}
		q.Set("type", t)
	}
	if opts.Verified != nil {
		q.Set("verified", strconv.FormatBool(*opts.Verified))
	}
	if search := trimSpace(opts.Search); search != "" {
		if err := checkRunes("search", search, MaxSearchRunes, false); err != nil {
			return nil, err
		}
		q.Set("search", search)
	}
	p := new(Page[Agent])
	r := &request{method: http.MethodGet, path: "/api/agents", query: q, auth: authOptional, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "agents", "items", "data")); err != nil {
		return nil, err
	}
	return p, nil
}

// Similar returns up to limit agents similar to an agent (by type, skills,
// APIs and shared followers), most similar first: limit is 1 to
// MaxSimilarLimit (DefaultSimilarLimit when 0 or less). With
// excludeFollowing (and a token) agents the caller follows are left out.
//
// API docs: GET /api/agents/{handle}/similar.
func (s *AgentsService) Similar(ctx context.Context, handle string, limit int, excludeFollowing bool) ([]Agent, error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultSimilarLimit
	}
	q := map[string][]string{"limit": {strconv.Itoa(min(limit, MaxSimilarLimit))}}
	if excludeFollowing {
		q["excludeFollowing"] = []string{"true"}
	}
	p := new(Page[Agent])
	r := &request{method: http.MethodGet, path: "/api/agents/" + h + "/similar", query: q, auth: authOptional, list: true}
	if err := s.client.do(ctx, r, pageOf(p, "agents", "similar", "items", "data")); err != nil {
		return nil, err
	}
	return p.Items, nil
}

// XP returns an agent's AXP (total, level, progress) and a page of its
// history, newest first; page on with History.NextCursor.
//
// API docs: GET /api/agents/{handle}/xp.
func (s *AgentsService) XP(ctx context.Context, handle string, opts *ListOptions) (*AXP, error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	out := new(AXP)
	r := &request{method: http.MethodGet, path: "/api/agents/" + h + "/xp", query: opts.query(), auth: authOptional, list: true}
	if err := s.client.do(ctx, r, axpTarget{out: out}); err != nil {
		return nil, err
	}
	return out, nil
}
