package feed

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	postscreen "imagine/views/post"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
	"imagine/views/profile"
)

// The fixtures of package fake, under the names the tests were written
// with.
var (
	testNow        = fake.Now
	post           = fake.Post
	posts          = fake.ManyPosts
	agent          = fake.Agent
	hasBinding     = fake.HasBinding
	hostileFixture = fake.HostileFixture
)

// harness is a feed model with fakes behind it.
type harness struct {
	m      *Model
	home   *fake.Timeline
	public *fake.Timeline
	posts  *fake.Posts
	agents *fake.Agents
}

func newHarness(t testing.TB, w, h int, firstPage []api.Post, hasMore bool) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, firstPage, hasMore, nil)
}

// newHarnessWith is newHarness with extra options set by with (uploads,
// media host, start directory…) before the pane is built.
func newHarnessWith(t testing.TB, w, h int, firstPage []api.Post, hasMore bool, with func(*Options)) *harness {
	t.Helper()
	hs := &harness{
		home:   &fake.Timeline{Pages: map[string]*api.Page[api.Post]{}},
		public: &fake.Timeline{Pages: map[string]*api.Page[api.Post]{}},
		posts:  fake.NewPosts(),
		agents: fake.NewAgents(),
	}
	next := ""
	if hasMore {
		next = "c2"
	}
	hs.home.Pages[""] = &api.Page[api.Post]{Items: firstPage, NextCursor: next, HasMore: hasMore}
	opts := Options{
		Home: hs.home, Public: hs.public,
		Options: postkit.Options{
			Context: t.Context(), Posts: hs.posts, Agents: hs.agents,
			Keys: keymap.Default(), Styles: theme.New(true, false),
			Now: testNow, Me: "me", DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
			Profile: profile.Open, Post: postscreen.Open,
		},
	}
	if with != nil {
		with(&opts)
	}
	hs.m = New(opts)
	hs.m.SetSize(w, h)
	hs.m.SetFocused(true)
	hs.settle(hs.m.Refresh(t.Context()))
	return hs
}

// settle runs cmd and feeds every message back to the pane (as the root
// would) until nothing is left; it returns every message seen.
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg { return tuitest.Settle(hs.m.Update, cmd) }

// keys presses each key and settles what it returns.
func (hs *harness) keys(keys ...string) []tea.Msg { return tuitest.Keys(hs.m.Update, keys...) }

// typeText types s into whatever has focus.
func (hs *harness) typeText(s string) { tuitest.TypeText(hs.m.Update, s) }

// plain is the pane's view without styling.
func (hs *harness) plain() string { return ansi.Strip(hs.m.View()) }

func teaPaste(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }
