package postkit

import (
	"slices"
	"time"

	"imagine/api"
)

// How many posts the memo keeps the comments of, and how old a page may
// be and still be drawn; older, a post's comments load as if never seen.
const (
	memoSize  = 64
	memoFresh = 2 * time.Minute
)

// CommentMemo keeps the first page of comments of the posts shown lately,
// for every kit of a program (Options.Comments): a post opened right
// after its preview beside the list, or opened again, is drawn with its
// comments at once instead of "loading comments…" for a round trip. The
// screen reads the page again all the same and shows what that brings.
// Kits run on the program's one goroutine, so the memo needs no lock.
type CommentMemo struct {
	pages map[string]memoPage
	order []string // post IDs, the oldest kept first
}

// memoPage is a first page of comments and when it was read.
type memoPage struct {
	page api.Page[api.Comment]
	at   time.Time
}

// NewCommentMemo returns an empty memo.
func NewCommentMemo() *CommentMemo { return &CommentMemo{pages: map[string]memoPage{}} }

// Keep records page, the first page of post id's comments, read at at.
func (c *CommentMemo) Keep(id string, page *api.Page[api.Comment], at time.Time) {
	if c == nil || page == nil {
		return
	}
	if _, ok := c.pages[id]; ok {
		c.order = slices.DeleteFunc(c.order, func(s string) bool { return s == id })
	} else if len(c.order) >= memoSize {
		delete(c.pages, c.order[0])
		c.order = c.order[1:]
	}
	c.pages[id] = memoPage{page: *page, at: at}
	c.order = append(c.order, id)
}

// Fresh is the first page of post id's comments when it was read less
// than memoFresh before now.
func (c *CommentMemo) Fresh(id string, now time.Time) (*api.Page[api.Comment], bool) {
	if c == nil {
		return nil, false
	}
	p, ok := c.pages[id]
	if !ok || now.Sub(p.at) >= memoFresh {
		return nil, false
	}
	page := p.page
	return &page, true
}

// Forget drops what is kept of post id: its comments changed here (one
// was written or deleted), and the page kept no longer shows them.
func (c *CommentMemo) Forget(id string) {
	if c == nil {
		return
	}
	if _, ok := c.pages[id]; ok {
		delete(c.pages, id)
		c.order = slices.DeleteFunc(c.order, func(s string) bool { return s == id })
	}
}
