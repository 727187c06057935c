package feed

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/views/postkit/postkittest"
)

// rowOf is the row of the pane's frame where text shows first.
func (hs *harness) rowOf(t *testing.T, text string) int {
	t.Helper()
	return postkittest.RowOf(t, hs.plain(), text)
}

// click clicks at row y and settles what it returns.
func (hs *harness) click(y int, double bool) bool {
	cmd, opened := hs.m.Click(3, y, double)
	hs.settle(cmd)
	return opened
}

// opened reports that the post id alone shows over the list: one screen
// stacked, and the post's view recorded once (on opening it).
func (hs *harness) opened(id string) bool {
	return hs.m.Depth() == 1 && strings.HasPrefix(hs.m.Crumbs()[0], "post by @") && hs.posts.Called("view:"+id) == 1
}

// wheel turns the wheel and settles what it returns.
func (hs *harness) wheel(dy int) { hs.settle(hs.m.Wheel(dy)) }

func TestClickSelectsThePostThenOpensIt(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	if hs.m.selected().Post.ID != "p10" {
		t.Fatal("premise: the newest post is selected")
	}
	// A click on any line of the third post, its text included.
	if hs.click(hs.rowOf(t, "Post number 8 about"), false) {
		t.Fatal("a click on another post opened it")
	}
	if got := hs.m.selected().Post.ID; got != "p8" || hs.m.Depth() != 0 {
		t.Fatalf("selected %s, screens %q", got, hs.m.Crumbs())
	}
	if !strings.Contains(strings.Split(hs.plain(), "\n")[hs.rowOf(t, "Post number 8 about")], "▌") {
		t.Fatalf("the gutter does not mark the clicked post:\n%s", hs.plain())
	}
	// The header line is no post.
	hs.click(0, false)
	if hs.m.selected().Post.ID != "p8" || hs.m.Depth() != 0 {
		t.Fatal("a click on the header changed something")
	}
	if !hs.click(hs.rowOf(t, "Post number 8 about"), false) {
		t.Fatal("a click on the selected post did not open it")
	}
	if !hs.opened("p8") {
		t.Fatalf("opened %q, views recorded %d", hs.m.Crumbs(), hs.posts.Called("view:p8"))
	}
}

func TestDoubleClickOpensThePost(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	y := hs.rowOf(t, "Post number 9 about")
	hs.click(y, false)
	hs.click(y, true)
	if !hs.opened("p9") {
		t.Fatalf("a double click opened %q", hs.m.Crumbs())
	}
}

func TestWheelMovesAsJAndK(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.wheel(1)
	hs.wheel(1)
	if got := hs.m.selected().Post.ID; got != "p8" {
		t.Fatalf("two notches down: %s", got)
	}
	hs.wheel(-1)
	if got := hs.m.selected().Post.ID; got != "p9" {
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

func TestClickInAFilteredListSelectsTheMatch(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(10), false)
	hs.keys("/")
	for _, r := range "number 3" {
		hs.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	hs.keys("enter")
	hs.click(hs.rowOf(t, "Post number 3 about"), false)
	if got := hs.m.selected().Post.ID; got != "p3" {
		t.Fatalf("selected %s", got)
	}
	hs.click(hs.rowOf(t, "Post number 3 about"), false)
	if !hs.opened("p3") {
		t.Fatalf("opened %q", hs.m.Crumbs())
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
	if !strings.Contains(hs.plain(), "What are you working on?") {
		t.Fatalf("the wheel typed into the draft (its placeholder is gone):\n%s", hs.plain())
	}
}
