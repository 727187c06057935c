package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/feedmark"
	"imagine/internal/tuitest"
	"imagine/views"
)

// visitHarness is a pane started as the root starts it (Init, then the
// first fetch) over homePage, with the mark store marks.
func visitHarness(t *testing.T, marks VisitMarks, homePage []api.Post, hasMore bool, w, h int) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, homePage, hasMore, func(o *Options) {
		o.LastVisit = marks
	})
}

// markedAt is a mark store whose last run stopped at post p.
func markedAt(t *testing.T, p api.Post) *feedmark.Store {
	t.Helper()
	s := feedmark.New(t.TempDir(), nil)
	if err := s.Save(feedmark.Mark{PostID: p.ID, At: p.CreatedAt}); err != nil {
		t.Fatal(err)
	}
	return s
}

// started settles Init too: newHarnessWith runs only Refresh.
func (hs *harness) started() *harness {
	hs.settle(hs.m.Init())
	return hs
}

func TestPostsSinceTheLastVisitAreCountedAndDividedFromTheRest(t *testing.T) {
	page := posts(5) // p5 … p1, newest first
	mine := post("p6", "me", "My own post, written elsewhere.", 0)
	page = append([]api.Post{mine}, page...)
	hs := visitHarness(t, markedAt(t, page[3]), page, false, 100, 40).started() // stopped at p3

	v := hs.plain()
	if !strings.Contains(v, "Home feed · 6 posts · 2 new since your last visit") {
		t.Fatalf("the title should count p5 and p4, not your own post:\n%s", v)
	}
	div, p3 := tuitest.LineOf(v, "↑ 2 new since your last visit ──"), tuitest.LineOf(v, "Post number 3 ")
	if div < 0 || p3 < 0 || tuitest.LineOf(v, "Post number 4 ") > div {
		t.Fatalf("the divider should sit under p4 and above p3 (divider row %d, p3 row %d):\n%s", div, p3, v)
	}
	if p3-div != 2 { // the divider, then p3's author line, then its text
		t.Fatalf("the divider should be right above p3's author line (rows %d and %d):\n%s", div, p3, v)
	}
	// It is not a post: the cursor steps over it onto p3.
	hs.keys("j", "j", "j")
	if e := hs.m.selected(); e == nil || e.Post.ID != "p3" {
		t.Fatalf("jjj should select p3, got %+v", e)
	}
	if got := strings.Split(hs.plain(), "\n")[div]; strings.Contains(got, "▌") {
		t.Errorf("the selection's gutter should not mark the divider: %q", got)
	}
}

func TestQuoteGoesToWhereYouStopped(t *testing.T) {
	page := posts(30)
	hs := visitHarness(t, markedAt(t, page[20]), page, false, 100, 24).started()
	hs.keys("'")
	if e := hs.m.selected(); e == nil || e.Post.ID != page[20].ID {
		t.Fatalf("' should select %s, the first post not new; got %+v", page[20].ID, e)
	}
	v := hs.plain()
	if tuitest.LineOf(v, "↑ 20 new since your last visit") < 0 {
		t.Fatalf("the divider should be on screen with the post it is above:\n%s", v)
	}
	if why := hs.m.ActionDisabled("feed.last_visit"); why != "" {
		t.Errorf("the palette should offer it, got %q", why)
	}
}

func TestWhereYouStoppedNotLoadedYetIsALowerBound(t *testing.T) {
	page := posts(30)
	old := post("p0", "alice", "long ago", 48*time.Hour)
	hs := visitHarness(t, markedAt(t, old), page, true, 100, 40).started()
	if v := hs.plain(); !strings.Contains(v, "30+ new since your last visit") || strings.Contains(v, "↑") {
		t.Fatalf("with older pages unread the count is a lower bound and no divider shows:\n%s", v)
	}
	msgs := hs.keys("'")
	if !hasStatus(msgs, "where you stopped is further down: 30+ new posts") {
		t.Fatalf("' should say where you stopped is further down, got %v", msgs)
	}
}

func TestNoEarlierVisitShowsNothingNew(t *testing.T) {
	hs := visitHarness(t, feedmark.New(t.TempDir(), nil), posts(5), false, 100, 40).started()
	if v := hs.plain(); strings.Contains(v, "last visit") {
		t.Fatalf("a first run has nothing to compare with:\n%s", v)
	}
	if why := hs.m.ActionDisabled("feed.last_visit"); why != "no earlier visit to the home feed on this machine" {
		t.Fatalf("the palette should say why ' does nothing, got %q", why)
	}
	hs = visitHarness(t, markedAt(t, posts(5)[0]), posts(5), false, 100, 40).started()
	if v := hs.plain(); strings.Contains(v, "last visit") {
		t.Fatalf("nothing is new since the newest post was seen:\n%s", v)
	}
	if why := hs.m.ActionDisabled("feed.last_visit"); why != "nothing new since your last visit" {
		t.Fatalf("got %q", why)
	}
}

