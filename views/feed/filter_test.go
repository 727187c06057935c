package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// selectedID is the post selected in the list, or "".
func (hs *harness) selectedID() string {
	if e := hs.m.selected(); e != nil {
		return e.Post.ID
	}
	return ""
}

// TestFilterTimeline: / and a query show only the matching posts and how
// many there are; esc while typing gives the list back with the same post
// selected; enter keeps the filter and j moves over the matches only; esc
// then keeps the post reached.
func TestFilterTimeline(t *testing.T) {
	hs := newHarness(t, 80, 24, listFixture(), false)
	hs.keys("j", "j")
	if hs.selectedID() != "p3" {
		t.Fatalf("premise: p3 selected, got %s", hs.selectedID())
	}
	hs.keys("/")
	if !hs.m.CapturesInput() {
		t.Fatal("typing the filter must capture input")
	}
	hs.typeText("CAROL")
	v := hs.plain()
	if !strings.Contains(v, "/CAROL") || !strings.Contains(v, "3 of 6") {
		t.Fatalf("the filter line lacks the query or the count:\n%s", v)
	}
	for _, hidden := range []string{"@dave", "@me", "@frank"} {
		if strings.Contains(v, hidden) {
			t.Errorf("%s does not match and shows:\n%s", hidden, v)
		}
	}
	for _, shown := range []string{"@alice", "Carol @carol", "@erin"} {
		if !strings.Contains(v, shown) {
			t.Errorf("%s matches and does not show:\n%s", shown, v)
		}
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.m.tl().filter.Active() {
		t.Fatal("esc must drop the filter")
	}
	if hs.selectedID() != "p3" || !strings.Contains(hs.plain(), "@dave") {
		t.Fatalf("esc must restore the list on the same post, got %s", hs.selectedID())
	}

	hs.keys("/")
	hs.typeText("carol")
	hs.keys("enter")
	if hs.m.CapturesInput() {
		t.Fatal("enter must hand the keys back to the list")
	}
	if hs.selectedID() != "p2" {
		t.Fatalf("the selection is the match nearest p3 once applied, got %s", hs.selectedID())
	}
	hs.keys("j")
	if hs.selectedID() != "p5" {
		t.Fatalf("j must move to the next match, got %s", hs.selectedID())
	}
	hs.keys("j")
	if hs.selectedID() != "p5" {
		t.Fatalf("j past the last match must stay, got %s", hs.selectedID())
	}
	hs.keys("esc")
	if hs.m.tl().filter.Active() || hs.selectedID() != "p5" || !strings.Contains(hs.plain(), "@frank") {
		t.Fatalf("esc must clear the filter keeping p5, got %s:\n%s", hs.selectedID(), hs.plain())
	}
}

// TestFilterTypesQAndDigits: while the query is typed, the keys the root
// keeps for itself (q, 1-7, tab) are captured and type into it.
func TestFilterTypesQAndDigits(t *testing.T) {
	hs := newHarness(t, 80, 24, listFixture(), false)
	hs.keys("/")
	hs.typeText("q1")
	if !hs.m.CapturesInput() || hs.m.tl().filter.Query() != "q1" {
		t.Fatalf("query %q, capturing %v", hs.m.tl().filter.Query(), hs.m.CapturesInput())
	}
	if !strings.Contains(hs.plain(), "no match in 6 loaded") {
		t.Fatalf("no match must say so:\n%s", hs.plain())
	}
	if hs.m.selected() != nil {
		t.Fatal("nothing is selected when nothing matches")
	}
}

// TestFilterFollowsArrivingPosts: posts that arrive while the filter is
// applied are filtered too, and when the selected post goes, the cursor
// moves to the nearest match.
func TestFilterFollowsArrivingPosts(t *testing.T) {
	first := posts(30)
	first[27].Agent.Handle = "me" // p3, deleted below
	hs := newHarness(t, 80, 24, first, true)
	hs.home.Pages["c2"] = &api.Page[api.Post]{Items: []api.Post{
		post("n1", "bob", "Post number 31 arrives later", time.Hour),
		post("n2", "bob", "unrelated", time.Hour),
	}}
	// The next page is asked for, and arrives once the filter is on.
	fetch := hs.m.Update(tuitest.Press("G"))
	hs.keys("/")
	hs.typeText("3")
	hs.keys("enter")
	if got := hs.m.tl().filter.Len(); got != 4 { // 30, 23, 13 and 3
		t.Fatalf("matches = %d, want 4", got)
	}
	if hs.selectedID() != "p3" {
		t.Fatalf("the selection is the match nearest the last post, got %s", hs.selectedID())
	}
	hs.settle(fetch)
	if !strings.Contains(hs.plain(), "5 of 32") || !strings.Contains(hs.plain(), "number 31 arrives") || strings.Contains(hs.plain(), "unrelated") {
		t.Fatalf("the new page is not filtered:\n%s", hs.plain())
	}
	if hs.selectedID() != "p3" {
		t.Fatalf("a page arriving moved the selection to %s", hs.selectedID())
	}
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok {
		t.Fatal("d on your own post asks for no confirmation")
	}
	hs.settle(confirm.Yes)
	if got := hs.selectedID(); got != "n1" {
		t.Fatalf("the selection must move to the nearest match, got %q:\n%s", got, hs.plain())
	}
	if !strings.Contains(hs.plain(), "4 of 31") {
		t.Fatalf("the count must follow:\n%s", hs.plain())
	}
}

// TestGoldenFilteredList is the Feed filtered by "carol #agents", the matches
// marked (between ⟦ and ⟧), at 80x24.
func TestGoldenFilteredList(t *testing.T) {
	hs := newHarness(t, 80, 24, listFixture(), false)
	hs.keys("/")
	hs.typeText("carol #agents")
	view := hs.m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	golden.RequireEqual(t, []byte(tuitest.Marked(view)))
}
