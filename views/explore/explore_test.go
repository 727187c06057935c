package explore

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/composer"
)

func TestAHiddenPaneReadsNothing(t *testing.T) {
	f := newFake()
	m := New(Options{Explore: f, Agents: f, Bytes: bytesFake{f}, Now: func() time.Time { return t0 }})
	if cmd := m.Refresh(t.Context()); cmd != nil {
		t.Error("a hidden Explore asked to poll returned a fetch")
	}
	if m.PollInterval() != 0 {
		t.Errorf("hidden poll interval %v, want none", m.PollInterval())
	}
	if len(f.calls) != 0 {
		t.Errorf("calls %v", f.calls)
	}
}

func TestComingIntoViewReadsTrendingOnlyWhenStale(t *testing.T) {
	hs := newHarness(t, 80, 24)
	if n := hs.f.n("trending"); n != 1 {
		t.Fatalf("coming into view read trending %d times, want 1", n)
	}
	if hs.m.PollInterval() != stale {
		t.Errorf("poll interval in view %v, want %v", hs.m.PollInterval(), stale)
	}
	hs.m.SetFocused(false)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Update(views.ShownMsg{}))
	if cmd := hs.m.Refresh(t.Context()); cmd != nil {
		t.Error("a fresh list was polled again")
	}
	if n := hs.f.n("trending"); n != 1 {
		t.Errorf("trending read %d times while fresh, want 1", n)
	}
	hs.m.ForceRefresh()
	hs.settle(hs.m.Refresh(t.Context()))
	if n := hs.f.n("trending"); n != 2 {
		t.Errorf("r read trending %d times in all, want 2", n)
	}
}

func TestTypingFastSearchesOnceWhenTheQueryRests(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("S")
	if !hs.m.CapturesInput() {
		t.Fatal("S did not put the keys in the query field")
	}
	hs.typeText("nova")
	if n := hs.f.n("search"); n != 0 {
		t.Fatalf("%d searches while typing, want none before the debounce", n)
	}
	if len(hs.pending) != 4 {
		t.Fatalf("%d debounce ticks armed, want one per key", len(hs.pending))
	}
	hs.fire()
	if n := hs.f.n("search"); n != 1 {
		t.Fatalf("%d searches for one burst of typing, want 1", n)
	}
	if hs.f.queries[0] != "nova|all" {
		t.Errorf("searched %q", hs.f.queries[0])
	}
	view := ansi.Strip(hs.m.View())
	if !strings.Contains(view, "@nova") || !strings.Contains(view, "Agents") {
		t.Errorf("results not shown:\n%s", view)
	}
}

func TestANewerQueryCancelsTheOlderAndItsAnswerIsDropped(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("S")
	hs.typeText("no")
	hs.fire()
	l := hs.m.lists[sectionSearch]
	old := l.gen
	hs.typeText("va")
	hs.fire()
	if n := len(hs.f.ctxs); n != 2 {
		t.Fatalf("%d searches, want 2", n)
	}
	if hs.f.ctxs[0].Err() == nil {
		t.Error("the older search was not cancelled by the newer")
	}
	if hs.f.ctxs[1].Err() != nil {
		t.Error("the newer search was cancelled")
	}
	// A late answer to the old query changes nothing.
	before := len(l.rows)
	hs.settle(hs.m.Update(pageMsg{l: l, gen: old, rows: postRows(hs.f.trending.TrendingPosts, "")}))
	if len(l.rows) != before {
		t.Error("the answer to an older query replaced the results")
	}
}

func TestRecentQueriesAreKeptAndRunAgain(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("S")
	hs.typeText("atlas")
	hs.keys("enter")
	if hs.m.CapturesInput() {
		t.Fatal("enter left the keys in the field")
	}
	if n := hs.f.n("search"); n != 1 {
		t.Fatalf("enter searched %d times, want 1", n)
	}
	hs.fire() // the ticks of the typing are moot now
	if n := hs.f.n("search"); n != 1 {
		t.Fatalf("the debounce searched again after enter: %d", n)
	}
	hs.keys("S", "ctrl+u")
	hs.fire()
	hs.keys("esc")
	view := ansi.Strip(hs.m.View())
	if !strings.Contains(view, "Recent searches") || !strings.Contains(view, "↺ atlas") {
		t.Fatalf("the recent query is not listed:\n%s", view)
	}
	hs.keys("enter")
	if got := hs.f.queries[len(hs.f.queries)-1]; got != "atlas|all" {
		t.Errorf("enter on a recent query searched %q", got)
	}
}

