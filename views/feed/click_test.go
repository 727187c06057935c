package feed

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// rowOf is the row of the pane's frame where text shows first.
func (hs *harness) rowOf(t *testing.T, text string) int {
	t.Helper()
	for y, l := range strings.Split(hs.plain(), "\n") {
		if strings.Contains(l, text) {
			return y
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, hs.plain())
	return -1
}

// click clicks at row y and settles what it returns.
func (hs *harness) click(y int, double bool) bool {
	cmd, opened := hs.m.Click(3, y, double)
	hs.settle(cmd)
	return opened
}

// wheel turns the wheel and settles what it returns.
func (hs *harness) wheel(dy int) { hs.settle(hs.m.Wheel(dy)) }

func TestClickSelectsThePostThenOpensIt(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	if hs.m.selected().post.ID != "p10" {
		t.Fatal("premise: the newest post is selected")
	}
	// A click on any line of the third post, its text included.
	if hs.click(hs.rowOf(t, "Post number 8 about"), false) {
		t.Fatal("a click on another post opened it")
	}
	if got := hs.m.selected().post.ID; got != "p8" || hs.m.top() != nil {
		t.Fatalf("selected %s, screen %T", got, hs.m.top())
	}
	if !strings.Contains(strings.Split(hs.plain(), "\n")[hs.rowOf(t, "Post number 8 about")], "▌") {
		t.Fatalf("the gutter does not mark the clicked post:\n%s", hs.plain())
	}
	// The header line is no post.
	hs.click(0, false)
	if hs.m.selected().post.ID != "p8" || hs.m.top() != nil {
		t.Fatal("a click on the header changed something")
	}
	if !hs.click(hs.rowOf(t, "Post number 8 about"), false) {
		t.Fatal("a click on the selected post did not open it")
	}
	if v, ok := hs.m.top().(*postView); !ok || v.e.post.ID != "p8" || hs.posts.called("view:p8") != 1 {
		t.Fatalf("opened %T, views recorded %d", hs.m.top(), hs.posts.called("view:p8"))
	}
}

func TestDoubleClickOpensThePost(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	y := hs.rowOf(t, "Post number 9 about")
	hs.click(y, false)
	hs.click(y, true)
	if v, ok := hs.m.top().(*postView); !ok || v.e.post.ID != "p9" {
		t.Fatalf("a double click opened %T", hs.m.top())
	}
}

func TestWheelMovesAsJAndK(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.wheel(1)
	hs.wheel(1)
	if got := hs.m.selected().post.ID; got != "p8" {
		t.Fatalf("two notches down: %s", got)
	}
	hs.wheel(-1)
	if got := hs.m.selected().post.ID; got != "p9" {
		t.Fatalf("a notch up: %s", got)
	}
	// Far enough down, the list scrolls as j scrolls it.
	for range 8 {
		hs.wheel(1)
	}
	if tl := hs.m.tl(); tl.win.Cursor != 9 || tl.win.Top == 0 {
		t.Fatalf("window %+v after the wheel went to the end", tl.win)
	}
}

func TestClickInThePostViewSelectsAComment(t *testing.T) {
	hs := newHarness(t, 80, 30, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	v := hs.m.top().(*postView)
	hs.click(hs.rowOf(t, "A reply to bob"), false)
	if c := v.selectedComment(); c == nil || c.ID != "c2" {
		t.Fatalf("selected %v", c)
	}
	hs.wheel(1)
	if c := v.selectedComment(); c == nil || c.ID != "c4" {
		t.Fatalf("after a notch down %v", c)
	}
	// The crumb line is no item.
	hs.click(0, false)
	if c := v.selectedComment(); c == nil || c.ID != "c4" || hs.m.top() != v {
		t.Fatal("a click on the breadcrumb changed something")
	}
}

func TestClickInAFilteredListSelectsTheMatch(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.keys("/")
	for _, r := range "number 3" {
		hs.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	hs.keys("enter")
	hs.click(hs.rowOf(t, "Post number 3 about"), false)
	if got := hs.m.selected().post.ID; got != "p3" {
		t.Fatalf("selected %s", got)
	}
	hs.click(hs.rowOf(t, "Post number 3 about"), false)
	if v, ok := hs.m.top().(*postView); !ok || v.e.post.ID != "p3" {
		t.Fatalf("opened %T", hs.m.top())
	}
}

func TestNoMouseWhileTyping(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.keys("n")
	if !hs.m.CapturesInput() {
		t.Fatal("premise: n opens the composer")
	}
	hs.wheel(1)
	hs.click(5, false)
	if hs.m.tl().win.Cursor != 0 || !hs.m.CapturesInput() {
		t.Fatalf("the mouse acted behind the composer: %+v", hs.m.tl().win)
	}
	if hs.m.comp.Value() != "" {
		t.Fatalf("the wheel typed into the draft: %q", hs.m.comp.Value())
	}
}

func TestClickOnAProfilesLikedPosts(t *testing.T) {
	hs := likedFixture(t, 100, 40, 3, 20)
	hs.keys("p")
	v := hs.m.top().(*profileView)
	hs.click(hs.rowOf(t, "Liked post 2,"), false)
	if e := v.likedEntry(); e == nil || e.post.ID != "l2" {
		t.Fatalf("selected %v", e)
	}
	hs.click(hs.rowOf(t, "Alice Example"), false) // the card
	if v.likedEntry() != nil || hs.m.top() != v {
		t.Fatal("a click on the card did not select it")
	}
	hs.click(hs.rowOf(t, "Liked post 3"), false)
	hs.click(hs.rowOf(t, "Liked post 3"), true)
	if pv, ok := hs.m.top().(*postView); !ok || pv.e.post.ID != "l3" {
		t.Fatalf("a double click opened %T", hs.m.top())
	}
}

func TestClickOnAHashtagsPosts(t *testing.T) {
	hs, _ := tagFixture(t, 100, 40, 5, 20)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	v := hs.m.top().(*hashtagView)
	hs.click(hs.rowOf(t, "Tagged post 3 "), false)
	if e := v.selectedPost(); e == nil || e.post.ID != "g3" {
		t.Fatalf("selected %v:\n%s", e, hs.plain())
	}
	hs.wheel(1)
	if e := v.selectedPost(); e == nil || e.post.ID != "g4" {
		t.Fatalf("after a notch down %v", e)
	}
	hs.click(hs.rowOf(t, "Tagged post 4 "), false)
	if pv, ok := hs.m.top().(*postView); !ok || pv.e.post.ID != "g4" {
		t.Fatalf("a click on the selected post opened %T", hs.m.top())
	}
}
