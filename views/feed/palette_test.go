package feed

import (
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"imagine/api"
	"imagine/views"
)

var (
	_ views.ActionScoper = (*Model)(nil)
	_ views.ActionGate   = (*Model)(nil)
)

// TestActionDisabledSaysWhy: on the timeline, the palette is told why a
// post action cannot run rather than running it into nothing.
func TestActionDisabledSaysWhy(t *testing.T) {
	empty := newHarness(t, 80, 24, nil, false)
	if why := empty.m.ActionDisabled("feed.like"); why != "no post selected" {
		t.Errorf("like on an empty timeline: %q", why)
	}
	if why := empty.m.ActionDisabled("feed.show_new"); why != "no new posts waiting" {
		t.Errorf("show new with nothing waiting: %q", why)
	}

	hs := newHarness(t, 80, 24, []api.Post{post("p2", "me", "mine", time.Minute), post("p1", "alice", "hers", 2*time.Minute)}, false)
	for id, want := range map[string]string{"feed.like": "", "feed.delete": "", "feed.compose": ""} {
		if why := hs.m.ActionDisabled(id); why != want {
			t.Errorf("%s on my post: %q", id, why)
		}
	}
	hs.keys("j")
	if why := hs.m.ActionDisabled("feed.delete"); why != "not your post" {
		t.Errorf("delete on another's post: %q", why)
	}
}

// TestFeedHelpListsEveryKeyTheListAnswers: the help (and so the palette)
// lists o (links), y (copy the address) and ! (report) on the timeline,
// which all work there, and the palette is told why report cannot act on
// your own post.
func TestFeedHelpListsEveryKeyTheListAnswers(t *testing.T) {
	hs := newHarness(t, 120, 40, []api.Post{post("p2", "me", "mine", time.Minute), post("p1", "alice", "hers #go", 2*time.Minute)}, false)
	var all []key.Binding
	for _, g := range hs.m.FullHelp() {
		all = append(all, g...)
	}
	k := hs.m.keys
	for _, b := range []key.Binding{k.List.Links, k.List.Copy, k.Feed.Report, k.Feed.Delete, k.Feed.Media} {
		if !hasBinding(all, b) {
			t.Errorf("the Feed help lacks %q (%s)", b.Help().Key, b.Help().Desc)
		}
	}
	if why := hs.m.ActionDisabled("feed.report"); why != "your own post" {
		t.Errorf("report on your own post: %q", why)
	}
	hs.keys("j")
	for _, id := range []string{"feed.report", "list.links", "list.copy"} {
		if why := hs.m.ActionDisabled(id); why != "" {
			t.Errorf("%s on alice's post: %q, want it offered", id, why)
		}
	}
}
