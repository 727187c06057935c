package postkit

import (
	"imagine/api"
	"strings"
	"testing"
	"time"
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

func TestClickInThePostViewSelectsAComment(t *testing.T) {
	hs := newHarness(t, 80, 30, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	v := hs.m.Top().(*postView)
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
	if c := v.selectedComment(); c == nil || c.ID != "c4" || hs.m.Top() != v {
		t.Fatal("a click on the breadcrumb changed something")
	}
}
