package notifications

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

func TestNewNotificationsKeepTheSelectionSteady(t *testing.T) {
	first := many(12)
	hs := newHarness(t, 80, 24, first, false)
	hs.keys("j", "j", "j", "j", "j")
	id, line := hs.selectedID(), hs.selectedLine()

	newer := []api.Notification{
		note("x2", api.NotificationFollow, "zed", "Zed", 0, false, "", "", ""),
		note("x1", api.NotificationLike, "yan", "Yan", 0, false, "p9", "", "Fresh"),
	}
	hs.setFirstPage(append(newer, first...), false)
	hs.src.count += 2
	hs.poll()

	if hs.selectedID() != id || hs.selectedLine() != line {
		t.Errorf("selection moved: %s at line %d, was %s at line %d", hs.selectedID(), hs.selectedLine(), id, line)
	}
	if len(hs.m.vis) != 14 || hs.m.vis[0].n.ID != "x2" {
		t.Fatalf("new notifications not inserted at the top")
	}
	if v := hs.plain(); !strings.Contains(strings.SplitN(v, "\n", 2)[0], "↑ 2 new · g top") || hs.m.Badge() != 14 {
		t.Errorf("no sign of the new rows (badge %d):\n%s", hs.m.Badge(), v)
	}
	hs.keys("g")
	if hs.selectedID() != "x2" || strings.Contains(hs.plain(), "↑ 2 new") {
		t.Errorf("g did not reach the new rows: %s", hs.selectedID())
	}
}

func TestNewNotificationsAtTheTopAlsoKeepTheSelection(t *testing.T) {
	first := many(3)
	hs := newHarness(t, 80, 24, first, false)
	hs.setFirstPage(append([]api.Notification{note("x1", api.NotificationFollow, "zed", "Zed", 0, false, "", "", "")}, first...), false)
	hs.src.count++
	hs.poll()
	if hs.selectedID() != "m3" || hs.lineWith("↑ 1 new") == "" {
		t.Errorf("selection %s; view:\n%s", hs.selectedID(), hs.plain())
	}
}

func TestAPageThatDoesNotReachTheListReplacesIt(t *testing.T) {
	hs := newHarness(t, 80, 24, many(3), true)
	hs.setFirstPage([]api.Notification{note("y1", api.NotificationFollow, "zed", "Zed", 0, false, "", "", "")}, false)
	hs.src.count = 99
	hs.poll()
	if len(hs.m.vis) != 1 || hs.m.vis[0].n.ID != "y1" || hs.m.list.hasMore {
		t.Errorf("list not replaced: %d rows", len(hs.m.vis))
	}
}

func TestEndlessScrollFetchesTheNextPageOnce(t *testing.T) {
	hs := newHarness(t, 80, 24, many(12), true)
	hs.src.pages["c2"] = &api.Page[api.Notification]{Items: []api.Notification{note("old1", api.NotificationFollow, "bob", "Bob", 48*time.Hour, true, "", "", "")}}

	hs.settle(hs.m.Update(tuitest.Press("j")))
	if got := hs.src.requests(); len(got) != 0 {
		t.Fatalf("requests before nearing the end: %q", got)
	}
	var pending []tea.Cmd
	for range 10 {
		if cmd := hs.m.Update(tuitest.Press("j")); cmd != nil {
			pending = append(pending, cmd)
		}
	}
	if len(pending) != 1 {
		t.Fatalf("%d page requests issued, want 1", len(pending))
	}
	if v := hs.plain(); !strings.Contains(v, "loading older…") {
		t.Errorf("no loading line:\n%s", v)
	}
	hs.settle(pending[0])
	if got := hs.src.requests(); len(got) != 1 || got[0] != "list:c2" {
		t.Errorf("requests = %q", got)
	}
	if len(hs.m.vis) != 13 || strings.Contains(hs.plain(), "loading older") {
		t.Errorf("%d rows after the next page", len(hs.m.vis))
	}
	hs.keys("j", "j", "j")
	if got := hs.src.requests(); len(got) != 0 {
		t.Errorf("requests after the last page: %q", got)
	}
}

func TestFailedOlderPageShowsInlineAndRetriesOnMove(t *testing.T) {
	hs := newHarness(t, 80, 24, many(12), true)
	hs.src.errs["list:c2"] = api.ErrOffline
	hs.keys("G")
	if v := hs.plain(); !strings.Contains(v, "couldn't load older") {
		t.Errorf("no inline failure:\n%s", v)
	}
	delete(hs.src.errs, "list:c2")
	hs.src.pages["c2"] = &api.Page[api.Notification]{Items: many(1)[:0]}
	hs.src.requests()
	hs.keys("k")
	if got := hs.src.requests(); len(got) != 1 || got[0] != "list:c2" {
		t.Errorf("a move did not retry: %q", got)
	}
}

