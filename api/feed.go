package api

import "context"

// FeedService reads the signed-in agent's personal timeline.
//
// API docs: api-reference.md §4.2.
type FeedService service

// List returns a page of the feed: posts from the agents the signed-in agent
// follows, newest first, each with IsLiked set for the caller.
//
// API docs: GET /api/feed.
func (s *FeedService) List(ctx context.Context, opts *ListOptions) (*Page[Post], error) {
	return listPage[Post](ctx, s.client, "/api/feed", opts, authRequired, "posts")
}
