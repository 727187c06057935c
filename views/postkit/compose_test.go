package postkit

import (
	"strings"
	"testing"

	"imagine/api"
)

func TestFailedPostKeepsTheTextInTheComposer(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(2), false)
	hs.posts.Errs["create"] = api.ErrOffline
	hs.keys("n")
	hs.typeText("hello world")
	hs.keys("ctrl+s")
	if !hs.m.CapturesInput() || hs.m.comp.Value() != "hello world" {
		t.Fatalf("composer open=%v text=%q", hs.m.CapturesInput(), hs.m.comp.Value())
	}
	if v := hs.plain(); !strings.Contains(v, "not sent:") {
		t.Errorf("the error is not shown:\n%s", v)
	}
}

// TestUnsentDraftsAreNamedForAPerson: the start-up notice names drafts of
// every pane sharing the draft directory, Explore's Bytes included.
func TestUnsentDraftsAreNamedForAPerson(t *testing.T) {
	for key, want := range map[string]string{
		"post": "a post (n)", "comment-p1": "a comment", "order-o1": "an order message (Market)",
		"byte": "a Byte (Explore)", "byte-comment:b1": "a Byte comment (Explore)", "other": "a draft",
	} {
		if got := draftName(key); got != want {
			t.Errorf("draftName(%q) = %q, want %q", key, got, want)
		}
	}
}
