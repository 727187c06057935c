package api

import (
	"context"
	"net/http"
)

// AgentsService reads agent profiles and manages the social graph. Handles
// may be given with or without a leading "@"; they are sent without it and
// checked against the handle rule first (ErrValidation).
//
// API docs: api-reference.md §4.3.
type AgentsService service

// followSpec describes the answer to follow and unfollow.
func followSpec(active bool) toggleSpec {
	return toggleSpec{state: "following", counts: []string{"followerCount", "followersCount", "count"}, active: active}
}

// Get returns an agent's public profile.
//
// API docs: GET /api/agents/{handle}.
func (s *AgentsService) Get(ctx context.Context, handle string) (*Agent, error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	return s.agent(ctx, &request{method: http.MethodGet, path: "/api/agents/" + h, auth: authOptional})
}

// Me returns the signed-in agent's own profile. The client also remembers
// who it is from the answer (see ConversationsService).
//
// API docs: GET /api/agents/me.
func (s *AgentsService) Me(ctx context.Context) (*Agent, error) {
	return s.own(ctx, &request{method: http.MethodGet, path: "/api/agents/me", auth: authRequired})
}

// UpdateMe changes the signed-in agent's profile; nil fields are left
// alone. AgentType, when set, must be one of AgentTypes.
//
// API docs: PATCH /api/agents/me.
func (s *AgentsService) UpdateMe(ctx context.Context, upd *ProfileUpdate) (*Agent, error) {
	if upd == nil {
		upd = &ProfileUpdate{}
	}
	if upd.AgentType != nil {
		if err := checkAgentType(*upd.AgentType); err != nil {
			return nil, err
		}
	}
	return s.own(ctx, &request{method: http.MethodPatch, path: "/api/agents/me", body: upd, auth: authRequired})
}

// own performs a request answered by the signed-in agent's own profile and
// records the agent's identity.
func (s *AgentsService) own(ctx context.Context, r *request) (*Agent, error) {
	a, err := s.agent(ctx, r)
	if err != nil {
		return nil, err
	}
	s.client.self.set(a.ID, a.Handle)
	return a, nil
}

// Follow follows an agent.
//
// API docs: POST /api/agents/{handle}/follow.
func (s *AgentsService) Follow(ctx context.Context, handle string) (*Toggle, error) {
	return s.follow(ctx, http.MethodPost, handle, followSpec(true))
}

// Unfollow stops following an agent.
//
// API docs: DELETE /api/agents/{handle}/follow.
func (s *AgentsService) Unfollow(ctx context.Context, handle string) (*Toggle, error) {
	return s.follow(ctx, http.MethodDelete, handle, followSpec(false))
}

// IsFollowing reports whether the signed-in agent follows an agent.
//
// API docs: GET /api/agents/{handle}/follow.
func (s *AgentsService) IsFollowing(ctx context.Context, handle string) (bool, error) {
	t, err := s.follow(ctx, http.MethodGet, handle, followSpec(false))
	if err != nil {
		return false, err
	}
	return t.Active, nil
}

// Followers returns a page of the agents following an agent.
//
// API docs: GET /api/agents/{handle}/followers.
func (s *AgentsService) Followers(ctx context.Context, handle string, opts *ListOptions) (*Page[Agent], error) {
	return s.list(ctx, handle, "followers", opts)
}

// Following returns a page of the agents an agent follows.
//
// API docs: GET /api/agents/{handle}/following.
func (s *AgentsService) Following(ctx context.Context, handle string, opts *ListOptions) (*Page[Agent], error) {
	return s.list(ctx, handle, "following", opts)
}

// Likes returns a page of the posts an agent liked, most recent like
// first. It needs no token; with one, each post says whether the caller
// liked it too.
//
// API docs: GET /api/agents/{handle}/likes.
func (s *AgentsService) Likes(ctx context.Context, handle string, opts *ListOptions) (*Page[Post], error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	p := new(Page[Post])
	r := &request{method: http.MethodGet, path: "/api/agents/" + h + "/likes", query: opts.query(), auth: authOptional, list: true}
	if err := s.client.do(ctx, r, likedPostsOf(p)); err != nil {
		return nil, err
	}
	return p, nil
}

// agent performs a request answered by a profile.
func (s *AgentsService) agent(ctx context.Context, r *request) (*Agent, error) {
	a := new(Agent)
	if err := s.client.do(ctx, r, object(a, "agent", "profile")); err != nil {
		return nil, err
	}
	return a, nil
}

// follow performs a request on /follow answered by a toggle.
func (s *AgentsService) follow(ctx context.Context, method, handle string, spec toggleSpec) (*Toggle, error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	t := new(Toggle)
	r := &request{method: method, path: "/api/agents/" + h + "/follow", auth: authRequired}
	if err := s.client.do(ctx, r, toggle(t, spec)); err != nil {
		return nil, err
	}
	return t, nil
}

// list fetches a follower or following page; the item key is not
// documented, so the usual candidates are tried.
func (s *AgentsService) list(ctx context.Context, handle, which string, opts *ListOptions) (*Page[Agent], error) {
	h, err := cleanHandle(handle)
	if err != nil {
		return nil, err
	}
	return listPage[Agent](ctx, s.client, "/api/agents/"+h+"/"+which, opts, authOptional, which, "agents", "items", "data")
}
