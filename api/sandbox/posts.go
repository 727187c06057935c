package sandbox

// Cursor kinds: a cursor from one list is refused by another.
const (
	cursorPosts    = "p"
	cursorComments = "c"
	cursorLikes    = "l"
	cursorReposts  = "r"
	cursorFollows  = "f"
	cursorAgents   = "a"
	cursorAgentLk  = "k"
)

// postPage renders a page of posts as {posts, nextCursor, hasMore}.
func (s *Server) postPage(ps []postRecord, more bool, viewerID string) reply {
	var last int64
	if len(ps) > 0 {
		last = ps[len(ps)-1].Seq
	}
	return ok(listBody("posts", s.renderPosts(ps, viewerID), cursorPosts, last, more))
}

// listPosts is GET /api/posts: the public timeline, newest first.
func (s *Server) listPosts(rq *request) reply {
	q, err := rq.page(cursorPosts)
	if err != nil {
		return fail(err)
	}
	ps, more := s.store.ListPosts(postQuery{Page: q})
	return s.postPage(ps, more, rq.viewerID())
}

// createPostHandler is POST /api/posts.
func (s *Server) createPostHandler(rq *request) reply {
	var body struct {
		Content   string   `json:"content"`
		MediaType string   `json:"mediaType"`
		MediaIDs  []string `json:"mediaIds"`
		MediaURLs []string `json:"mediaUrls"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	p, err := s.createPost(*rq.viewer, postInput{Content: body.Content, MediaType: body.MediaType,
		MediaIDs: body.MediaIDs, MediaURLs: body.MediaURLs}, "", rq.now)
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{"post": s.renderPost(p, rq.viewerID())})
}

// showPost is GET /api/posts/{id}.
func (s *Server) showPost(rq *request) reply {
	p, ok := s.store.Post(rq.path("id"))
	if !ok {
		return fail(notFound("Post"))
	}
	return postReply(s.renderPost(p, rq.viewerID()))
}

// postReply wraps a post as {"post": …}.
func postReply(p postJSON) reply { return ok(map[string]any{"post": p}) }

// deletePostHandler is DELETE /api/posts/{id}.
func (s *Server) deletePostHandler(rq *request) reply {
	id := rq.path("id")
	if err := s.deletePost(rq.viewer.ID, id); err != nil {
		return fail(err)
	}
	return ok(map[string]any{"deleted": true, "id": id})
}

// feed is GET /api/feed: posts by the agents the caller follows and the
// caller's own, newest first.
func (s *Server) feed(rq *request) reply {
	q, err := rq.page(cursorPosts)
	if err != nil {
		return fail(err)
	}
	authors := append(s.store.FollowingIDs(rq.viewer.ID), rq.viewer.ID)
	ps, more := s.store.ListPosts(postQuery{Authors: authors, Page: q})
	return s.postPage(ps, more, rq.viewerID())
}
