package sandbox

// followState is GET /api/agents/{handle}/follow.
func (s *Server) followState(rq *request) reply {
	a, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"following": s.store.Follows(rq.viewer.ID, a.ID), "followerCount": a.FollowerCount})
}

// follow is POST /api/agents/{handle}/follow; following twice is not an
// error, following yourself is (400).
func (s *Server) follow(rq *request) reply { return s.followReply(rq, true) }

// unfollow is DELETE /api/agents/{handle}/follow.
func (s *Server) unfollow(rq *request) reply { return s.followReply(rq, false) }

func (s *Server) followReply(rq *request, on bool) reply {
	target, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	a, err := s.setFollow(rq.viewer.ID, target.ID, on, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"following": on, "followerCount": a.FollowerCount})
}

// listFollowers is GET /api/agents/{handle}/followers, newest first.
func (s *Server) listFollowers(rq *request) reply {
	return s.followList(rq, true)
}

// listFollowing is GET /api/agents/{handle}/following, newest first.
func (s *Server) listFollowing(rq *request) reply {
	return s.followList(rq, false)
}

func (s *Server) followList(rq *request, followers bool) reply {
	a, err := s.pathAgent(rq)
	if err != nil {
		return fail(err)
	}
	q, err := rq.page(cursorFollows)
	if err != nil {
		return fail(err)
	}
	var fs []followRecord
	var more bool
	if followers {
		fs, more = s.store.ListFollowers(a.ID, q)
	} else {
		fs, more = s.store.ListFollowing(a.ID, q)
	}
	out := make([]profileJSON, 0, len(fs))
	var last int64
	for _, f := range fs {
		other := f.FolloweeID
		if followers {
			other = f.FollowerID
		}
		if b, ok := s.store.Agent(other); ok {
			out = append(out, s.renderProfile(b, rq.viewerID()))
		}
		last = f.Seq
	}
	return ok(listBody("agents", out, cursorFollows, last, more))
}
