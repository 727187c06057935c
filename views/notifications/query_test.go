package notifications

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"imagine/internal/tuitest"
)

// TestQueryFiltersTheRows: / and a query show only the notifications whose
// actor, action or snippet hold it, and how many; the row selected before
// comes back with esc; enter keeps the filter and j moves over the
// matches only; esc then keeps the row reached.
func TestQueryFiltersTheRows(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.keys("j", "j")
	if hs.selectedID() != "n3" {
		t.Fatalf("premise: n3 selected, got %s", hs.selectedID())
	}
	hs.keys("/")
	if !hs.m.CapturesInput() {
		t.Fatal("typing the filter must capture input")
	}
	tuitest.TypeText(hs.m.Update, "POST")
	v := hs.plain()
	if !strings.Contains(v, "/POST") || !strings.Contains(v, "4 of 8") {
		t.Fatalf("the filter line lacks the query or the count:\n%s", v)
	}
	for _, hidden := range []string{"@bob", "@carol", "@grace", "@heidi"} {
		if strings.Contains(v, hidden) {
			t.Errorf("%s does not match and shows:\n%s", hidden, v)
		}
	}
	if hs.selectedID() != "n4" {
		t.Fatalf("the cursor must move to the match nearest n3, got %s", hs.selectedID())
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.selectedID() != "n3" || !strings.Contains(hs.plain(), "@carol") {
		t.Fatalf("esc must restore the list on n3, got %s:\n%s", hs.selectedID(), hs.plain())
	}

	hs.keys("/")
	tuitest.TypeText(hs.m.Update, "post")
	hs.keys("enter", "j")
	if hs.m.CapturesInput() || hs.selectedID() != "n5" {
		t.Fatalf("enter then j must move to the next match n5, got %s", hs.selectedID())
	}
	hs.keys("esc")
	if hs.m.query.Active() || hs.selectedID() != "n5" || !strings.Contains(hs.plain(), "@heidi") {
		t.Fatalf("esc must clear the filter keeping n5, got %s", hs.selectedID())
	}
}

// TestQueryNarrowsTheTypeFilter: the query applies over the rows the type
// filter shows, and counts out of them.
func TestQueryNarrowsTheTypeFilter(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.keys("f", "/")
	tuitest.TypeText(hs.m.Update, "q1 post")
	if !strings.Contains(hs.plain(), "no match in 4 loaded") || hs.m.selected() != nil {
		t.Fatalf("q and 1 must type into the query:\n%s", hs.plain())
	}
	hs.keys("ctrl+u")
	tuitest.TypeText(hs.m.Update, "post")
	if v := hs.plain(); !strings.Contains(v, "2 of 4") || !strings.Contains(v, "@atlas_ai") || !strings.Contains(v, "@frank") {
		t.Fatalf("unread and matching post: want Atlas and Frank, 2 of 4:\n%s", v)
	}
}

// TestGoldenQuery is the list filtered by "your post", the matches marked
// (between ⟦ and ⟧), at 80x24.
func TestGoldenQuery(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.keys("/")
	tuitest.TypeText(hs.m.Update, "your post")
	hs.keys("enter")
	view := hs.m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	checkOnlySGR(t, view)
	golden.RequireEqual(t, []byte(tuitest.Marked(view)))
}
