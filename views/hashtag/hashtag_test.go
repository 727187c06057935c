package hashtag

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

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
	"imagine/views/profile"
)

// fakeHashtags serves a hashtag's pages by "tag@cursor" and records every
// request the same way.
type fakeHashtags struct {
	mu    sync.Mutex
	pages map[string]*api.Page[api.Post]
	errs  map[string]error // by "tag@cursor"
	calls []string
}

func (f *fakeHashtags) Posts(_ context.Context, tag string, opts *api.ListOptions) (*api.Page[api.Post], error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := tag + "@" + opts.Cursor
	f.calls = append(f.calls, k)
	if err := f.errs[k]; err != nil {
		return nil, err
	}
	if p, ok := f.pages[k]; ok {
		return p, nil
	}
	return &api.Page[api.Post]{}, nil
}

func (f *fakeHashtags) called(k string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fake.Count(f.calls, k)
}

// harness is postkittest's, with the names the tests were written with.
type harness struct {
	*postkittest.Harness
	m      *postkittest.Pane
	agents *fake.Agents
	posts  *fake.Posts
}

func newHarnessWith(t *testing.T, w, h int, first []api.Post, with func(*postkit.Options)) *harness {
	t.Helper()
	hs := postkittest.New(t, w, h, first, func(o *postkit.Options) {
		o.Profile = profile.Open // p on a post opens its author
		o.Post = postscreen.Open // enter opens the post
		if with != nil {
			with(o)
		}
	})
	return &harness{Harness: hs, m: hs.M, agents: hs.Agents, posts: hs.Posts}
}

func (hs *harness) keys(keys ...string) []tea.Msg { return hs.Keys(keys...) }
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg  { return hs.Settle(cmd) }
func (hs *harness) plain() string                 { return hs.Plain() }

// wheel turns the wheel and settles what it returns.
func (hs *harness) wheel(dy int) { hs.settle(hs.m.Wheel(dy)) }

var (
	post           = fake.Post
	posts          = fake.ManyPosts
	hasBinding     = fake.HasBinding
	hostileFixture = fake.HostileFixture
)

// tagFixture is a harness whose home feed has a post mentioning #golang,
// with n posts for that tag in pages of per (cursors c2, c3…).
func tagFixture(t *testing.T, w, h, n, per int) (*harness, *fakeHashtags) {
	t.Helper()
	tags := &fakeHashtags{pages: map[string]*api.Page[api.Post]{}, errs: map[string]error{}}
	first := []api.Post{post("p1", "alice", "Ask @bob about #golang, please.", time.Minute)}
	hs := newHarnessWith(t, w, h, first, func(o *postkit.Options) { o.Hashtag = Opener(tags) })
	authors := []string{"bob", "carol", "dave", "me"}
	for page := 0; page*per < n; page++ {
		var items []api.Post
		for i := page * per; i < min(n, (page+1)*per); i++ {
			items = append(items, post(fmt.Sprintf("g%d", i+1), authors[i%len(authors)], fmt.Sprintf("Tagged post %d on #golang and #go.", i+1), time.Duration(i+1)*17*time.Minute))
		}
		cursor := ""
		if page > 0 {
			cursor = fmt.Sprintf("c%d", page+1)
		}
		pg := &api.Page[api.Post]{Items: items}
		if (page+1)*per < n {
			pg.NextCursor, pg.HasMore = fmt.Sprintf("c%d", page+2), true
		}
		tags.pages["golang@"+cursor] = pg
	}
	return hs, tags
}

