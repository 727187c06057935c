package post

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/views/postkit"
)

// TestAPreviewOfAPostWithoutCommentsOffersNoKey: beside a list the keys
// are the list's, so the preview says there is no comment and names no
// key; the post opened on the stack offers c.
func TestAPreviewOfAPostWithoutCommentsOffersNoKey(t *testing.T) {
	for _, preview := range []bool{true, false} {
		hs := newHarnessWith(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)},
			func(o *postkit.Options) { o.Preview = preview })
		hs.keys("enter")
		view := hs.plain()
		if !strings.Contains(view, "no comments yet") {
			t.Fatalf("preview %v: no empty note:\n%s", preview, view)
		}
		if got := strings.Contains(view, "c comment"); got == preview {
			t.Errorf("preview %v: offers c comment: %v\n%s", preview, got, view)
		}
	}
}
