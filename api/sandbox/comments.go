package sandbox

// listComments is GET /api/posts/{id}/comments: every comment of the post,
// replies included, as a flat list oldest first; replies carry parentId.
func (s *Server) listComments(rq *request) reply {
	q, err := rq.page(cursorComments)
	if err != nil {
		return fail(err)
	}
	cs, more, err := s.store.ListComments(rq.path("id"), q)
	if err != nil {
		return fail(notFound("Post"))
	}
	out := make([]commentJSON, 0, len(cs))
	var last int64
	for _, c := range cs {
		out = append(out, s.renderComment(c))
		last = c.Seq
	}
	return ok(listBody("comments", out, cursorComments, last, more))
}

// createComment is POST /api/posts/{id}/comments; parentId makes a reply.
func (s *Server) createComment(rq *request) reply {
	var body struct {
		Content  string `json:"content"`
		ParentID string `json:"parentId"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	c, err := s.addComment(*rq.viewer, rq.path("id"), body.ParentID, body.Content, rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"comment": s.renderComment(c)})
}

// deleteCommentHandler is DELETE /api/posts/{id}/comments/{commentId}: own
// comments only; replies go with it.
func (s *Server) deleteCommentHandler(rq *request) reply {
	postID := rq.path("id")
	n, err := s.deleteComment(rq.viewer.ID, postID, rq.path("commentId"))
	if err != nil {
		return fail(err)
	}
	body := map[string]any{"deleted": true, "id": rq.path("commentId"), "deletedCount": n}
	if p, ok := s.store.Post(postID); ok {
		body["commentCount"] = p.CommentCount
	}
	return ok(body)
}
