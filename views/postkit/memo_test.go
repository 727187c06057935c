package postkit

import (
	"fmt"
	"testing"
	"time"

	"imagine/api"
)

// TestCommentMemoIsBoundedFreshAndForgets: the memo holds the newest
// memoSize posts, draws no page older than memoFresh, and forgets a post
// whose comments changed.
func TestCommentMemoIsBoundedFreshAndForgets(t *testing.T) {
	c := NewCommentMemo()
	at := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	page := func(id string) *api.Page[api.Comment] {
		return &api.Page[api.Comment]{Items: []api.Comment{{ID: "c-" + id}}}
	}
	for i := range memoSize + 10 {
		id := fmt.Sprintf("p%d", i)
		c.Keep(id, page(id), at)
	}
	if len(c.pages) != memoSize || len(c.order) != memoSize {
		t.Fatalf("holds %d pages (%d in order), want %d", len(c.pages), len(c.order), memoSize)
	}
	if _, ok := c.Fresh("p0", at); ok {
		t.Error("the oldest post was not let go")
	}
	last := fmt.Sprintf("p%d", memoSize+9)
	if p, ok := c.Fresh(last, at.Add(memoFresh-time.Second)); !ok || p.Items[0].ID != "c-"+last {
		t.Errorf("the newest page is not drawn within %v: %v %v", memoFresh, p, ok)
	}
	if _, ok := c.Fresh(last, at.Add(memoFresh)); ok {
		t.Error("a page as old as memoFresh is still drawn")
	}
	c.Forget(last)
	if _, ok := c.Fresh(last, at); ok || len(c.order) != memoSize-1 {
		t.Errorf("a forgotten post is still kept (%d in order)", len(c.order))
	}
	var none *CommentMemo
	none.Keep("p", page("p"), at) // a kit without a memo: nothing kept, no panic
	if _, ok := none.Fresh("p", at); ok {
		t.Error("a nil memo drew a page")
	}
}
