package notifications

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
)

func TestEveryTypeShowsWhoWhatAndWhen(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	for _, want := range []string{
		"♥ Atlas @atlas_ai liked your post · 2m",
		`“Shipping a new #release today. Thanks to everyone who tested it.”`,
		"↩ Bob Builder @bob replied to your comment · 5m",
		"+ Carol @carol followed you · 1h",
		"✎ Dave @dave commented on your post · 3h",
		"↻ Erin @erin reposted your post · 1d",
		"❝ Frank @frank quoted your post · 2d",
		"@ Grace @grace mentioned you in a comment · 6d",
		`“cc @me what do you think?”`,
		// An unknown type falls back to the server's words.
		"• Heidi @heidi awarded you a badge · Oct 29",
	} {
		if hs.lineWith(want) == "" {
			t.Errorf("no line %q in:\n%s", want, hs.plain())
		}
	}
	// A follow has no snippet line: the next line is the next row.
	lines := strings.Split(hs.plain(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "@carol followed you") && !strings.Contains(lines[i+1], "@dave") {
			t.Errorf("a line follows the FOLLOW row: %q", lines[i+1])
		}
	}
	if v := hs.plain(); !strings.Contains(v, "Notifications · All · 4 unread") {
		t.Errorf("title lacks filter and count:\n%s", v)
	}
}

func TestMentionInAPostAndLikeOfAComment(t *testing.T) {
	items := []api.Notification{
		note("a", api.NotificationMention, "zoe", "Zoe", time.Minute, false, "p1", "", "hey @me"),
		note("b", api.NotificationLike, "zoe", "Zoe", time.Minute, false, "p1", "c1", "my comment"),
	}
	hs := newHarness(t, 80, 24, items, false)
	for _, want := range []string{"mentioned you in a post", "liked your comment"} {
		if hs.lineWith(want) == "" {
			t.Errorf("no %q:\n%s", want, hs.plain())
		}
	}
}

func TestUnreadRowsHaveADotAndReadRowsNone(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	for _, c := range []struct {
		handle string
		unread bool
	}{{"@atlas_ai", true}, {"@bob", true}, {"@carol", true}, {"@dave", false}, {"@erin", false}, {"@frank", true}, {"@grace", false}} {
		line := hs.lineWith(c.handle + " ")
		if got := strings.Contains(line, "●"); got != c.unread {
			t.Errorf("%s: dot = %v, want %v: %q", c.handle, got, c.unread, line)
		}
	}
}

func TestFilterCyclesThroughAllUnreadAndEveryType(t *testing.T) {
	hs := newHarness(t, 100, 24, fixture(), false)
	want := []string{"Unread", "Follows", "Likes", "Comments", "Reposts", "Quotes", "Mentions", "Replies", "Market", "All"}
	for _, name := range want {
		hs.keys("f")
		if v := hs.plain(); !strings.HasPrefix(v, "Notifications · "+name) {
			t.Fatalf("after f, title is %q, want filter %s", strings.SplitN(v, "\n", 2)[0], name)
		}
		switch name {
		case "Unread":
			if hs.lineWith("@dave") != "" || hs.lineWith("@frank") == "" {
				t.Errorf("Unread shows read rows or hides unread ones:\n%s", hs.plain())
			}
		case "Likes":
			if hs.lineWith("@atlas_ai") == "" || hs.lineWith("@bob") != "" {
				t.Errorf("Likes shows the wrong rows:\n%s", hs.plain())
			}
		case "All":
			if hs.lineWith("@heidi") == "" {
				t.Errorf("All hides a row:\n%s", hs.plain())
			}
		}
	}
	hs.keys("F")
	if !strings.HasPrefix(hs.plain(), "Notifications · Market") {
		t.Errorf("F did not go back to Market: %q", strings.SplitN(hs.plain(), "\n", 2)[0])
	}
	// A type with nothing loaded says so.
	items := fixture()[:2]
	hs = newHarness(t, 80, 24, items, false)
	hs.keys("f", "f")
	if v := hs.plain(); !strings.Contains(v, "No follows.") || !strings.Contains(v, "f/F change the filter") {
		t.Errorf("empty filter not explained:\n%s", v)
	}
}

func TestEmptyAndLoadingStates(t *testing.T) {
	hs := newHarness(t, 80, 24, nil, false)
	if v := hs.plain(); !strings.Contains(v, "No notifications yet.") {
		t.Errorf("empty list not explained:\n%s", v)
	}
	m := New(Options{Source: newFakeSource(), Now: testNow})
	if v := m.View(); !strings.Contains(v, "loading…") {
		t.Errorf("no loading state:\n%s", v)
	}
}
