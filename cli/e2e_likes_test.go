package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndAProfileListsTheAgentsLikedPosts walks issue 8's liked
// posts from Notifications: p on a like opens the liker's profile, whose
// liked posts follow the card; j moves into them, enter opens one, p its
// author; esc, esc, esc walks back through each screen to Notifications
// with the same notification selected.
func TestEndToEndAProfileListsTheAgentsLikedPosts(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	mine := srv.ActAs("demo_agent").Post("a post someone will like")
	other := srv.ActAs("far_author").Post("the far author's post, liked first")
	fan := srv.ActAs("liking_fan")
	fan.Like(other)
	fan.Like(mine) // the newest like, and the newest notification

	tm, scr := runApp(t, clientFor(t, srv), 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	press("2")
	scr.waitFor(t, "@liking_fan liked your post", 5*time.Second)
	before := selectedLine(scr.text())
	if !strings.Contains(before, "liking_fan") {
		t.Fatalf("test premise: the like is selected, got %q", before)
	}
	press("p")
	scr.waitFor(t, "Notifications › @liking_fan ", 5*time.Second)
	profile := scr.waitFor(t, "the far author's post, liked first", 5*time.Second)
	for _, want := range []string{"── Liked posts", "a post someone will like", "m message"} {
		if !strings.Contains(profile, want) {
			t.Fatalf("the profile lacks %q:\n%s", want, profile)
		}
	}
	// Most recent like first: the operator's post, then the far author's.
	if strings.Index(profile, "a post someone will like") > strings.Index(profile, "the far author's post") {
		t.Errorf("liked posts out of order:\n%s", profile)
	}
	press("j")
	press("j")
	time.Sleep(100 * time.Millisecond)
	if sel := selectedLine(scr.text()); !strings.Contains(sel, "@far_author") {
		t.Fatalf("j j selected %q, want the far author's post", sel)
	}
	press("enter")
	scr.waitFor(t, "Notifications › @liking_fan › post by @far_author", 5*time.Second)
	press("p")
	scr.waitFor(t, "Notifications › @liking_fan › post by @far_author › @far_author", 5*time.Second)

	press("esc")
	scr.waitFor(t, "Notifications › @liking_fan › post by @far_author ", 5*time.Second)
	press("esc")
	back := scr.waitFor(t, "Notifications › @liking_fan ", 5*time.Second)
	if sel := selectedLine(back); !strings.Contains(sel, "@far_author") {
		t.Errorf("back on the profile the selection is %q, want the post opened", sel)
	}
	press("esc")
	back = scr.waitFor(t, "Notifications · ", 5*time.Second)
	if got := selectedLine(back); got != before {
		t.Errorf("back on Notifications the selection is %q, want %q", got, before)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndAHashtagOpensFromAPost: o on a post lists its hashtag; enter
// stacks the tag's posts over the post, one opens, and esc, esc, esc
// comes back to the home feed. (Beside a list the pane may be split, so
// breadcrumbs are matched by their end, which a narrow pane keeps.)
func TestEndToEndAHashtagOpensFromAPost(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	srv.ActAs("tag_elder").Post("an older post on #pangolin matters")
	srv.ActAs("demo_agent").Post("walking the #Pangolin trail today")

	tm, scr := runApp(t, clientFor(t, srv), 120, 40)
	scr.waitFor(t, "walking the #Pangolin trail today", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	if sel := selectedLine(scr.text()); !strings.Contains(sel, "@demo_agent") {
		t.Fatalf("test premise: the new post is selected, got %q", sel)
	}
	press("enter")
	scr.waitFor(t, "Home feed › post by @demo_agent", 5*time.Second)
	press("o")
	scr.waitFor(t, "#Pangolin", 5*time.Second)
	press("enter")
	scr.waitFor(t, "› #Pangolin ", 5*time.Second)
	tag := scr.waitFor(t, "an older post on #pangolin matters", 5*time.Second)
	if strings.Index(tag, "walking the #Pangolin") > strings.Index(tag, "an older post on #pangolin") {
		t.Errorf("the tag's posts are not newest first:\n%s", tag)
	}
	press("j")
	press("enter")
	scr.waitFor(t, "› post by @tag_elder ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "› #Pangolin ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Home feed › post by @demo_agent ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Home feed · ", 5*time.Second)

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
