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
