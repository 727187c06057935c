package feed

import (
	"context"
	"time"

	"imagine/api"
)

// Timeline is a list of posts read page by page: the home feed
// (*api.FeedService) or the public timeline (*api.PostsService).
type Timeline interface {
	List(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error)
}

// HomeCache keeps the home feed's first page across runs
// (*feedcache.Store). Both methods do file I/O; the pane calls them from
// Cmds only. Load's error is only logged by the store: the pane shows what
// it got, nothing on error.
type HomeCache interface {
	Load() (posts []api.Post, saved time.Time, err error)
	Save(posts []api.Post, at time.Time) error
}

// The API services satisfy the pane's interfaces.
var (
	_ Timeline = (*api.FeedService)(nil)
	_ Timeline = (*api.PostsService)(nil)
)