func TestSearchTypeCycles(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("S")
	hs.typeText("a")
	hs.keys("enter", "t")
	if got := hs.f.queries[len(hs.f.queries)-1]; got != "a|agents" {
		t.Errorf("t searched %q, want agents only", got)
	}
}

func TestEnterOpensWhatTheRowIs(t *testing.T) {
	hs := newHarness(t, 80, 24)
	want := []tea.Msg{
		views.OpenProfileMsg{Handle: "nova"}, // the featured agent
		nil,                                  // a post: checked below
	}
	hs.keys("enter")
	if got, ok := tuitest.Find[views.OpenProfileMsg](hs.take()); !ok || got != want[0] {
		t.Errorf("enter on the featured agent: %+v", got)
	}
	hs.keys("j", "enter")
	if got, ok := tuitest.Find[views.OpenPostMsg](hs.take()); !ok || got.PostID != "p1" || got.Post == nil {
		t.Errorf("enter on a trending post: %+v", got)
	}
	hs.keys("G", "enter")
	if got, ok := tuitest.Find[views.OpenHashtagMsg](hs.take()); !ok || got.Tag != "ml" {
		t.Errorf("enter on a trending hashtag: %+v", got)
	}
	if got, ok := hs.m.Target().(views.OpenHashtagMsg); !ok || got.Tag != "ml" {
		t.Errorf("Target %+v", hs.m.Target())
	}
}

func TestDirectoryFiltersAndPagesWithTheCursor(t *testing.T) {
	hs := newHarness(t, 80, 40)
	hs.keys("D")
	if n := hs.f.n("directory:"); n != 1 {
		t.Fatalf("directory read %d times", n)
	}
	// Four rows and more to come: the cursor near the end fetches them.
	hs.keys("j")
	if n := hs.f.n("directory:c1"); n != 1 {
		t.Fatalf("the next page was read %d times, want 1", n)
	}
	if got := len(hs.m.lists[sectionDirectory].rows); got != 8 {
		t.Errorf("%d agents after two pages, want 8", got)
	}
	hs.keys("v", "t")
	if hs.m.dir.verified != 1 || hs.m.dir.typ != 1 {
		t.Errorf("filters %+v", hs.m.dir)
	}
	if !strings.Contains(ansi.Strip(hs.m.View()), "assistant · verified") {
		t.Errorf("filters not shown:\n%s", ansi.Strip(hs.m.View()))
	}
}

func TestRecommendedFiltersAreTyped(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("R", "F")
	if !hs.m.CapturesInput() {
		t.Fatal("F did not open the filters field")
	}
	hs.typeText("skills:go,rust apis:openai time:fast lang:en")
	hs.keys("enter")
	if n := hs.f.n("recommended:go,rust"); n != 1 {
		t.Errorf("calls %v", hs.f.calls)
	}
	o := hs.m.rec.options("")
	if strings.Join(o.APIs, ",") != "openai" || o.ResponseTime != "fast" || strings.Join(o.Languages, ",") != "en" {
		t.Errorf("options %+v", o)
	}
}

func TestSimilarAgentsIsAScreenEscLeavesTheSameRow(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("D", "j", "j")
	before := hs.m.front().selected().id()
	hs.keys("s")
	if hs.m.similar == nil || hs.f.n("similar:atlas") != 1 {
		t.Fatalf("s on @atlas: calls %v", hs.f.calls)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "Explore › Directory › Similar to @atlas") {
		t.Errorf("no breadcrumb:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.similar != nil || hs.m.front().selected().id() != before {
		t.Errorf("esc: similar %v, selection %s, want %s", hs.m.similar != nil, hs.m.front().selected().id(), before)
	}
	hs.keys("T", "j", "j", "s")
	if hs.m.similar != nil {
		t.Error("s on a post opened a list")
	}
}

func TestSlashFiltersTheLoadedRows(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("/")
	hs.typeText("space")
	l := hs.m.front()
	if len(l.vis) != 2 { // the post and the hashtag
		t.Fatalf("%d rows match, want 2", len(l.vis))
	}
	hs.keys("enter", "esc")
	if len(l.vis) != len(l.rows) {
		t.Error("esc did not drop the filter")
	}
}

func TestBytesLikeAndComment(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "l")
	if hs.f.n("like:b1") != 1 {
		t.Fatalf("calls %v", hs.f.calls)
	}
	b := hs.m.lists[sectionBytes].rows[0].byt
	if !b.IsLiked || b.LikeCount != 8 {
		t.Errorf("after like: %+v", b)
	}
	hs.keys("c")
	if !hs.m.comp.IsOpen() {
		t.Fatal("c did not open the composer")
	}
	hs.typeText("nice colours")
	hs.f.failNext = errBoom
	hs.keys("ctrl+s")
	if !hs.m.comp.IsOpen() || hs.m.comp.Value() != "nice colours" {
		t.Fatalf("a failed comment lost the text: open %v, %q", hs.m.comp.IsOpen(), hs.m.comp.Value())
	}
	hs.keys("ctrl+s")
	if hs.f.n("comment:b1") != 2 || hs.m.comp.IsOpen() {
		t.Errorf("the retried comment: calls %v, open %v", hs.f.calls, hs.m.comp.IsOpen())
	}
	if b.CommentCount != 3 {
		t.Errorf("comment count %d, want 3", b.CommentCount)
	}
}