func TestTheNewestPostOnScreenIsSavedForTheNextRun(t *testing.T) {
	page := posts(5)
	marks := markedAt(t, page[2]) // stopped at p3
	hs := visitHarness(t, marks, page, false, 100, 40).started()
	if got := loadMark(t, marks); got.PostID != "p5" {
		t.Fatalf("the newest post on screen is p5; saved %+v", got)
	}
	// The divider stays for the run: what this run saw is the next one's.
	if !strings.Contains(hs.plain(), "↑ 2 new since your last visit") {
		t.Fatalf("the divider should stay for the run:\n%s", hs.plain())
	}

	// A newer post waiting behind the banner is not seen until shown.
	newer := post("p9", "carol", "Newer than all.", -time.Minute)
	hs.home.Pages[""] = &api.Page[api.Post]{Items: append([]api.Post{newer}, page...)}
	hs.settle(hs.m.Refresh(t.Context()))
	if got := loadMark(t, marks); got.PostID != "p5" {
		t.Fatalf("a post behind the banner is not seen; saved %+v", got)
	}
	hs.keys(".")
	if got := loadMark(t, marks); got.PostID != "p9" {
		t.Fatalf("the post shown by . is seen; saved %+v", got)
	}
	if !strings.Contains(hs.plain(), "3 new since your last visit") {
		t.Fatalf("posts arriving in the run are new since the last visit too:\n%s", hs.plain())
	}
}

func TestNothingIsSeenOffScreen(t *testing.T) {
	page := posts(5)
	old := post("p0", "alice", "long ago", 48*time.Hour)
	for name, away := range map[string]func(*harness){
		"another pane":        func(hs *harness) { hs.m.SetFocused(false) },
		"the public timeline": func(hs *harness) { hs.keys("t") },
	} {
		t.Run(name, func(t *testing.T) {
			marks := markedAt(t, old)
			hs := visitHarness(t, marks, nil, false, 100, 40).started()
			away(hs)
			hs.home.Pages[""] = &api.Page[api.Post]{Items: page}
			hs.settle(hs.m.Refresh(t.Context()))
			hs.keys("j")
			if got := loadMark(t, marks); got.PostID != "p0" {
				t.Fatalf("nothing was on screen, yet %+v was saved", got)
			}
		})
	}
}

func TestAPageArrivingBehindAnOpenPostIsSeenOnlyOnTheWayBack(t *testing.T) {
	old := post("p0", "alice", "long ago", 48*time.Hour)
	marks := markedAt(t, old)
	hs := startHarness(t, savedCache(t, []api.Post{old}), posts(5), nil)
	hs.m.visit.marks = marks
	hs.settle(hs.m.Init())
	hs.keys("enter") // the cached post, opened before the server answers
	if hs.m.Depth() != 1 {
		t.Fatal("premise: enter opens the cached post")
	}
	hs.settle(hs.m.Refresh(t.Context()))
	if got := loadMark(t, marks); got.PostID != "p0" {
		t.Fatalf("the fresh page came in behind the post, unseen; saved %+v", got)
	}
	hs.keys("esc")
	if got := loadMark(t, marks); got.PostID != "p5" {
		t.Fatalf("back on the list, its newest post is seen; saved %+v", got)
	}
}

func TestGoldenLastVisitDivider(t *testing.T) {
	for _, sz := range [][2]int{{50, 15}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			fx := listFixture()
			hs := visitHarness(t, markedAt(t, fx[2]), fx, true, sz[0], sz[1]).started()
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// loadMark reads what marks holds on disk now.
func loadMark(t *testing.T, marks *feedmark.Store) feedmark.Mark {
	t.Helper()
	m, err := feedmark.New(strings.TrimSuffix(marks.Path(), "feed-mark.json"), nil).Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// hasStatus reports whether msgs hold a status saying text.
func hasStatus(msgs []tea.Msg, text string) bool {
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok && s.Text == text {
			return true
		}
	}
	return false
}

func TestYourOwnPostsAreNotNewEvenWhenTheFeedArrivedBeforeSignIn(t *testing.T) {
	page := append([]api.Post{post("p9", "someone", "Mine, before the root knew.", 0)}, posts(3)...)
	hs := visitHarness(t, markedAt(t, page[2]), page, false, 100, 40).started()
	if v := hs.plain(); !strings.Contains(v, "2 new since your last visit") {
		t.Fatalf("premise: before sign-in every post counts:\n%s", v)
	}
	hs.m.SetMe("someone")
	if v := hs.plain(); !strings.Contains(v, "1 new since your last visit") {
		t.Fatalf("once signed in as @someone, their post is not new:\n%s", v)
	}
}

func TestQuoteFarBelowSaysWhereYouStoppedIsAboveThePostsHeld(t *testing.T) {
	hs, _ := newEndless(t, 100, 30, 20, 1_000)
	stop := hs.m.tl().entries[10].Post // the last run stopped at post 11
	hs.m.visit.prev, hs.m.visit.loaded = feedmark.Mark{PostID: stop.ID, At: stop.CreatedAt}, true
	if !strings.Contains(hs.plain(), "10 new since your last visit") {
		t.Fatalf("premise: ten posts above the mark:\n%s", hs.plain())
	}
	scrollDown(t, hs, 300)
	if hs.m.tl().lo == 0 {
		t.Fatal("nothing was dropped; the test proves nothing")
	}
	if !strings.Contains(hs.plain(), "10 new since your last visit") {
		t.Errorf("the count made while the top was held should stand:\n%s", hs.plain())
	}
	if hs.m.visit.divider != nil {
		t.Errorf("far below the mark no post held is the boundary, yet the divider is above %s", hs.m.visit.divider.Post.ID)
	}
	msgs := hs.keys("'")
	if !hasStatus(msgs, "where you stopped is above the posts held: g goes back to the newest") {
		t.Fatalf("' far below should say where you stopped is, got %v", msgs)
	}
}
