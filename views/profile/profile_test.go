package profile

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
	postscreen "imagine/views/post"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
	"imagine/views/postkit/postkittest"
)

// harness is postkittest's with the profile screen registered, under the
// names the tests were written with.
type harness struct {
	*postkittest.Harness
	m      *postkittest.Pane
	agents *fake.Agents
	posts  *fake.Posts
}

func newHarness(t *testing.T, w, h int, first []api.Post, _ bool) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, first, false, nil)
}

func newHarnessWith(t *testing.T, w, h int, first []api.Post, _ bool, with func(*postkit.Options)) *harness {
	t.Helper()
	hs := postkittest.New(t, w, h, first, func(o *postkit.Options) {
		o.Profile, o.Post = Open, postscreen.Open
		if with != nil {
			with(o)
		}
	})
	return &harness{Harness: hs, m: hs.M, agents: hs.Agents, posts: hs.Posts}
}

func (hs *harness) keys(keys ...string) []tea.Msg { return hs.Keys(keys...) }
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg  { return hs.Settle(cmd) }
func (hs *harness) plain() string                 { return hs.Plain() }

var (
	post       = fake.Post
	posts      = fake.ManyPosts
	agent      = fake.Agent
	hasBinding = fake.HasBinding
)

// likedFixture gives alice a profile and n liked posts by others, in pages
// of per (cursors c2, c3…), and returns the harness on the home feed whose
// first post is alice's, then more.
func likedFixture(t *testing.T, w, h, n, per int, more ...api.Post) *harness {
	t.Helper()
	first := append([]api.Post{post("p1", "alice", "Alice's own post about #go.", time.Minute)}, more...)
	hs := newHarness(t, w, h, first, false)
	hs.agents.Known["alice"] = &api.Agent{
		Handle: "alice", Name: "Alice Example", AgentType: api.AgentTypeCreative,
		Bio:           "I write release notes for other agents.",
		FollowerCount: 1204, FollowingCount: 87, PostCount: 342,
	}
	hs.agents.Liked = map[string]*api.Page[api.Post]{}
	authors := []string{"bob", "carol", "dave"}
	for page := 0; page*per < n; page++ {
		var items []api.Post
		for i := page * per; i < min(n, (page+1)*per); i++ {
			p := post(fmt.Sprintf("l%d", i+1), authors[i%len(authors)], fmt.Sprintf("Liked post %d, about #agents.", i+1), time.Duration(i+1)*time.Hour)
			p.LikeCount = 10 + i
			items = append(items, p)
		}
		cursor := ""
		if page > 0 {
			cursor = fmt.Sprintf("c%d", page+1)
		}
		pg := &api.Page[api.Post]{Items: items}
		if (page+1)*per < n {
			pg.NextCursor, pg.HasMore = fmt.Sprintf("c%d", page+2), true
		}
		hs.agents.Liked["alice@"+cursor] = pg
	}
	return hs
}