func TestRefreshAsksOnlyTheCountWhenNothingChanged(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.poll()
	if got := hs.src.requests(); len(got) != 1 || got[0] != "count" {
		t.Fatalf("idle poll requests = %q, want only the count", got)
	}
	hs.src.count++
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 || got[1] != "list:" {
		t.Fatalf("poll after a count change = %q, want count then list", got)
	}
	hs.poll()
	if got := hs.src.requests(); len(got) != 1 {
		t.Fatalf("the list was fetched again for the same count: %q", got)
	}
	// On screen, a list older than staleList is fetched anyway…
	hs.now = hs.now.Add(staleList + time.Second)
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 {
		t.Fatalf("focused and stale: %q", got)
	}
	// …but not off screen.
	hs.m.SetFocused(false)
	hs.now = hs.now.Add(5 * time.Minute)
	hs.poll()
	if got := hs.src.requests(); len(got) != 1 {
		t.Fatalf("unfocused and stale: %q", got)
	}
	// A manual refresh always fetches the list.
	hs.m.ForceRefresh()
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 {
		t.Fatalf("manual refresh: %q", got)
	}
	if hs.m.PollInterval() != 12*time.Second {
		t.Errorf("poll interval %v unfocused", hs.m.PollInterval())
	}
	hs.m.SetFocused(true)
	if hs.m.PollInterval() != 12*time.Second {
		t.Errorf("poll interval %v focused", hs.m.PollInterval())
	}
}

func TestAMarkDoesNotMakeTheNextPollFetchTheList(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.keys("m")
	hs.src.requests()
	hs.src.count-- // the server agrees
	hs.poll()
	if got := hs.src.requests(); len(got) != 1 {
		t.Errorf("poll after a local mark = %q, want only the count", got)
	}
}

func TestPollErrorsAreExposedAndShown(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.src.errs["count"] = api.ErrOffline
	msgs := hs.poll()
	pm, ok := msgs[0].(interface{ Err() error })
	if !ok || !errors.Is(pm.Err(), api.ErrOffline) {
		t.Fatalf("poll result %T does not expose the error", msgs[0])
	}
	if got := hs.src.requests(); len(got) != 1 {
		t.Errorf("offline: the list was still asked for: %q", got)
	}
	if v := hs.plain(); !strings.Contains(v, "couldn't refresh") || !strings.Contains(v, "@atlas_ai") {
		t.Errorf("a failed poll should keep the rows and say so:\n%s", v)
	}
	delete(hs.src.errs, "count")
	hs.poll()
	if strings.Contains(hs.plain(), "couldn't refresh") {
		t.Error("the error stayed after a good poll")
	}

	// Before anything loaded, a count that fails for another reason than
	// the network still lets the list of the pane on screen be asked for.
	hs = newHarness(t, 80, 24, nil, false)
	hs.m = New(Options{Context: t.Context(), Source: hs.src, Now: testNow})
	hs.m.SetFocused(true)
	hs.src.errs["count"] = api.ErrNotFound
	hs.setFirstPage(fixture(), false)
	hs.src.requests()
	hs.poll()
	if got := hs.src.requests(); len(got) != 2 || hs.m.Badge() != 4 {
		t.Errorf("count failing on a first load: requests %q, badge %d", got, hs.m.Badge())
	}

	// Before anything loaded, the error takes the body.
	hs = newHarness(t, 80, 24, nil, false)
	fresh := New(Options{Context: t.Context(), Source: hs.src, Now: testNow})
	fresh.SetFocused(true)
	hs.m = fresh
	hs.src.errs["list"] = api.ErrNotFound
	hs.poll()
	if v := hs.plain(); !strings.Contains(v, "couldn't load notifications") {
		t.Errorf("first load failure not shown:\n%s", v)
	}
}

func TestBadgeFollowsTheCountAndLocalMarks(t *testing.T) {
	hs := newHarness(t, 80, 24, fixture(), false)
	hs.src.count = 7
	hs.poll()
	if hs.m.Badge() != 7 {
		t.Fatalf("badge %d, want the server's 7", hs.m.Badge())
	}
	// A poll that started before a mark brings a count that predates it.
	stale := hs.m.Refresh(t.Context())
	hs.keys("m")
	if hs.m.Badge() != 6 {
		t.Fatalf("badge %d right after a mark", hs.m.Badge())
	}
	hs.settle(stale)
	if hs.m.Badge() != 6 {
		t.Errorf("a count asked before the mark moved the badge back to %d", hs.m.Badge())
	}
	// The list of that poll cannot flip a mark in flight back to unread.
	hs.src.count = 8
	listing := hs.m.Refresh(t.Context())
	hs.keys("j")
	markCmd := hs.m.Update(tuitest.Press("m"))
	hs.settle(listing)
	if strings.Contains(hs.lineWith("@bob"), "●") {
		t.Error("a list asked before the mark shows the row unread again")
	}
	hs.settle(markCmd)
	hs.src.count = 3
	hs.poll()
	if hs.m.Badge() != 3 {
		t.Errorf("badge %d, want the next count 3", hs.m.Badge())
	}
}

func TestIdlePollLeavesTheFrameIdentical(t *testing.T) {
	hs := newHarness(t, 120, 30, fixture(), false)
	before := hs.m.View()
	hs.now = hs.now.Add(7 * time.Minute) // relative times would read differently now
	hs.poll()
	hs.now = hs.now.Add(31 * time.Second)
	hs.poll() // focused and stale: the same list again
	if hs.m.View() != before {
		t.Fatal("a poll that brought nothing new changed the frame (idle must write nothing)")
	}
	hs.keys("j")
	if line := hs.lineWith("@atlas_ai"); !strings.Contains(line, "9m") {
		t.Errorf("a key press should bring relative times up to date: %q", line)
	}
}
