package post

import (
	"errors"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
	"imagine/views/postkit/postkittest"
	"imagine/views/profile"

	tea "charm.land/bubbletea/v2"
)

// harness is postkittest's with the post and profile screens registered,
// under the names the tests were written with.
type harness struct {
	*postkittest.Harness
	m      *postkittest.Pane
	agents *fake.Agents
	posts  *fake.Posts
}

func newHarness(t *testing.T, w, h int, first []api.Post, _ bool) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, first, nil)
}

// newHarnessWith is newHarness with the kit's options changed by with.
func newHarnessWith(t *testing.T, w, h int, first []api.Post, with func(*postkit.Options)) *harness {
	t.Helper()
	hs := postkittest.New(t, w, h, first, func(o *postkit.Options) {
		o.Post, o.Profile = Open, profile.Open
		if with != nil {
			with(o)
		}
	})
	return &harness{Harness: hs, m: hs.M, agents: hs.Agents, posts: hs.Posts}
}

func (hs *harness) keys(keys ...string) []tea.Msg { return hs.Keys(keys...) }
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg  { return hs.Settle(cmd) }
func (hs *harness) plain() string                 { return hs.Plain() }
func (hs *harness) typeText(s string)             { tuitest.TypeText(hs.m.Update, s) }

// wheel turns the wheel and settles what it returns.
func (hs *harness) wheel(dy int) { hs.settle(hs.m.Wheel(dy)) }

var (
	post       = fake.Post
	posts      = fake.ManyPosts
	agent      = fake.Agent
	hasBinding = fake.HasBinding
)

// threadFixture is a post with a three-level comment thread.
func threadFixture(hs *harness) {
	hs.posts.Threads["p1@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", Content: "Top-level thought #first", CreatedAt: fake.Now().Add(-50 * time.Minute), Agent: agent("bob", "Bob")},
		{ID: "c2", Content: "A reply to bob", ParentID: "c1", CreatedAt: fake.Now().Add(-40 * time.Minute), Agent: agent("carol", "Carol")},
		{ID: "c3", Content: "Second top-level", CreatedAt: fake.Now().Add(-30 * time.Minute), Agent: agent("me", "Me")},
		{ID: "c4", Content: "A reply to the reply, @bob", ParentID: "c2", CreatedAt: fake.Now().Add(-20 * time.Minute), Agent: agent("dave", "Dave")},
		{ID: "c5", Content: "Another answer to bob", ParentID: "c1", CreatedAt: fake.Now().Add(-10 * time.Minute), Agent: agent("me", "Me")},
	}}
	hs.posts.Likers = []api.Like{{ID: "l1", Agent: agent("bob", "Bob")}, {ID: "l2", Agent: agent("carol", "Carol")}}
}

func TestCommentTreeNestsRepliesUnderTheirParents(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	v := hs.m.Top().(*view)
	var got []string
	for _, r := range v.rows {
		got = append(got, strings.Repeat(">", r.depth)+r.c.ID)
	}
	if want := "c1 >c2 >>c4 >c5 c3"; strings.Join(got, " ") != want {
		t.Errorf("tree = %s, want %s", strings.Join(got, " "), want)
	}
	if view := hs.plain(); !strings.Contains(view, "liked by @bob, @carol and 1 other") {
		t.Errorf("no liked-by line:\n%s", view)
	}
}

func TestCommentTreeKeepsOrphansAndSurvivesCycles(t *testing.T) {
	cs := []*api.Comment{
		{ID: "a", ParentID: "missing"},
		{ID: "b", ParentID: "c"},
		{ID: "c", ParentID: "b"},
	}
	rows := commentTree(cs)
	if len(rows) != 3 {
		t.Fatalf("%d rows for 3 comments", len(rows))
	}
}

func TestReplyToACommentFromThePostView(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.posts.Reply = &api.Comment{ID: "c9", Content: "my reply", Agent: agent("me", "Me"), CreatedAt: fake.Now()}
	hs.keys("enter", "j", "j") // the post, c1, c2
	hs.keys("c")
	if !hs.m.ComposerOpen() {
		t.Fatal("c on a comment opened no composer")
	}
	if v := hs.plain(); !strings.Contains(v, "Reply to @carol") || !strings.Contains(v, "A reply to bob") {
		t.Errorf("the reply composer does not show what it answers:\n%s", v)
	}
	hs.typeText("my reply")
	hs.keys("ctrl+s")
	if hs.posts.Called("comment:p1/c2") != 1 {
		t.Fatalf("calls = %v", hs.posts.Calls)
	}
	if hs.m.CapturesInput() {
		t.Error("the composer stayed open after sending")
	}
	v := hs.m.Top().(*view)
	var got []string
	for _, r := range v.rows {
		got = append(got, strings.Repeat(">", r.depth)+r.c.ID)
	}
	if want := "c1 >c2 >>c4 >>c9 >c5 c3"; strings.Join(got, " ") != want {
		t.Errorf("tree = %s, want %s", strings.Join(got, " "), want)
	}
	if sel := v.selectedComment(); sel == nil || sel.ID != "c9" {
		t.Errorf("the new reply is not selected")
	}
	if v.e.Post.CommentCount != 2 {
		t.Errorf("comment count = %d", v.e.Post.CommentCount)
	}
}

