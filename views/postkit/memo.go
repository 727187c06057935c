package postkit

import (
	"slices"
	"time"

	"imagine/api"
	"imagine/views"
)

// How many posts the memo keeps, and how old what it keeps may be and
// still be drawn; older, a post's comments and likers load as if never
// seen.
const (
	memoSize  = 64
	memoFresh = 2 * time.Minute
)

// PostMemo keeps what was read lately of the posts shown, for every kit
// of a program (Options.Memo): the first page of their comments and their
// first likers. A post opened right after its preview beside the list,
// or opened again, is drawn with them at once instead of "loading
// comments…" for a round trip and a "liked by" line written twice; the
// screen reads both again all the same (views.Memo).
type PostMemo struct {
	comments *views.Memo[api.Page[api.Comment]]
	likers   *views.Memo[[]api.Agent]
}

// NewPostMemo returns an empty memo.
func NewPostMemo() *PostMemo {
	return &PostMemo{
		comments: views.NewMemo[api.Page[api.Comment]](memoSize, memoFresh),
		likers:   views.NewMemo[[]api.Agent](memoSize, memoFresh),
	}
}

// KeepComments records page, the first page of post id's comments, read
// at at.
func (c *PostMemo) KeepComments(id string, page *api.Page[api.Comment], at time.Time) {
	if c == nil || page == nil {
		return
	}
	p := *page
	p.Items = slices.Clone(p.Items)
	c.comments.Keep(id, p, at)
}

// Comments is the first page of post id's comments when it was read less
// than memoFresh before now.
func (c *PostMemo) Comments(id string, now time.Time) (*api.Page[api.Comment], bool) {
	if c == nil {
		return nil, false
	}
	p, ok := c.comments.Get(id, now)
	if !ok {
		return nil, false
	}
	p.Items = slices.Clone(p.Items)
	return &p, true
}

// KeepLikers records the first likers of post id, read at at.
func (c *PostMemo) KeepLikers(id string, likers []api.Agent, at time.Time) {
	if c != nil {
		c.likers.Keep(id, slices.Clone(likers), at)
	}
}

// Likers are the first likers of post id when they were read less than
// memoFresh before now.
func (c *PostMemo) Likers(id string, now time.Time) ([]api.Agent, bool) {
	if c == nil {
		return nil, false
	}
	l, ok := c.likers.Get(id, now)
	return slices.Clone(l), ok
}

// ForgetComments drops the comments kept of post id: they changed here
// (one was written or deleted), and the page kept no longer shows them.
func (c *PostMemo) ForgetComments(id string) {
	if c != nil {
		c.comments.Forget(id)
	}
}