// TestProfileListsLikedPostsToOpen: under the card come the posts the
// agent liked; j moves into them, enter opens one on the same stack, esc
// comes back to the same item, p opens its author.
func TestProfileListsLikedPostsToOpen(t *testing.T) {
	hs := likedFixture(t, 100, 40, 3, 20)
	hs.keys("p")
	v, ok := hs.m.Top().(*view)
	if !ok {
		t.Fatalf("p opened %T", hs.m.Top())
	}
	frame := hs.plain()
	for _, want := range []string{"Alice Example", "── Liked posts", "Liked post 1, about #agents.", "@bob", "Liked post 3"} {
		if !strings.Contains(frame, want) {
			t.Fatalf("the profile lacks %q:\n%s", want, frame)
		}
	}
	if hs.agents.Called("likes:alice@") != 1 {
		t.Errorf("calls = %v", hs.agents.Calls)
	}
	if v.likedEntry() != nil || !hasBinding(hs.m.ShortHelp(), hs.m.Keys().Feed.Follow) {
		t.Error("the card is not selected first, with the agent's keys")
	}
	hs.keys("j", "j")
	if e := v.likedEntry(); e == nil || e.Post.ID != "l2" {
		t.Fatalf("j j selected %v", e)
	}
	if !hasBinding(hs.m.ShortHelp(), hs.m.Keys().List.Open) || !hasBinding(hs.m.ShortHelp(), hs.m.Keys().Feed.Like) {
		t.Errorf("help on a liked post = %v", hs.m.ShortHelp())
	}
	hs.keys("enter")
	if !hs.Shows("post by @carol") || hs.posts.Called("view:l2") != 1 {
		t.Fatalf("enter opened %q", hs.m.Crumbs())
	}
	if view := hs.plain(); !strings.Contains(view, "Home feed › @alice › post by @carol") {
		t.Errorf("breadcrumb:\n%s", view)
	}
	hs.keys("esc")
	if hs.m.Top() != v || v.likedEntry().Post.ID != "l2" {
		t.Fatal("esc did not come back to the same liked post")
	}
	hs.keys("p")
	if pr, ok := hs.m.Top().(*view); !ok || pr.handle != "carol" {
		t.Fatalf("p on a liked post opened %T", hs.m.Top())
	}
	hs.keys("esc", "esc")
	if hs.m.Depth() != 0 {
		t.Errorf("depth %d after walking back", hs.m.Depth())
	}
}

// TestProfileLikedPostsPageInNearTheEnd: the next page is fetched as the
// cursor nears the end of what is loaded, once, and appended.
func TestProfileLikedPostsPageInNearTheEnd(t *testing.T) {
	hs := likedFixture(t, 80, 24, 45, 20)
	hs.keys("p")
	v := hs.m.Top().(*view)
	for range 14 {
		hs.keys("j")
	}
	if hs.agents.Called("likes:alice@c2") != 0 {
		t.Fatal("the next page was fetched far from the end")
	}
	for range 2 {
		hs.keys("j")
	}
	if hs.agents.Called("likes:alice@c2") != 1 || len(v.liked.Entries) != 40 {
		t.Fatalf("near the end: calls %v, %d posts", hs.agents.Calls, len(v.liked.Entries))
	}
	hs.keys("G")
	if len(v.liked.Entries) != 45 || v.liked.More() || hs.agents.Called("likes:alice@c3") != 1 {
		t.Errorf("at the end: %d posts, more=%v, calls %v", len(v.liked.Entries), v.liked.More(), hs.agents.Calls)
	}
	hs.keys("G", "k", "j")
	if n := len(hs.agents.Calls); hs.agents.Called("likes:alice@c3") != 1 {
		t.Errorf("the last page was fetched again (%d calls)", n)
	}
}

// TestProfileLikedPostsFailureRetriesOnMove: a failed page says so under
// the list, and the next move asks again.
func TestProfileLikedPostsFailureRetriesOnMove(t *testing.T) {
	hs := likedFixture(t, 80, 24, 3, 20)
	hs.agents.Errs["likes"] = api.ErrOffline
	hs.keys("p")
	if view := hs.plain(); !strings.Contains(view, "couldn't load:") || !strings.Contains(view, "move to retry") {
		t.Fatalf("no error shown:\n%s", view)
	}
	delete(hs.agents.Errs, "likes")
	hs.keys("j")
	v := hs.m.Top().(*view)
	if len(v.liked.Entries) != 3 || strings.Contains(hs.plain(), "couldn't load") {
		t.Errorf("the retry did not load: %d posts\n%s", len(v.liked.Entries), hs.plain())
	}
}

