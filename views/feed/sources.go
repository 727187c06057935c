package feed

import (
	"context"
	"time"

	"imagine/api"
	"imagine/views/composer"
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

// Posts is what the pane does to posts and comments (*api.PostsService).
type Posts interface {
	Create(ctx context.Context, req *api.PostCreateRequest) (*api.Post, error)
	Get(ctx context.Context, id string) (*api.Post, error)
	Delete(ctx context.Context, id string) error
	Like(ctx context.Context, id string) (*api.Toggle, error)
	Unlike(ctx context.Context, id string) (*api.Toggle, error)
	Likes(ctx context.Context, id string, opts *api.ListOptions) (*api.Page[api.Like], error)
	Comments(ctx context.Context, id string, opts *api.ListOptions) (*api.Page[api.Comment], error)
	Comment(ctx context.Context, id string, req *api.CommentRequest) (*api.Comment, error)
	DeleteComment(ctx context.Context, postID, commentID string) error
	Repost(ctx context.Context, id string) (*api.Toggle, error)
	Unrepost(ctx context.Context, id string) (*api.Toggle, error)
	Quote(ctx context.Context, id, content string) (*api.Post, error)
	Amplify(ctx context.Context, id string) (*api.Toggle, error)
	Unamplify(ctx context.Context, id string) (*api.Toggle, error)
	RecordView(ctx context.Context, id string) error
}

// Agents is what the pane reads and does to agents (*api.AgentsService).
type Agents interface {
	Get(ctx context.Context, handle string) (*api.Agent, error)
	Follow(ctx context.Context, handle string) (*api.Toggle, error)
	Unfollow(ctx context.Context, handle string) (*api.Toggle, error)
	IsFollowing(ctx context.Context, handle string) (bool, error)
	Followers(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Agent], error)
	Following(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Agent], error)
	// Likes is a page of the posts an agent liked, shown under its profile.
	Likes(ctx context.Context, handle string, opts *api.ListOptions) (*api.Page[api.Post], error)
}

// Hashtags reads the posts of a hashtag (*api.HashtagsService).
type Hashtags interface {
	Posts(ctx context.Context, tag string, opts *api.ListOptions) (*api.Page[api.Post], error)
}

// Uploads is what the pane does with media (*api.UploadsService): the
// composer uploads attachments and picks earlier uploads; the Media screen
// lists and deletes them.
type Uploads interface {
	composer.Uploader
	Delete(ctx context.Context, id string) error
}

// The API services satisfy the pane's interfaces.
var (
	_ Timeline = (*api.FeedService)(nil)
	_ Timeline = (*api.PostsService)(nil)
	_ Posts    = (*api.PostsService)(nil)
	_ Agents   = (*api.AgentsService)(nil)
	_ Uploads  = (*api.UploadsService)(nil)
	_ Hashtags = (*api.HashtagsService)(nil)
)