// TestHashtagScreenListsOpensAndGoesBack: OpenHashtagMsg pushes the tag's
// posts over what is open, named in the breadcrumb; enter opens a post, p
// its author, esc walks back.
func TestHashtagScreenListsOpensAndGoesBack(t *testing.T) {
	hs, tags := tagFixture(t, 100, 40, 5, 20)
	hs.agents.Known["carol"] = &api.Agent{Handle: "carol", Name: "Carol"}
	hs.keys("enter") // the post, under the hashtag screen
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	v, ok := hs.m.Top().(*view)
	if !ok {
		t.Fatalf("OpenHashtagMsg opened %q", hs.m.Crumbs())
	}
	view := hs.plain()
	for _, want := range []string{"Home feed › post by @alice › #golang", "Tagged post 1 on #golang", "Tagged post 5", "enter open"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the hashtag screen lacks %q:\n%s", want, view)
		}
	}
	if tags.called("golang@") != 1 {
		t.Errorf("calls = %v", tags.calls)
	}
	hs.keys("j")
	if !hasBinding(hs.m.ShortHelp(), hs.m.Keys().List.Open) || !hasBinding(hs.m.ShortHelp(), hs.m.Keys().Feed.Profile) {
		t.Errorf("help = %v", hs.m.ShortHelp())
	}
	hs.keys("enter")
	if !hs.Shows("post by @carol") || hs.posts.Called("view:g2") != 1 {
		t.Fatalf("enter opened %q", hs.m.Crumbs())
	}
	hs.keys("esc")
	if hs.m.Top() != v || v.selected().Post.ID != "g2" {
		t.Fatal("esc did not come back to the same post")
	}
	hs.keys("p")
	if !hs.Shows("@carol") {
		t.Fatalf("p opened %q", hs.m.Crumbs())
	}
	hs.keys("esc", "esc", "esc")
	if hs.m.Depth() != 0 {
		t.Errorf("depth %d after walking back", hs.m.Depth())
	}
}

// TestHashtagFromTheLinkList: o on a post lists its hashtag; enter opens
// the tag's posts on the same stack.
func TestHashtagFromTheLinkList(t *testing.T) {
	hs, _ := tagFixture(t, 80, 24, 3, 20)
	hs.keys("enter", "o")
	for i := 0; i < 3 && !strings.Contains(hs.plain(), "▌ #"); i++ {
		hs.keys("j")
	}
	hs.keys("enter")
	if v, ok := hs.m.Top().(*view); !ok || v.tag != "golang" || hs.m.Depth() != 2 {
		t.Fatalf("the link opened %q at depth %d:\n%s", hs.m.Crumbs(), hs.m.Depth(), hs.plain())
	}
}

// TestHashtagPagesInNearTheEnd: the next page comes as the cursor nears
// the end, and the last page is not asked for twice.
func TestHashtagPagesInNearTheEnd(t *testing.T) {
	hs, tags := tagFixture(t, 80, 24, 30, 20)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "#golang"}))
	v := hs.m.Top().(*view)
	for range 14 {
		hs.keys("j")
	}
	if tags.called("golang@c2") != 0 {
		t.Fatal("fetched far from the end")
	}
	hs.keys("j")
	if tags.called("golang@c2") != 1 || len(v.posts.Entries) != 30 {
		t.Fatalf("calls %v, %d posts", tags.calls, len(v.posts.Entries))
	}
	hs.keys("G", "k", "j")
	if len(tags.calls) != 2 {
		t.Errorf("calls = %v", tags.calls)
	}
}

// TestHashtagEmptyAndFailed: a tag nobody used says so; a failed page says
// why and a move retries it.
func TestHashtagEmptyAndFailed(t *testing.T) {
	hs, tags := tagFixture(t, 80, 24, 3, 20)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "nobody"}))
	if view := hs.plain(); !strings.Contains(view, "no posts with #nobody yet") || !strings.Contains(view, "› #nobody") {
		t.Errorf("empty tag:\n%s", view)
	}
	hs.keys("esc")
	tags.errs["golang@"] = api.ErrOffline
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	if view := hs.plain(); !strings.Contains(view, "couldn't load:") {
		t.Fatalf("no error:\n%s", view)
	}
	delete(tags.errs, "golang@")
	hs.keys("j")
	if v := hs.m.Top().(*view); len(v.posts.Entries) != 3 {
		t.Errorf("retry: %d posts, calls %v", len(v.posts.Entries), tags.calls)
	}
}