// TestProfileWithoutLikesSaysSo: an agent who liked nothing, and you.
func TestProfileWithoutLikesSaysSo(t *testing.T) {
	hs := likedFixture(t, 80, 24, 0, 20)
	hs.keys("p")
	if view := hs.plain(); !strings.Contains(view, "@alice hasn't liked any posts yet") {
		t.Errorf("no empty note:\n%s", view)
	}
	hs.keys("esc")
	hs.agents.Known["me"] = &api.Agent{Handle: "me", Name: "Me"}
	hs.settle(hs.m.Update(views.OpenProfileMsg{Handle: "me"}))
	if view := hs.plain(); !strings.Contains(view, "you haven't liked any posts yet") {
		t.Errorf("no empty note on your own profile:\n%s", view)
	}
}

// TestOwnProfileOffersNoFollowOrMessage: neither the header, nor the help,
// nor the keys offer following or messaging yourself.
func TestOwnProfileOffersNoFollowOrMessage(t *testing.T) {
	hs := newHarness(t, 80, 24, []api.Post{post("p1", "me", "My post.", time.Minute)}, false)
	hs.agents.Known["me"] = &api.Agent{Handle: "me", Name: "Me"}
	hs.keys("p")
	if _, ok := hs.m.Top().(*view); !ok {
		t.Fatalf("p opened %T", hs.m.Top())
	}
	header := strings.SplitN(hs.plain(), "\n", 2)[0]
	if strings.Contains(header, "message") || !strings.Contains(header, "followers") {
		t.Errorf("header = %q", header)
	}
	f := hs.m.Keys().Feed
	for _, help := range [][]string{bindings(hs.m.ShortHelp()), bindings(flatten(hs.m.FullHelp()))} {
		for _, b := range help {
			if b == f.Follow.Help().Desc || b == f.Message.Help().Desc {
				t.Errorf("help offers %q on your own profile: %v", b, help)
			}
		}
	}
	if !strings.Contains(hs.plain(), "this is you") {
		t.Errorf("the card does not say it is you:\n%s", hs.plain())
	}
	for _, k := range []string{"f", "m"} {
		msgs := hs.keys(k)
		if _, ok := tuitest.Find[views.OpenConversationMsg](msgs); ok {
			t.Errorf("%s opened a conversation with yourself", k)
		}
		if len(hs.agents.Calls) > 0 && strings.HasPrefix(hs.agents.Calls[len(hs.agents.Calls)-1], "follow") {
			t.Errorf("%s followed yourself", k)
		}
	}
	// Someone else's profile offers both (once it has loaded: a profile
	// the server does not know offers neither).
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice"}
	hs.settle(hs.m.Update(views.OpenProfileMsg{Handle: "alice"}))
	if !hasBinding(hs.m.ShortHelp(), f.Follow) || !hasBinding(hs.m.ShortHelp(), f.Message) {
		t.Errorf("another agent's help = %v", bindings(hs.m.ShortHelp()))
	}
}

// TestALikeOnALikedPostShowsEverywhere: the liked posts share entries with
// the timeline, so acting on one updates both.
func TestALikeOnALikedPostShowsEverywhere(t *testing.T) {
	hs := likedFixture(t, 80, 24, 3, 20, post("l1", "bob", "Liked post 1, about #agents.", time.Hour))
	hs.keys("p", "j", "l")
	if hs.posts.Called("like:l1") != 1 {
		t.Fatalf("calls = %v", hs.posts.Calls)
	}
	hs.keys("esc")
	for _, e := range hs.m.Entries {
		if e.Post.ID == "l1" && !e.Post.IsLiked {
			t.Error("the timeline's copy is not liked")
		}
	}
}

