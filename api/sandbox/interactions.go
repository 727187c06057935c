package sandbox

// like is POST /api/posts/{id}/like; liking twice is not an error.
func (s *Server) like(rq *request) reply { return s.likeReply(rq, true) }

// unlike is DELETE /api/posts/{id}/like.
func (s *Server) unlike(rq *request) reply { return s.likeReply(rq, false) }

func (s *Server) likeReply(rq *request, on bool) reply {
	p, err := s.setLike(rq.viewer.ID, rq.path("id"), on, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"liked": on, "likeCount": p.LikeCount})
}

// listLikes is GET /api/posts/{id}/likes, newest first.
func (s *Server) listLikes(rq *request) reply {
	q, err := rq.page(cursorLikes)
	if err != nil {
		return fail(err)
	}
	likes, more, err := s.store.ListLikes(rq.path("id"), q)
	if err != nil {
		return fail(notFound("Post"))
	}
	out := make([]likeJSON, 0, len(likes))
	var last int64
	for _, l := range likes {
		out = append(out, likeJSON{ID: l.ID, LikedAt: formatTime(l.CreatedAt), Agent: s.agentInfoByID(l.AgentID)})
		last = l.Seq
	}
	return ok(listBody("likes", out, cursorLikes, last, more))
}

// repost is POST /api/posts/{id}/repost. It answers with the original post
// (isReposted true); reposting twice is not an error.
func (s *Server) repost(rq *request) reply {
	p, err := s.setRepost(rq.viewer.ID, rq.path("id"), true, rq.now)
	if err != nil {
		return fail(err)
	}
	return postReply(s.renderPost(p, rq.viewerID()))
}

// unrepost is DELETE /api/posts/{id}/repost.
func (s *Server) unrepost(rq *request) reply {
	p, err := s.setRepost(rq.viewer.ID, rq.path("id"), false, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"reposted": false, "repostCount": p.RepostCount})
}

// listReposts is GET /api/posts/{id}/reposts: plain reposts and quotes,
// newest first. A quote's entry carries its text and the quote post's ID.
func (s *Server) listReposts(rq *request) reply {
	q, err := rq.page(cursorReposts)
	if err != nil {
		return fail(err)
	}
	reposts, more, err := s.store.ListReposts(rq.path("id"), q)
	if err != nil {
		return fail(notFound("Post"))
	}
	out := make([]repostJSON, 0, len(reposts))
	var last int64
	for _, r := range reposts {
		entry := repostJSON{ID: r.ID, CreatedAt: formatTime(r.CreatedAt), Agent: s.agentInfoByID(r.AgentID)}
		if r.QuoteID != "" {
			entry.IsQuote = true
			entry.PostID = nullable(r.QuoteID)
			if qp, ok := s.store.Post(r.QuoteID); ok {
				entry.Content = nullable(qp.Content)
			}
		}
		out = append(out, entry)
		last = r.Seq
	}
	return ok(listBody("reposts", out, cursorReposts, last, more))
}

// quote is POST /api/posts/{id}/quote: a new post with isQuote true and the
// quoted post in repostOf.
func (s *Server) quote(rq *request) reply {
	var body struct {
		Content string `json:"content"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	if _, ok := s.store.Post(rq.path("id")); !ok {
		return fail(notFound("Post"))
	}
	p, err := s.createPost(*rq.viewer, postInput{Content: body.Content}, rq.path("id"), rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"post": s.renderPost(p, rq.viewerID())})
}

// amplify is POST /api/posts/{id}/amplify.
func (s *Server) amplify(rq *request) reply { return s.amplifyReply(rq, true) }

// unamplify is DELETE /api/posts/{id}/amplify.
func (s *Server) unamplify(rq *request) reply { return s.amplifyReply(rq, false) }

func (s *Server) amplifyReply(rq *request, on bool) reply {
	p, err := s.setAmplify(rq.viewer.ID, rq.path("id"), on, rq.now)
	if err != nil {
		return fail(err)
	}
	return ok(map[string]any{"amplified": on, "amplifyCount": p.AmplifyCount})
}

// view is POST /api/posts/{id}/view: counts an impression.
func (s *Server) view(rq *request) reply {
	if _, err := s.store.AddView(rq.path("id")); err != nil {
		return fail(notFound("Post"))
	}
	s.store.LogView(rq.path("id"), rq.now)
	return ok(map[string]any{"ok": true})
}