func TestACommentLongerThanTheLimitIsNotSent(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "c")
	if got := hs.m.comp.Limit(); got != 500 {
		t.Errorf("comment limit %d, want 500", got)
	}
}

func TestDeleteYourOwnByteIsConfirmedSomeoneElsesIsRefusedWithTheReason(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "d")
	st, ok := tuitest.Find[views.StatusMsg](hs.take())
	if !ok || !strings.Contains(st.Text, "only its author") {
		t.Errorf("d on someone else's Byte: %+v", st)
	}
	if hs.f.n("delete:b1") != 0 {
		t.Error("someone else's Byte was sent for deletion")
	}
	hs.keys("j", "d")
	c, ok := tuitest.Find[views.ConfirmMsg](hs.take())
	if !ok {
		t.Fatal("d on your own Byte asked nothing")
	}
	hs.settle(c.Yes)
	if hs.f.n("delete:b2") != 1 || len(hs.m.lists[sectionBytes].rows) != 2 {
		t.Errorf("delete: calls %v, %d rows", hs.f.calls, len(hs.m.lists[sectionBytes].rows))
	}
}

func TestTheServersRefusalToDeleteIsShown(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.m.SetMe("") // not signed in yet: the server decides
	hs.keys("B", "d")
	c, ok := tuitest.Find[views.ConfirmMsg](hs.take())
	if !ok {
		t.Fatal("no confirmation")
	}
	hs.f.failNext = errFor(403)
	hs.settle(c.Yes)
	st, ok := tuitest.Find[views.StatusMsg](hs.take())
	if !ok || st.Err == nil || !strings.Contains(views.Describe(st.Err), "only the author") {
		t.Errorf("refusal: %+v", st)
	}
	if len(hs.m.lists[sectionBytes].rows) != 3 {
		t.Error("a refused delete removed the Byte")
	}
}

func TestWatchOpensTheVideoAndYCopiesIt(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "w")
	if u, ok := tuitest.Find[views.OpenURLMsg](hs.take()); !ok || u.URL != "https://media.example/b1.mp4" {
		t.Errorf("w: %+v", u)
	}
	hs.keys("G", "w")
	if st, ok := tuitest.Find[views.StatusMsg](hs.take()); !ok || !strings.Contains(st.Text, "no video") {
		t.Errorf("w without a video: %+v", st)
	}
	hs.keys("g")
	if got := hs.m.copyText(hs.m.front().selected()); got != "https://media.example/b1.mp4" {
		t.Errorf("y on a Byte copies %q", got)
	}
	hs.m.web = "https://imagine.example"
	hs.keys("T", "j")
	if got := hs.m.copyText(hs.m.front().selected()); got != "https://imagine.example/post/p1" {
		t.Errorf("y on a post copies %q", got)
	}
	hs.keys("G")
	if why := hs.m.ActionDisabled("list.copy"); why == "" {
		t.Error("y on a hashtag is offered")
	}
}

func TestAByteOpensWithItsComments(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "enter")
	if hs.m.byteView == nil || hs.f.n("comments:b1") != 1 {
		t.Fatalf("enter on a Byte: calls %v", hs.f.calls)
	}
	v := ansi.Strip(hs.m.View())
	for _, want := range []string{"Explore › Bytes › Byte by @pixel", "Can you share the palette?", "https://media.example/b1.mp4"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Byte's screen lacks %q:\n%s", want, v)
		}
	}
	hs.keys("j", "p")
	if p, ok := tuitest.Find[views.OpenProfileMsg](hs.take()); !ok || p.Handle != "pixel" {
		t.Errorf("p on the Byte's screen: %+v", p)
	}
	hs.keys("esc")
	if hs.m.byteView != nil || hs.m.front().selected().byt.ID != "b1" {
		t.Error("esc did not come back to the Byte in the list")
	}
}

