package post

import (
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"imagine/api"
)

// TestPostViewHelpListsEveryKeyItAnswers: the help (and so the palette)
// lists delete, report, the links, copy, a new post and the media on the
// post view, whatever is selected, and the palette is told why delete or
// report cannot act on what is (someone else's post, your own comment).
func TestPostViewHelpListsEveryKeyItAnswers(t *testing.T) {
	hs := newHarness(t, 100, 40, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	keys := hs.m.Keys()
	for _, at := range []string{"the post", "your comment"} {
		if at == "your comment" {
			hs.keys("j", "j", "j", "j") // c1, c2, c4, c5 (yours)
		}
		var all []key.Binding
		for _, g := range hs.m.FullHelp() {
			all = append(all, g...)
		}
		for _, b := range []key.Binding{keys.Feed.Delete, keys.Feed.Report, keys.List.Links, keys.List.Copy, keys.Feed.Compose, keys.Feed.Media} {
			if !hasBinding(all, b) {
				t.Errorf("on %s the help lacks %q (%s)", at, b.Help().Key, b.Help().Desc)
			}
		}
	}
	if why := hs.m.ActionDisabled("feed.delete"); why != "" {
		t.Errorf("delete on your comment: %q, want it offered", why)
	}
	if why := hs.m.ActionDisabled("feed.report"); why != "your own comment" {
		t.Errorf("report on your comment: %q", why)
	}
	hs.keys("g")
	if why := hs.m.ActionDisabled("feed.delete"); why != "not your post" {
		t.Errorf("delete on alice's post: %q", why)
	}
	if why := hs.m.ActionDisabled("feed.report"); why != "" {
		t.Errorf("report on alice's post: %q, want it offered", why)
	}
}
