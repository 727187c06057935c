package feed

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// scrollDown presses pgdown until post n is selected, settling each key
// as the program would.
func scrollDown(t *testing.T, hs *harness, n int) {
	t.Helper()
	for range 10 * n {
		if endlessNumber(hs.m.selected()) >= n {
			return
		}
		hs.keys("pgdown")
		hs.m.View()
	}
	t.Fatalf("never reached post %d:\n%s", n, hs.plain())
}

// selectedRow is the screen row of the selected item's first line, -1 if
// none is marked.
func selectedRow(view string) int {
	for i, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, "▌") {
			return i
		}
	}
	return -1
}

func TestScrollingFarKeepsTheHeldPostsBounded(t *testing.T) {
	hs, _ := newEndless(t, 120, 40, 20, 5_000)
	scrollDown(t, hs, 600)
	held600 := hs.m.Stored()
	scrollDown(t, hs, 4_000)
	tl := hs.m.tl()
	// keepPosts on either side, a screenful, and a page of slack each way.
	bound := 2*(keepPosts+40+20) + 1
	if n := hs.m.Stored(); n > bound || n > held600+20 {
		t.Errorf("%d posts held after 4,000 (bound %d; %d after 600)", n, bound, held600)
	}
	if len(tl.entries) > bound {
		t.Errorf("%d posts in the list after 4,000", len(tl.entries))
	}
	// The header still counts every post met, dropped or not.
	if v := hs.plain(); !strings.Contains(v, fmt.Sprintf("· %d posts", tl.count)) || tl.count < 4_000 {
		t.Errorf("header does not count the %d posts met:\n%s", tl.count, v)
	}
}

func TestScrollingBackToTheTopShowsTheSamePostsInOrder(t *testing.T) {
	hs, src := newEndless(t, 100, 30, 20, 1_000)
	var down []int
	for endlessNumber(hs.m.selected()) < 400 {
		down = append(down, endlessNumber(hs.m.selected()))
		hs.keys("j")
		hs.m.View()
	}
	if hs.m.tl().lo == 0 {
		t.Fatal("nothing was dropped; the test proves nothing")
	}
	var up []int
	for range 2_000 {
		if n := endlessNumber(hs.m.selected()); n != 0 && (len(up) == 0 || up[len(up)-1] != n) {
			up = append(up, n)
		}
		if hs.m.tl().lo == 0 && hs.m.tl().win.Cursor == 0 {
			break
		}
		hs.keys("k")
		hs.m.View()
	}
	slices.Reverse(up)
	if !slices.Equal(up[:len(down)], down) {
		t.Errorf("on the way back up the posts were, top first:\n%v\nthe way down:\n%v", up[:min(len(up), 40)], down[:min(len(down), 40)])
	}
	// The first pages were fetched twice: once going down, once back up.
	if reqs := src.requests(); slices.Index(reqs[1:], "") < 0 {
		t.Errorf("the first page was never fetched again: %q", reqs)
	}
	if v := hs.plain(); !strings.Contains(v, "Post 1 about") || selectedRow(v) != 1 {
		t.Errorf("the top is not back with the newest post selected:\n%s", v)
	}
}

func TestAPageFetchedAgainKeepsTheSelectedPostOnItsRow(t *testing.T) {
	hs, _ := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	if hs.m.tl().lo == 0 {
		t.Fatal("nothing was dropped")
	}
	// Go up until the page above is asked for, and hold its answer.
	var answer []tea.Msg
	for range 1_000 {
		if answer = tuitest.Collect(hs.m.Update(tuitest.Press("k"))); len(answer) > 0 {
			break
		}
	}
	if len(answer) == 0 {
		t.Fatal("the dropped page above was never asked for")
	}
	sel, v, lo := hs.m.selected(), hs.plain(), hs.m.tl().lo
	for _, msg := range answer {
		hs.settle(hs.m.Update(msg))
	}
	if hs.m.tl().lo != lo-1 {
		t.Fatal("the page above did not come back")
	}
	if got := hs.m.selected(); got != sel {
		t.Errorf("selection moved from %s to %v", sel.Post.ID, got)
	}
	if after := hs.plain(); after != v {
		t.Errorf("the view moved:\nbefore:\n%s\nafter:\n%s", v, after)
	}
}

