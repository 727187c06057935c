package feed

import (
	"testing"
	"time"

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