func TestANewByteNeedsItsVideo(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "n")
	if !hs.m.comp.IsOpen() {
		t.Fatal("n did not open the composer")
	}
	hs.settle(hs.m.Update(composer.SendMsg{ID: composerID, Key: keyNewByte, Text: "a caption"}))
	if hs.f.n("create") != 0 || hs.m.comp.Problem() == "" {
		t.Errorf("a Byte without a video: calls %v, problem %q", hs.f.calls, hs.m.comp.Problem())
	}
	hs.settle(hs.m.Update(composer.SendMsg{ID: composerID, Key: keyNewByte, Text: "a caption", MediaIDs: []string{"m1"}, MediaType: "VIDEO"}))
	if hs.f.n("create") != 1 || hs.m.lists[sectionBytes].rows[0].byt.ID != "b-new" {
		t.Errorf("created: calls %v", hs.f.calls)
	}
}

func TestEveryActionSaysWhyItCannotRun(t *testing.T) {
	hs := newHarness(t, 80, 24)
	for id, want := range map[string]string{
		"explore.like":     "no Byte selected",
		"explore.verified": "only in the directory",
		"explore.new":      "only in the Bytes",
		"explore.filters":  "only in the recommended",
		"explore.type":     "no type filter here",
	} {
		if got := hs.m.ActionDisabled(id); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	if got := hs.m.ActionDisabled("explore.similar"); got != "" {
		t.Errorf("similar on the featured agent: %q", got)
	}
	// Every explore action is in the help, so the palette can reach it.
	keys := keymap.Default()
	inHelp := map[string]bool{}
	for _, g := range hs.m.FullHelp() {
		for _, b := range g {
			inHelp[b.Help().Key] = true
		}
	}
	for _, a := range keys.InScope("explore") {
		if !inHelp[a.Key.Help().Key] {
			t.Errorf("%s (%s) is not in the help", a.ID, a.Key.Help().Key)
		}
	}
}

func TestNotAvailableWithoutTheAPI(t *testing.T) {
	m := New(Options{Styles: theme.New(true, false)})
	m.SetFocused(true)
	if cmd := m.Update(views.ShownMsg{}); cmd != nil {
		t.Error("fetched without an API")
	}
	if !strings.Contains(ansi.Strip(m.View()), "not available") {
		t.Error("no word of it")
	}
}

func TestThePalettesSearchShowsTheResults(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.settle(hs.m.Search("  moon "))
	if hs.m.section != sectionSearch || hs.f.queries[0] != "moon|all" {
		t.Fatalf("section %v, searches %q", hs.m.section, hs.f.queries)
	}
	if hs.m.CapturesInput() {
		t.Error("the palette's search left the keys in the field")
	}
	if hs.m.search.history[0] != "moon" {
		t.Errorf("history %q", hs.m.search.history)
	}
}

// TestAHandleSearchFindsTheAgent: "@atlas" is searched for as "atlas",
// which finds the agent @atlas_ai (a handle holds no "@") and the posts
// that mention it; a query of several words is sent as typed.
func TestAHandleSearchFindsTheAgent(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.settle(hs.m.Search("@atlas"))
	hs.settle(hs.m.Search("@atlas and more"))
	if got := hs.f.queries; len(got) != 2 || got[0] != "atlas|all" || got[1] != "@atlas and more|all" {
		t.Errorf("searches %q", got)
	}
	if hs.m.search.query() != "@atlas and more" {
		t.Errorf("the field shows %q", hs.m.search.query())
	}
}

// TestAnotherSearchFromThePaletteStartsAtTheTop: the cursor moved down the
// last results does not land on a row of the new ones.
func TestAnotherSearchFromThePaletteStartsAtTheTop(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.settle(hs.m.Search("a"))
	hs.keys("j", "j", "j")
	if hs.m.lists[sectionSearch].win.Cursor == 0 {
		t.Fatal("test premise: the cursor moved down the results")
	}
	hs.settle(hs.m.Search("e"))
	if c := hs.m.lists[sectionSearch].win.Cursor; c != 0 {
		t.Errorf("the new results opened on row %d", c)
	}
}

// uploads records which upload the composer's attachment went through.
type uploads struct{ byteVideos int }

func (u *uploads) ByteVideo(context.Context, string, io.Reader, int64, func(sent, total int64)) (*api.Media, error) {
	u.byteVideos++
	return &api.Media{ID: "m1", Type: api.MediaTypeVideo, Purpose: "byte"}, nil
}

func (u *uploads) List(context.Context, *api.MediaListOptions) (*api.Page[api.Media], error) {
	return &api.Page[api.Media]{}, nil
}

func TestTheComposersUploadsGoUpAsAByteVideo(t *testing.T) {
	u := &uploads{}
	up := byteUploader{u}
	if _, err := up.Video(t.Context(), "clip.mp4", strings.NewReader("x"), 1, nil); err != nil || u.byteVideos != 1 {
		t.Errorf("video: %v, %d Byte uploads", err, u.byteVideos)
	}
	if _, err := up.Image(t.Context(), "a.png", strings.NewReader("x"), 1, nil); err == nil {
		t.Error("an image was taken for a Byte")
	}
}

func TestAClickSelectsAndASecondOpens(t *testing.T) {
	hs := newHarness(t, 80, 24)
	// Rows: 2 header lines, then "Featured agent" and the agent (2
	// lines), "Trending posts" and the first post (2 lines).
	cmd, opened := hs.m.Click(4, 6, false)
	hs.settle(cmd)
	if opened || hs.m.front().selected().id() != "p:p1" {
		t.Fatalf("click on the first post: opened %v, selected %s", opened, hs.m.front().selected().id())
	}
	cmd, opened = hs.m.Click(4, 6, false)
	hs.settle(cmd)
	if p, ok := tuitest.Find[views.OpenPostMsg](hs.take()); !opened || !ok || p.PostID != "p1" {
		t.Errorf("second click: opened %v, %+v", opened, p)
	}
	hs.settle(hs.m.Wheel(1))
	if hs.m.front().selected().id() != "p:p2" {
		t.Errorf("wheel: %s", hs.m.front().selected().id())
	}
}

func TestAPollShowsWhatChangedInRowsAlreadyDrawn(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("j")
	_ = hs.m.View()
	hs.f.trending.TrendingPosts = append([]api.Post(nil), hs.f.trending.TrendingPosts...)
	hs.f.trending.TrendingPosts[0].LikeCount = 42
	hs.m.ForceRefresh()
	hs.settle(hs.m.Refresh(t.Context()))
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "♥ 42") {
		t.Errorf("the new like count is not drawn:\n%s", v)
	}
	if hs.m.front().selected().id() != "p:p1" {
		t.Errorf("the poll moved the selection to %s", hs.m.front().selected().id())
	}
}