// TestDeletedPostLeavesTheLikedList: deleting your own post that an agent
// liked takes it off their list, keeping the cursor on its post.
func TestDeletedPostLeavesTheLikedList(t *testing.T) {
	hs := likedFixture(t, 80, 24, 3, 20)
	mine := post("mine", "me", "My post alice liked.", 30*time.Minute)
	pg := hs.agents.Liked["alice@"]
	pg.Items = append([]api.Post{mine}, pg.Items...)
	hs.keys("p", "j") // mine
	v := hs.m.Top().(*view)
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok {
		t.Fatal("no confirmation for deleting my liked post")
	}
	hs.keys("j") // l1 selected when the answer comes
	hs.settle(confirm.Yes)
	if len(v.liked.Entries) != 3 || slices.ContainsFunc(v.liked.Entries, func(e *postkit.Entry) bool { return e.Post.ID == "mine" }) {
		t.Fatalf("the deleted post is still listed: %d", len(v.liked.Entries))
	}
	if e := v.likedEntry(); e == nil || e.Post.ID != "l1" {
		t.Errorf("the cursor moved off l1: %v", e)
	}
}

// TestLeavingAProfileReleasesItsPosts: the store keeps no post that only a
// closed screen listed, but keeps those the timeline still shows; and a
// request of the closed screen, still waiting for the rate budget, is
// cancelled.
func TestLeavingAProfileReleasesItsPosts(t *testing.T) {
	hs := likedFixture(t, 80, 24, 3, 20)
	hs.keys("p")
	if !hs.m.Has("l2") {
		t.Fatal("liked posts are not in the store")
	}
	liked := &hs.m.Top().(*view).liked
	if liked.Cancelled() {
		t.Fatal("the open profile's context is done")
	}
	hs.keys("esc")
	if !liked.Cancelled() {
		t.Error("leaving the profile did not cancel its requests")
	}
	if hs.m.Has("l2") || !hs.m.Has("p1") {
		t.Errorf("store after esc: l2=%v p1=%v", hs.m.Has("l2"), hs.m.Has("p1"))
	}
}

// TestAPreviewFetchesNoLikedPosts: the split view's glance at a profile
// shows the card only.
func TestAPreviewFetchesNoLikedPosts(t *testing.T) {
	hs := newHarnessWith(t, 80, 24, posts(1), false, func(o *postkit.Options) { o.Preview = true })
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice"}
	hs.keys("p")
	if hs.agents.Called("likes:alice@") != 0 || strings.Contains(hs.plain(), "Liked posts") {
		t.Errorf("a preview fetched liked posts: %v\n%s", hs.agents.Calls, hs.plain())
	}
}

// TestAPreviewNamesNoKeyOfItsOwn: beside a list the keys are the list's,
// so the preview's follow line says where things stand and offers no key;
// the profile opened on the stack offers f.
func TestAPreviewNamesNoKeyOfItsOwn(t *testing.T) {
	for _, preview := range []bool{true, false} {
		hs := newHarnessWith(t, 80, 24, posts(1), false, func(o *postkit.Options) { o.Preview = preview })
		hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice"}
		hs.keys("p")
		view := hs.plain()
		if !strings.Contains(view, "not following") && !strings.Contains(view, "follow state unknown") {
			t.Fatalf("preview %v: no follow state:\n%s", preview, view)
		}
		if got := strings.Contains(view, "f to follow"); got == preview {
			t.Errorf("preview %v: offers f to follow: %v\n%s", preview, got, view)
		}
	}
}

// TestProfileSelectionIsMarkedInTheGutterOnly: moving from the card to a
// liked post, and between liked posts, changes the gutter only.
func TestProfileSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs := likedFixture(t, 80, 40, 3, 20)
	hs.keys("p")
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
	before = hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}

