package explore

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/recent"
)

// TestRecentSearchesOutliveTheRun: a search kept in one run is listed in
// the next, after the new run's own, and the list is written back.
func TestRecentSearchesOutliveTheRun(t *testing.T) {
	dir := t.TempDir()
	store := func() *recent.Store { return recent.New(dir, "searches", HistorySize, nil) }

	day1 := newHarness(t, 80, 24)
	day1.m.history = store()
	day1.settle(day1.m.Init())
	day1.keys("S")
	day1.typeText("atlas")
	day1.keys("enter")
	if got, _ := store().Load(); !slices.Equal(got, []string{"atlas"}) {
		t.Fatalf("the kept search should be on disk, got %q", got)
	}

	day2 := newHarness(t, 80, 24)
	day2.m.history = store()
	day2.keys("S")
	day2.typeText("nova")
	day2.keys("enter")         // searched before the file is read:
	day2.settle(day2.m.Init()) // this run's come first
	day2.keys("S", "ctrl+u")
	day2.fire()
	day2.keys("esc")
	view := ansi.Strip(day2.m.View())
	if !strings.Contains(view, "↺ nova") || !strings.Contains(view, "↺ atlas") || strings.Index(view, "↺ nova") > strings.Index(view, "↺ atlas") {
		t.Fatalf("the recent searches should be nova (this run) then atlas (the last):\n%s", view)
	}
	day2.keys("j", "enter") // atlas again: it moves to the top, and is saved
	if got, _ := store().Load(); !slices.Equal(got, []string{"atlas", "nova"}) {
		t.Fatalf("on disk after running atlas again: %q", got)
	}
}

func TestSearchOpensOnTheRecentSearchesNotALoadingList(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("S")
	if v := ansi.Strip(hs.m.View()); strings.Contains(v, "loading") || !strings.Contains(v, "recent searches show here") {
		t.Fatalf("with nothing typed and nothing searched yet, the hint should show:\n%s", v)
	}
	hs.typeText("atlas")
	hs.keys("enter", "S", "ctrl+u")
	hs.fire()
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "↺ atlas") {
		t.Fatalf("the query cleared, the recent searches should show:\n%s", v)
	}
}

// TestDForgetsARecentSearch: d on a recent search drops it from the list
// and from the file; the others stay.
func TestDForgetsARecentSearch(t *testing.T) {
	dir := t.TempDir()
	store := func() *recent.Store { return recent.New(dir, "searches", HistorySize, nil) }
	hs := newHarness(t, 80, 24)
	hs.m.history = store()
	hs.settle(hs.m.Init())
	for _, q := range []string{"atlas", "nova"} {
		hs.keys("S", "ctrl+u")
		hs.typeText(q)
		hs.keys("enter")
	}
	hs.keys("S", "ctrl+u")
	hs.fire()
	hs.keys("esc") // the recent searches: nova, atlas
	hs.keys("d")
	hs.settle(nil)
	view := ansi.Strip(hs.m.View())
	if strings.Contains(view, "↺ nova") || !strings.Contains(view, "↺ atlas") {
		t.Fatalf("d on nova:\n%s", view)
	}
	if got, _ := store().Load(); !slices.Equal(got, []string{"atlas"}) {
		t.Errorf("on disk after forgetting nova: %q", got)
	}
}