func TestDeleteCommentOnlyOwnWithConfirmation(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter", "j") // c1 by bob
	st, _ := tuitest.Find[views.StatusMsg](hs.keys("d"))
	if !strings.Contains(st.Text, "only delete your own comments") {
		t.Errorf("status = %+v", st)
	}
	hs.keys("j", "j", "j") // c2, c4, c5 (mine)
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok {
		t.Fatal("no confirmation for my comment")
	}
	hs.settle(confirm.Yes)
	if hs.posts.Called("deleteComment:p1/c5") != 1 {
		t.Errorf("calls = %v", hs.posts.Calls)
	}
	if n := len(hs.m.Top().(*view).rows); n != 4 {
		t.Errorf("%d comments left, want 4", n)
	}
}

func TestClickInThePostViewSelectsAComment(t *testing.T) {
	hs := newHarness(t, 80, 30, []api.Post{post("p1", "alice", "Root post", time.Hour)}, false)
	threadFixture(hs)
	hs.keys("enter")
	v := hs.m.Top().(*view)
	hs.Click(hs.RowOf(t, "A reply to bob"), false)
	if c := v.selectedComment(); c == nil || c.ID != "c2" {
		t.Fatalf("selected %v", c)
	}
	hs.wheel(1)
	if c := v.selectedComment(); c == nil || c.ID != "c4" {
		t.Fatalf("after a notch down %v", c)
	}
	// The crumb line is no item.
	hs.Click(0, false)
	if c := v.selectedComment(); c == nil || c.ID != "c4" || hs.m.Top() != v {
		t.Fatal("a click on the breadcrumb changed something")
	}
}
func TestOpenPostFromAnotherPaneSelectsTheComment(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	far := post("far", "carol", "An older post nobody scrolled to", 0)
	hs.posts.ByID = map[string]api.Post{"far": far}
	hs.posts.Threads["far@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", PostID: "far", Content: "first", Agent: agent("dave", "Dave")},
		{ID: "c2", PostID: "far", Content: "the reply you were told about", Agent: agent("erin", "Erin"), ParentID: "c1"},
	}}
	hs.settle(hs.m.Update(views.OpenPostMsg{PostID: "far", CommentID: "c2"}))
	v, ok := hs.m.Top().(*view)
	if !ok || v.e.Post.ID != "far" {
		t.Fatalf("the post did not open: %T", hs.m.Top())
	}
	if v.win.Cursor != 2 {
		t.Fatalf("cursor on row %d, want the reply (row 2)", v.win.Cursor)
	}
	if !strings.Contains(hs.plain(), "the reply you were told about") {
		t.Fatal("the reply is not on screen")
	}
}

func TestOpenMissingPostSaysWhy(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	msgs := hs.settle(hs.m.Update(views.OpenPostMsg{PostID: "gone"}))
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelError {
		t.Fatalf("no error status for a missing post: %#v", msgs)
	}
	if _, isPost := hs.m.Top().(*view); isPost {
		t.Fatal("a post view opened for a missing post")
	}
}

// TestAPreviewMarksNoSelection: beside a list (the split view) the post
// screen is a glance: the list's cursor is the only selection on screen,
// so the preview draws no mark of its own, where the same screen opened
// with enter marks the post it starts on.
func TestAPreviewMarksNoSelection(t *testing.T) {
	for _, preview := range []bool{false, true} {
		hs := newHarnessWith(t, 80, 24, []api.Post{post("p1", "alice", "Root post", time.Hour)},
			func(o *postkit.Options) { o.Preview = preview })
		threadFixture(hs)
		hs.keys("enter")
		v := hs.plain()
		if !strings.Contains(v, "Top-level thought") {
			t.Fatalf("preview=%v: the post screen did not open:\n%s", preview, v)
		}
		if marked := strings.Contains(v, "▌"); marked == preview {
			t.Errorf("preview=%v: a selection mark shown = %v:\n%s", preview, marked, v)
		}
	}
}

// The split view keeps a preview the cursor leaves only when it loaded,
// so the kit says when it has: not while a post asked for by ID is on
// its way, nor while its comments are, nor when they failed.
func TestTheKitHasLoadedOnceThePostAndItsCommentsArrive(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	hs.posts.ByID = map[string]api.Post{"far": post("far", "carol", "An older post", 0)}
	hs.posts.Threads["far@"] = &api.Page[api.Comment]{Items: []api.Comment{
		{ID: "c1", PostID: "far", Content: "first", Agent: agent("dave", "Dave")},
	}}
	cmd := hs.m.Update(views.OpenPostMsg{PostID: "far"})
	if hs.m.Loaded() {
		t.Fatal("fetching the post: loaded")
	}
	cmd = hs.m.Update(cmd())
	if _, ok := hs.m.Top().(*view); !ok || hs.m.Loaded() {
		t.Fatalf("the post open (%T) with its comments on the way: loaded = %v", hs.m.Top(), hs.m.Loaded())
	}
	hs.settle(cmd)
	if !hs.m.Loaded() || !strings.Contains(hs.plain(), "first") {
		t.Errorf("with the comments shown, loaded = %v:\n%s", hs.m.Loaded(), hs.plain())
	}

	// Comments that could not be read: not loaded, so coming back to the
	// preview tries again.
	hs.posts.ByID["bare"] = post("bare", "carol", "Comments fail", 0)
	hs.posts.Errs["comments"] = errors.New("the server is down")
	hs.settle(hs.m.Update(views.OpenPostMsg{PostID: "bare"}))
	if !strings.Contains(hs.plain(), "couldn't load comments") || hs.m.Loaded() {
		t.Errorf("comments failed, loaded = %v:\n%s", hs.m.Loaded(), hs.plain())
	}
}
