package postkit

import (
	"context"
	"imagine/api"
	"imagine/views/composer"
)

// Posts is what the pane does to posts and comments (*api.PostsService).
type Posts interface {
	Create(ctx context.Context, req *api.PostCreateRequest) (*api.Post, error)
	Get(ctx context.Context, id string) (*api.Post, error)
	// List is the public timeline, newest first: where a new post whose
	// answer was lost is looked for.
	List(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error)
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
	// Reposts is a page of a post's reposts, plain ones and quotes.
	Reposts(ctx context.Context, id string, opts *api.ListOptions) (*api.Page[api.Repost], error)
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

// Uploads is what the pane does with media (*api.UploadsService): the
// composer uploads attachments and picks earlier uploads; the Media screen
// lists and deletes them.
type Uploads interface {
	composer.Uploader
	Delete(ctx context.Context, id string) error
}

// The API services satisfy the kit's interfaces.
var (
	_ Posts   = (*api.PostsService)(nil)
	_ Agents  = (*api.AgentsService)(nil)
	_ Uploads = (*api.UploadsService)(nil)
)