func TestOListsTheSelectionsHashtagsAndOpensOne(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("j", "o")
	if !hs.m.links.IsOpen() || !strings.Contains(ansi.Strip(hs.m.View()), "posts of #poetry") {
		t.Fatalf("o on a post:\n%s", ansi.Strip(hs.m.View()))
	}
	hs.keys("enter")
	if h, ok := tuitest.Find[views.OpenHashtagMsg](hs.take()); !ok || h.Tag != "poetry" {
		t.Errorf("enter in the links: %+v", h)
	}
	if hs.m.links.IsOpen() {
		t.Error("the links stayed open")
	}
}

func TestASearchCancelledByANewerOneIsNoFailureForThePoller(t *testing.T) {
	if err := (pageMsg{err: context.Canceled}).Err(); err != nil {
		t.Errorf("a cancelled search reports %v", err)
	}
	if err := (pageMsg{err: errBoom}).Err(); err == nil {
		t.Error("a failed read reports nothing")
	}
}

func TestBangReportsTheSelectedPostOrAgentOfSomeoneElse(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.m.lists[sectionTrending].rows[0].agent.ID = "agt_nova"
	hs.keys("!")
	if r, ok := tuitest.Find[views.ReportMsg](hs.take()); !ok || r.Kind != views.ReportAgent || r.ID != "agt_nova" || r.Label != "@nova" {
		t.Errorf("! on an agent: %+v", r)
	}
	hs.keys("j", "!")
	if r, ok := tuitest.Find[views.ReportMsg](hs.take()); !ok || r.Kind != views.ReportPost || r.ID != "p1" {
		t.Errorf("! on a post: %+v", r)
	}
	hs.keys("G")
	if why := hs.m.ActionDisabled("explore.report"); why == "" {
		t.Error("! on a hashtag is offered")
	}
	hs.m.SetMe("quill")
	hs.keys("g", "j")
	if why := hs.m.ActionDisabled("explore.report"); why != "this post is yours" {
		t.Errorf("! on your own post: %q", why)
	}
}
