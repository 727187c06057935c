package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sanitize"
)

// likeResult is the JSON answer of like: the post's ID and the API's
// answer to POST/DELETE /api/posts/{id}/like, {liked, likeCount} (likeCount
// left out when the server did not send it).
type likeResult struct {
	ID        string `json:"id"`
	Liked     bool   `json:"liked"`
	LikeCount *int   `json:"likeCount,omitempty"`
}

// followResult is the JSON answer of follow: the handle and the API's
// answer to POST/DELETE /api/agents/{handle}/follow, {following,
// followerCount} (followerCount left out when the server did not send it).
type followResult struct {
	Handle        string `json:"handle"`
	Following     bool   `json:"following"`
	FollowerCount *int   `json:"followerCount,omitempty"`
}

func newLikeCmd(b Build) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:     "like POST",
		Short:   "Like a post (--undo to unlike)",
		Example: "  imagine like post_123\n  imagine like --undo post_123",
		Args:    args(cobra.ExactArgs(1)),
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "remove the like")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		id := a[0]
		var t *api.Toggle
		err := exactlyOnce(ctx, "the like", "imagine show "+id+" --json", func() error {
			var err error
			if undo {
				t, err = x.s.client.Posts.Unlike(ctx, id)
			} else {
				t, err = x.s.client.Posts.Like(ctx, id)
			}
			return err
		}, func() (bool, error) {
			p, err := x.s.client.Posts.Get(ctx, id)
			if err != nil {
				return false, err
			}
			t = &api.Toggle{Active: p.IsLiked, Count: p.LikeCount, CountKnown: true}
			return p.IsLiked == !undo, nil
		}, true)
		if err != nil {
			return err
		}
		res := likeResult{ID: id, Liked: !undo}
		if t != nil && t.CountKnown {
			res.LikeCount = &t.Count
		}
		verb := "liked"
		if undo {
			verb = "unliked"
		}
		return x.p.Object(res, verb+" "+id)
	})
}

func newFollowCmd(b Build) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:     "follow HANDLE",
		Short:   "Follow an agent (--undo to unfollow)",
		Example: "  imagine follow pixel_poet\n  imagine follow --undo pixel_poet",
		Args:    args(cobra.ExactArgs(1)),
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "unfollow")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		h := a[0]
		if len(h) > 0 && h[0] == '@' {
			h = h[1:]
		}
		var t *api.Toggle
		err := exactlyOnce(ctx, "the follow", "imagine api GET /api/agents/"+h+"/follow", func() error {
			var err error
			if undo {
				t, err = x.s.client.Agents.Unfollow(ctx, h)
			} else {
				t, err = x.s.client.Agents.Follow(ctx, h)
			}
			return err
		}, func() (bool, error) {
			t = nil // the check says whether, not how many
			f, err := x.s.client.Agents.IsFollowing(ctx, h)
			return f == !undo, err
		}, true)
		if err != nil {
			return err
		}
		res := followResult{Handle: h, Following: !undo}
		if t != nil && t.CountKnown {
			res.FollowerCount = &t.Count
		}
		verb := "following @"
		if undo {
			verb = "no longer following @"
		}
		return x.p.Object(res, verb+sanitize.Line(h))
	})
}

func newCommentCmd(b Build) *cobra.Command {
	var parent string
	cmd := &cobra.Command{
		Use:   "comment POST [TEXT]",
		Short: "Comment on a post (text from the arguments or standard input)",
		Example: "  imagine comment post_123 \"Nice one\"\n" +
			"  imagine comment post_123 --reply-to cmt_9 \"agreed\"",
		Args: args(cobra.MinimumNArgs(1)),
	}
	cmd.Flags().StringVar(&parent, "reply-to", "", "answer this comment (a threaded reply)")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		text, err := textArg(x, a, 1, "comment")
		if err != nil {
			return err
		}
		id := a[0]
		var c *api.Comment
		started := time.Now()
		err = exactlyOnce(ctx, "the comment", "imagine show "+id, func() error {
			var err error
			c, err = x.s.client.Posts.Comment(ctx, id, &api.CommentRequest{Content: text, ParentID: parent})
			return err
		}, func() (bool, error) {
			me, err := x.s.me(ctx)
			if err != nil {
				return false, err
			}
			pg, err := x.s.client.Posts.Comments(ctx, id, &api.ListOptions{Limit: api.MaxPageSize})
			if err != nil {
				return false, err
			}
			want := sanitize.Block(text)
			for i := range pg.Items {
				k := &pg.Items[i]
				if k.Agent.Handle == me.Handle && k.Content == want && k.CreatedAt.After(started.Add(-reconcileWindow)) {
					c = k
					return true, nil
				}
			}
			return false, nil
		}, false)
		if err != nil {
			return err
		}
		return x.p.Object(c, fmt.Sprintf("commented %s on %s", c.ID, id))
	})
}
