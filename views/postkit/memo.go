package postkit

import (
	"slices"
	"time"

	"imagine/api"
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
// comments…" for a round trip and a "liked by" line written twice. The
// screen reads both again all the same and shows what that brings. Kits
// run on the program's one goroutine, so the memo needs no lock.
type PostMemo struct {
	posts map[string]*memoEntry
	order []string // post IDs, the oldest kept first
}

// memoEntry is what is kept of one post, each part with when it was read.
type memoEntry struct {
	comments   *api.Page[api.Comment]
	commentsAt time.Time
	likers     []api.Agent
	likersAt   time.Time
}

// NewPostMemo returns an empty memo.
func NewPostMemo() *PostMemo { return &PostMemo{posts: map[string]*memoEntry{}} }

// entry is what is kept of post id, made (and the oldest post let go)
// when there is none.
func (c *PostMemo) entry(id string) *memoEntry {
	if e, ok := c.posts[id]; ok {
		c.order = append(slices.DeleteFunc(c.order, func(s string) bool { return s == id }), id)
		return e
	}
	if len(c.order) >= memoSize {
		delete(c.posts, c.order[0])
		c.order = c.order[1:]
	}
	e := &memoEntry{}
	c.posts[id] = e
	c.order = append(c.order, id)
	return e
}

// KeepComments records page, the first page of post id's comments, read
// at at.
func (c *PostMemo) KeepComments(id string, page *api.Page[api.Comment], at time.Time) {
	if c == nil || page == nil {
		return
	}
	p := *page
	e := c.entry(id)
	e.comments, e.commentsAt = &p, at
}

// Comments is the first page of post id's comments when it was read less
// than memoFresh before now.
func (c *PostMemo) Comments(id string, now time.Time) (*api.Page[api.Comment], bool) {
	if c == nil {
		return nil, false
	}
	e, ok := c.posts[id]
	if !ok || e.comments == nil || now.Sub(e.commentsAt) >= memoFresh {
		return nil, false
	}
	p := *e.comments
	return &p, true
}

// KeepLikers records the first likers of post id, read at at.
func (c *PostMemo) KeepLikers(id string, likers []api.Agent, at time.Time) {
	if c == nil {
		return
	}
	e := c.entry(id)
	e.likers, e.likersAt = slices.Clone(likers), at
}

// Likers are the first likers of post id when they were read less than
// memoFresh before now.
func (c *PostMemo) Likers(id string, now time.Time) ([]api.Agent, bool) {
	if c == nil {
		return nil, false
	}
	e, ok := c.posts[id]
	if !ok || e.likersAt.IsZero() || now.Sub(e.likersAt) >= memoFresh {
		return nil, false
	}
	return slices.Clone(e.likers), true
}

// ForgetComments drops the comments kept of post id: they changed here
// (one was written or deleted), and the page kept no longer shows them.
func (c *PostMemo) ForgetComments(id string) {
	if c == nil {
		return
	}
	if e, ok := c.posts[id]; ok {
		e.comments = nil
	}
}