func TestGoldenProfileWithLikedPosts(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := likedFixture(t, sz[0], sz[1], 8, 20)
			hs.agents.Follows["alice"] = true
			hs.keys("p", "j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

func bindings(bs []key.Binding) []string {
	out := make([]string, 0, len(bs))
	for _, b := range bs {
		out = append(out, b.Help().Desc)
	}
	return out
}

func flatten(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// TestLikedPostsComeAfterTheCard: the liked posts are asked for once the
// profile has arrived, so a profile left before that costs no request for
// them, and one that failed to load asks for none.
func TestLikedPostsComeAfterTheCard(t *testing.T) {
	hs := likedFixture(t, 80, 24, 3, 20)
	load := hs.m.Update(tuitest.Press("p"))
	if hs.agents.Called("likes:alice@") != 0 {
		t.Fatal("the liked posts were asked for before the profile")
	}
	msg := load()
	hs.keys("esc")
	hs.settle(hs.m.Update(msg))
	if hs.agents.Called("likes:alice@") != 0 {
		t.Error("a profile already left asked for its liked posts")
	}
	hs.keys("p")
	if hs.agents.Called("likes:alice@") != 1 {
		t.Errorf("calls = %v", hs.agents.Calls)
	}
	hs.keys("esc")
	hs.agents.Errs["get"] = api.ErrNotFound
	hs.keys("p")
	if hs.agents.Called("likes:alice@") != 1 || strings.Contains(hs.plain(), "Liked posts") {
		t.Errorf("a profile that failed asked for liked posts: %v", hs.agents.Calls)
	}
}

// TestProfileFitsNarrowAndOddSizes walks the profile with liked posts at
// sizes where wrapping and truncation meet their limits.
func TestProfileFitsNarrowAndOddSizes(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 119} {
		for _, h := range []int{5, 11, 24} {
			hs := likedFixture(t, w, h, 6, 20)
			hs.keys("p")
			for range 8 {
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d profile: %s", w, h, f)
				}
				hs.keys("j")
			}
		}
	}
}

// TestProfileLinksAndAddressFollowTheSelection: on the profile card o
// lists the bio's links and y copies the profile's address; on a liked
// post, the post's.
func TestProfileLinksAndAddressFollowTheSelection(t *testing.T) {
	hs := newHarnessWith(t, 80, 24, []api.Post{post("p1", "alice", "Alice's own post.", time.Minute)}, false,
		func(o *postkit.Options) { o.WebBase = "https://imagineanything.com" })
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice", Bio: "Ask @carol."}
	hs.agents.Liked = map[string]*api.Page[api.Post]{"alice@": {Items: []api.Post{post("l1", "bob", "Liked, see @dave", time.Hour)}}}
	hs.keys("p")
	if links := hs.m.LinksShown(); len(links) != 1 || links[0].Text != "@carol" {
		t.Errorf("profile card links = %+v", links)
	}
	if got := hs.m.AddressShown(); got != "https://imagineanything.com/agent/alice" {
		t.Errorf("profile card address = %q", got)
	}
	hs.keys("j")
	if links := hs.m.LinksShown(); len(links) != 1 || links[0].Text != "@dave" {
		t.Errorf("liked post links = %+v", links)
	}
	if got := hs.m.AddressShown(); got != "https://imagineanything.com/post/l1" {
		t.Errorf("liked post address = %q", got)
	}
}

func TestFollowIsOptimisticAndRolledBack(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice", FollowerCount: 10, Bio: "Builds #tools."}
	hs.keys("p")
	v, ok := hs.m.Top().(*view)
	if !ok || v.agent == nil {
		t.Fatalf("profile not loaded: %T", hs.m.Top())
	}
	if v.following == nil || *v.following {
		t.Fatalf("follow state = %v", v.following)
	}
	hs.agents.Errs["follow"] = api.ErrRateLimited
	cmd := hs.m.Update(tuitest.Press("f"))
	if !*v.following || v.agent.FollowerCount != 11 {
		t.Errorf("not optimistic: %v %d", *v.following, v.agent.FollowerCount)
	}
	msgs := hs.settle(cmd)
	if *v.following || v.agent.FollowerCount != 10 {
		t.Errorf("not rolled back: %v %d", *v.following, v.agent.FollowerCount)
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Level != views.LevelError {
		t.Errorf("no error status: %v", msgs)
	}
	delete(hs.agents.Errs, "follow")
	hs.keys("f")
	if !*v.following || !strings.Contains(hs.plain(), "following · f to unfollow") {
		t.Errorf("follow did not stick:\n%s", hs.plain())
	}
}

func TestLikersListOpensProfiles(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.posts.Likers = []api.Like{{Agent: agent("bob", "Bob")}, {Agent: agent("carol", "Carol")}}
	hs.agents.Known["carol"] = &api.Agent{Handle: "carol", Name: "Carol"}
	hs.keys("enter", "L")
	if !hs.Shows("Liked by") {
		t.Fatalf("L opened %q", hs.m.Crumbs())
	}
	if v := hs.plain(); !strings.Contains(v, "Liked by") || !strings.Contains(v, "@carol") {
		t.Errorf("likers not shown:\n%s", v)
	}
	hs.keys("j", "enter")
	if p, ok := hs.m.Top().(*view); !ok || p.handle != "carol" {
		t.Errorf("enter opened %T", hs.m.Top())
	}
	hs.keys("esc", "esc", "esc")
	if hs.m.Top() != nil {
		t.Error("three esc did not return to the list")
	}
}

func TestClickOnAProfilesLikedPosts(t *testing.T) {
	hs := likedFixture(t, 100, 40, 3, 20)
	hs.keys("p")
	v := hs.m.Top().(*view)
	hs.Click(hs.RowOf(t, "Liked post 2,"), false)
	if e := v.likedEntry(); e == nil || e.Post.ID != "l2" {
		t.Fatalf("selected %v", e)
	}
	hs.Click(hs.RowOf(t, "Alice Example"), false) // the card
	if v.likedEntry() != nil || hs.m.Top() != v {
		t.Fatal("a click on the card did not select it")
	}
	hs.Click(hs.RowOf(t, "Liked post 3"), false)
	hs.Click(hs.RowOf(t, "Liked post 3"), true)
	if !hs.Shows("post by @dave") || hs.posts.Called("view:l3") != 1 {
		t.Fatalf("a double click opened %q", hs.m.Crumbs())
	}
}

func TestOpenProfileFromAnotherPaneAndMessageIt(t *testing.T) {
	hs := newHarness(t, 100, 30, posts(2), false)
	hs.agents.Known["zed"] = &api.Agent{Handle: "zed", Name: "Zed"}
	hs.settle(hs.m.Update(views.OpenProfileMsg{Handle: "zed"}))
	if _, ok := hs.m.Top().(*view); !ok {
		t.Fatalf("profile not open: %T", hs.m.Top())
	}
	msgs := hs.keys("m")
	open, ok := tuitest.Find[views.OpenConversationMsg](msgs)
	if !ok || open.Handle != "zed" {
		t.Fatalf("m should ask to message @zed: %#v", msgs)
	}
}

// TestAProfileOpenedAgainShowsItsCardAtOnce: a profile visited moments
// ago (or glanced at beside the list) is drawn with its card at once,
// with what the operator did there since (a follow), while it is read
// again; there is no "loading @alice…" in between.
func TestAProfileOpenedAgainShowsItsCardAtOnce(t *testing.T) {
	hs := newHarness(t, 80, 24, posts(1), false)
	hs.agents.Known["alice"] = &api.Agent{Handle: "alice", Name: "Alice", FollowerCount: 10, Bio: "Builds #tools."}
	hs.keys("p", "f", "esc")
	hs.m.Update(tuitest.Press("p")) // nothing answered yet
	frame := hs.plain()
	if strings.Contains(frame, "loading @alice") || !strings.Contains(frame, "Builds #tools.") || !strings.Contains(frame, "following · f to unfollow") {
		t.Fatalf("the profile opened again is not drawn at once, followed:\n%s", frame)
	}
	if !strings.Contains(frame, "11 followers") {
		t.Errorf("the follower count is not the one after the follow:\n%s", frame)
	}
}
