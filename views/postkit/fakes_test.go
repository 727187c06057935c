package postkit

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views/postkit/fake"
)

// The fixtures of package fake, under the names the tests were written
// with.
var (
	testNow = fake.Now
	post    = fake.Post
	posts   = fake.ManyPosts
	agent   = fake.Agent
)

// harness is a kit over a list of posts (testPane, standing in for the
// Feed's timelines), with fakes behind it.
type harness struct {
	m      *testPane
	posts  *fake.Posts
	agents *fake.Agents
}

func newHarness(t testing.TB, w, h int, firstPage []api.Post, hasMore bool) *harness {
	t.Helper()
	return newHarnessWith(t, w, h, firstPage, hasMore, nil)
}

// newHarnessWith is newHarness with extra options set by with (uploads,
// media host, start directory…) before the kit is built. hasMore is
// ignored: the list under the kit is one page.
func newHarnessWith(t testing.TB, w, h int, firstPage []api.Post, _ bool, with func(*Options)) *harness {
	t.Helper()
	hs := &harness{
		posts:  fake.NewPosts(),
		agents: fake.NewAgents(),
	}
	opts := Options{
		Context: t.Context(), Posts: hs.posts, Agents: hs.agents,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: testNow, Me: "me", DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
	}
	if with != nil {
		with(&opts)
	}
	hs.m = newTestPane(opts, firstPage)
	hs.m.SetSize(w, h)
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