func TestAPageLandingOnAVisiblePlaceholderKeepsTheSelectedRow(t *testing.T) {
	hs, _ := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	var answers []tea.Msg
	for range 1_000 {
		answers = append(answers, tuitest.Collect(hs.m.Update(tuitest.Press("k")))...)
		if hs.m.selected() == nil {
			break
		}
	}
	// The first post under the placeholder is selected, the placeholder
	// on the row above it.
	answers = append(answers, tuitest.Collect(hs.m.Update(tuitest.Press("j")))...)
	sel, v := hs.m.selected(), hs.plain()
	row := selectedRow(v)
	if sel == nil || row != 2 || !strings.Contains(v, "↑ loading…") {
		t.Fatalf("want the placeholder above the selected post:\n%s", v)
	}
	for _, msg := range answers {
		hs.settle(hs.m.Update(msg))
	}
	after := hs.plain()
	if hs.m.selected() != sel || selectedRow(after) != row {
		t.Errorf("selection %v at row %d, want %s at row %d:\n%s", hs.m.selected(), selectedRow(after), sel.Post.ID, row, after)
	}
	if strings.Contains(after, "↑ loading…") {
		t.Errorf("the placeholder is still on screen:\n%s", after)
	}
}

func TestThePlaceholderShowsWhileAPageComesBackAndKeysStillWork(t *testing.T) {
	hs, _ := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	// Go up, holding back every answer, onto the placeholder.
	var answers []tea.Msg
	for range 1_000 {
		answers = append(answers, tuitest.Collect(hs.m.Update(tuitest.Press("k")))...)
		if hs.m.selected() == nil {
			break
		}
	}
	v := hs.plain()
	if !strings.HasPrefix(strings.Split(v, "\n")[1], "▌ ↑ loading…") || len(answers) == 0 {
		t.Fatalf("no selected placeholder while the page above is fetched:\n%s", v)
	}
	first := hs.m.tl().entries[1]
	// Keys keep working meanwhile.
	hs.keys("j")
	if hs.m.selected() != first {
		t.Fatalf("j on the placeholder selected %v, want %s", hs.m.selected(), first.Post.ID)
	}
	hs.keys("k")
	for _, msg := range answers {
		hs.settle(hs.m.Update(msg))
	}
	// The post just above the old first one is selected where the
	// placeholder was.
	after := hs.plain()
	if got, want := endlessNumber(hs.m.selected()), endlessNumber(first)-1; got != want {
		t.Errorf("post %d selected, want %d:\n%s", got, want, after)
	}
	if selectedRow(after) != 1 || strings.Contains(strings.Split(after, "\n")[1], "loading") {
		t.Errorf("the page did not replace the placeholder:\n%s", after)
	}
}

func TestAFailedPageAboveSaysSoAndIsRetriedOnTheNextMove(t *testing.T) {
	hs, src := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	src.failWith(api.ErrOffline)
	for range 1_000 {
		if hs.keys("k"); hs.m.selected() == nil {
			break
		}
	}
	if v := hs.plain(); !strings.Contains(v, "↑ couldn't load earlier posts:") || !strings.Contains(v, "move to retry") {
		t.Fatalf("the failure is not shown in place:\n%s", v)
	}
	src.failWith(nil)
	hs.keys("j", "k")
	if v := hs.plain(); strings.Contains(v, "couldn't load") || hs.m.selected() == nil {
		t.Errorf("a move did not fetch the page again:\n%s", v)
	}
}