// TestHashtagWithoutASourceOpensNothing: a Model built without Hashtags
// (or asked for an empty tag) stays where it is.
func TestHashtagWithoutASourceOpensNothing(t *testing.T) {
	hs := newHarnessWith(t, 80, 24, posts(2), nil)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	if hs.m.Depth() != 0 {
		t.Error("a hashtag opened with no source")
	}
	hs2, _ := tagFixture(t, 80, 24, 1, 20)
	hs2.settle(hs2.m.Update(views.OpenHashtagMsg{Tag: " # "}))
	if hs2.m.Depth() != 0 {
		t.Error("an empty tag opened a screen")
	}
}

// TestHashtagSelectionIsMarkedInTheGutterOnly: a move changes the gutter.
func TestHashtagSelectionIsMarkedInTheGutterOnly(t *testing.T) {
	hs, _ := tagFixture(t, 80, 24, 5, 20)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	before := hs.m.View()
	hs.keys("j")
	tuitest.SelectionMovedInGutterOnly(t, before, hs.m.View())
}

// TestHashtagFitsNarrowAndOddSizes walks the hashtag screen, empty and
// full of hostile posts, at sizes where wrapping and truncation meet their
// limits.
func TestHashtagFitsNarrowAndOddSizes(t *testing.T) {
	for _, w := range []int{20, 27, 41, 63, 119} {
		for _, h := range []int{5, 11, 24} {
			tags := &fakeHashtags{pages: map[string]*api.Page[api.Post]{"golang@": {Items: hostileFixture()}}}
			hs := newHarnessWith(t, w, h, posts(2), func(o *postkit.Options) { o.Hashtag = Opener(tags) })
			check := func(step string) {
				t.Helper()
				for _, f := range tuitest.FrameFaults(hs.m.View(), w, h) {
					t.Errorf("%dx%d %s: %s", w, h, step, f)
				}
			}
			hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: strings.Repeat("long", 30)}))
			check("empty hashtag")
			hs.keys("esc")
			hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
			for range 9 {
				check("hashtag")
				hs.keys("j")
			}
		}
	}
}

func TestGoldenHashtag(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs, _ := tagFixture(t, sz[0], sz[1], 6, 4)
			hs.keys("enter")
			hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
			hs.keys("j")
			view := hs.m.View()
			tuitest.CheckFrame(t, view, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(view)))
		})
	}
}

// TestLinksAndAddressFollowTheSelectedPost: on a hashtag's posts, o lists
// the links of the selected post and y copies its address.
func TestLinksAndAddressFollowTheSelectedPost(t *testing.T) {
	tags := &fakeHashtags{pages: map[string]*api.Page[api.Post]{}, errs: map[string]error{}}
	tags.pages["golang@"] = &api.Page[api.Post]{Items: []api.Post{
		post("g1", "bob", "Tagged post 1 on #golang and #go.", time.Hour),
		post("g2", "carol", "Tagged post 2 on #golang and #go.", time.Hour),
	}}
	hs := newHarnessWith(t, 80, 24, posts(1), func(o *postkit.Options) {
		o.Hashtag, o.WebBase = Opener(tags), "https://imagineanything.com"
	})
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	hs.keys("j")
	if links := hs.m.LinksShown(); len(links) != 2 || links[0].Text != "#golang" || links[1].Text != "#go" {
		t.Errorf("hashtag screen links = %+v", links)
	}
	if got := hs.m.AddressShown(); got != "https://imagineanything.com/post/g2" {
		t.Errorf("hashtag screen address = %q", got)
	}
}

func TestClickOnAHashtagsPosts(t *testing.T) {
	hs, _ := tagFixture(t, 100, 40, 5, 20)
	hs.settle(hs.m.Update(views.OpenHashtagMsg{Tag: "golang"}))
	v := hs.m.Top().(*view)
	hs.Click(hs.RowOf(t, "Tagged post 3 "), false)
	if e := v.selected(); e == nil || e.Post.ID != "g3" {
		t.Fatalf("selected %v:\n%s", e, hs.plain())
	}
	hs.wheel(1)
	if e := v.selected(); e == nil || e.Post.ID != "g4" {
		t.Fatalf("after a notch down %v", e)
	}
	hs.Click(hs.RowOf(t, "Tagged post 4 "), false)
	if !hs.Shows("post by @me") || hs.posts.Called("view:g4") != 1 {
		t.Fatalf("a click on the selected post opened %q", hs.m.Crumbs())
	}
}
