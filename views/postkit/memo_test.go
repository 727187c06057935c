package postkit

import (
	"fmt"
	"testing"
	"time"

	"imagine/api"
)

// TestPostMemoIsBoundedFreshAndForgets: the memo holds the newest
// memoSize posts, draws nothing older than memoFresh, and forgets the
// comments of a post whose comments changed, keeping its likers.
func TestPostMemoIsBoundedFreshAndForgets(t *testing.T) {
	c := NewPostMemo()
	at := time.Date(2026, 12, 7, 4, 0, 0, 0, time.UTC)
	page := func(id string) *api.Page[api.Comment] {
		return &api.Page[api.Comment]{Items: []api.Comment{{ID: "c-" + id}}}
	}
	for i := range memoSize + 10 {
		id := fmt.Sprintf("p%d", i)
		c.KeepComments(id, page(id), at)
	}
	if len(c.posts) != memoSize || len(c.order) != memoSize {
		t.Fatalf("holds %d posts (%d in order), want %d", len(c.posts), len(c.order), memoSize)
	}
	if _, ok := c.Comments("p0", at); ok {
		t.Error("the oldest post was not let go")
	}
	last := fmt.Sprintf("p%d", memoSize+9)
	if p, ok := c.Comments(last, at.Add(memoFresh-time.Second)); !ok || p.Items[0].ID != "c-"+last {
		t.Errorf("the newest page is not drawn within %v: %v %v", memoFresh, p, ok)
	}
	if _, ok := c.Comments(last, at.Add(memoFresh)); ok {
		t.Error("a page as old as memoFresh is still drawn")
	}

	c.KeepLikers(last, []api.Agent{{Handle: "bob"}}, at)
	c.ForgetComments(last)
	if _, ok := c.Comments(last, at); ok {
		t.Error("forgotten comments are still drawn")
	}
	if l, ok := c.Likers(last, at); !ok || len(l) != 1 || l[0].Handle != "bob" {
		t.Errorf("the likers went with the comments: %v %v", l, ok)
	}
	if _, ok := c.Likers("p20", at); ok {
		t.Error("likers never read are drawn")
	}

	var none *PostMemo
	none.KeepComments("p", page("p"), at) // a kit without a memo: nothing kept, no panic
	if _, ok := none.Comments("p", at); ok {
		t.Error("a nil memo drew a page")
	}
}