func TestGAfterDroppingShowsTheNewestPostsAgain(t *testing.T) {
	hs, src := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	count := hs.m.tl().count
	cmd := hs.m.Update(tuitest.Press("g"))
	if v := hs.plain(); !strings.Contains(v, "loading…") || strings.Contains(v, "Post 300 ") {
		t.Errorf("g does not show the top loading:\n%s", v)
	}
	n := len(src.requests())
	hs.settle(cmd)
	if reqs := src.requests(); len(reqs) != n+1 || reqs[n] != "" {
		t.Errorf("g fetched %q, want the first page", reqs[n:])
	}
	if got := endlessNumber(hs.m.selected()); got != 1 {
		t.Errorf("g selected post %d, want the newest", got)
	}
	// The posts met are still counted, and scrolling down again fetches
	// the following pages by the cursors kept.
	if v := hs.plain(); !strings.Contains(v, fmt.Sprintf("· %d posts", count)) {
		t.Errorf("the header forgot the %d posts met:\n%s", count, v)
	}
	n = len(src.requests())
	scrollDown(t, hs, 60)
	reqs := src.requests()[n:]
	for i, c := range reqs {
		if c != fmt.Sprintf("c%d", i+1) {
			t.Errorf("scrolling down after g fetched %q, want c1, c2…", reqs)
			break
		}
	}
	if len(reqs) < 2 {
		t.Errorf("scrolling down after g fetched only %q", reqs)
	}
}

func TestARefreshDuringGIsTakenAsTheFirstPage(t *testing.T) {
	hs, src := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	count := hs.m.tl().count
	g := hs.m.Update(tuitest.Press("g"))
	// The poll's first page arrives before g's own.
	hs.settle(hs.m.Refresh(t.Context()))
	hs.settle(g)
	if got := endlessNumber(hs.m.selected()); got != 1 {
		t.Errorf("post %d selected, want the newest", got)
	}
	if v := hs.plain(); !strings.Contains(v, fmt.Sprintf("· %d posts", count)) {
		t.Errorf("the header forgot the %d posts met:\n%s", count, v)
	}
	n := len(src.requests())
	scrollDown(t, hs, 30)
	if reqs := src.requests()[n:]; len(reqs) == 0 || reqs[0] != "c1" {
		t.Errorf("scrolling down fetched %q, want c1 first", reqs)
	}
}

func TestNewPostsAndOwnPostAfterDropping(t *testing.T) {
	hs, src := newEndless(t, 100, 30, 20, 1_000)
	scrollDown(t, hs, 300)
	sel := hs.m.selected()

	// New posts on the server: the banner counts them, the view stays.
	src.newer = []api.Post{post("n2", "carol", "Fresh one", 0), post("n1", "carol", "Fresh two", 0)}
	hs.settle(hs.m.Refresh(t.Context()))
	if v := hs.plain(); !strings.Contains(v, "↑ 2 new posts · press . to show") {
		t.Errorf("no banner for 2 new posts:\n%s", v)
	}
	if hs.m.selected() != sel {
		t.Errorf("a refresh moved the selection")
	}
	hs.keys(".")
	tl := hs.m.tl()
	if got := hs.m.selected(); got == nil || got.Post.ID != "n2" || tl.win.Cursor != 0 || tl.entries[2].Post.ID != "e1" {
		t.Errorf(". selected %v, list starts %v", got, tl.entries[:3])
	}
	if strings.Contains(hs.plain(), "new posts") {
		t.Error("the banner stayed")
	}

	// Your own new post goes on top, selected, above the newest posts.
	scrollDown(t, hs, 300)
	created := post("mine", "me", "brand new", 0)
	hs.posts.Created = &created
	hs.keys("n")
	hs.typeText("brand new")
	hs.keys("ctrl+s")
	if got := hs.m.selected(); got == nil || got.Post.ID != "mine" || tl.win.Cursor != 0 {
		t.Fatalf("selection is on %v, want the new post", got)
	}
	if len(tl.entries) < 2 || tl.entries[1].Post.ID != "n2" {
		t.Errorf("the newest posts do not follow the new one")
	}
	if v := hs.plain(); !strings.Contains(v, "brand new") || !strings.Contains(v, "Fresh one") {
		t.Errorf("not on screen:\n%s", v)
	}
}
