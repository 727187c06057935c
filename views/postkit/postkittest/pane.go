package postkittest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
	"imagine/views/postkit"
	"imagine/views/postkit/fake"
)

// Pane is a list of posts with a kit over it, as the Feed's timelines have
// it: the posts are the kit's entries, enter opens the selected one, the
// post keys act on it, and the kit takes every key while it shows
// something. It is named "Home feed" in the breadcrumb.
type Pane struct {
	*postkit.Kit
	Entries []*postkit.Entry
	Cursor  int
	height  int
}

var _ postkit.Host = (*Pane)(nil)

// NewPane builds the kit of opts over the posts.
func NewPane(opts postkit.Options, posts []api.Post) *Pane {
	p := &Pane{Kit: postkit.New(opts), height: 24}
	p.SetHost(p)
	for _, post := range posts {
		p.Entries = append(p.Entries, p.Intern(post))
	}
	return p
}

// SetSize sizes the list and the kit.
func (p *Pane) SetSize(width, height int) {
	p.height = max(height, 5)
	p.Kit.SetSize(width, height)
}

// Update is the Feed Model's, minus the timelines' own messages.
func (p *Pane) Update(msg tea.Msg) tea.Cmd {
	p.Tick()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, ok := p.HandleKey(k); ok {
			return cmd
		}
		return p.listKey(k)
	}
	return p.Deliver(msg)
}

func (p *Pane) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.Keys().List
	switch {
	case key.Matches(msg, k.Down):
		p.Cursor = min(p.Cursor+1, max(len(p.Entries)-1, 0))
	case key.Matches(msg, k.Up):
		p.Cursor = max(p.Cursor-1, 0)
	case key.Matches(msg, k.Open):
		if e := p.ListSelected(); e != nil {
			return p.OpenPost(e)
		}
	default:
		return p.PostAction(msg, p.ListSelected(), nil)
	}
	return nil
}

// View is the kit's while it shows something, else the list.
func (p *Pane) View() string {
	if p.ComposerOpen() || p.Depth() > 0 {
		return p.Kit.View()
	}
	p.SyncCache()
	var lines []string
	for i, e := range p.Entries {
		lines = append(lines, p.ListItem(e, i == p.Cursor)...)
	}
	return views.Rows(p.WithLinks(lines), p.height)
}

// ListName implements postkit.Host.
func (p *Pane) ListName() string { return "Home feed" }

// ListPosted implements postkit.Host: a new post goes on top, selected.
func (p *Pane) ListPosted(e *postkit.Entry) tea.Cmd {
	p.Entries = append([]*postkit.Entry{e}, p.Entries...)
	p.Cursor = 0
	return nil
}

// ListForget implements postkit.Host.
func (p *Pane) ListForget(id string) {
	p.Entries = slices.DeleteFunc(p.Entries, func(e *postkit.Entry) bool { return e.Post.ID == id })
	p.Cursor = min(p.Cursor, max(len(p.Entries)-1, 0))
}

// ListHolds implements postkit.Host.
func (p *Pane) ListHolds(e *postkit.Entry) bool { return slices.Contains(p.Entries, e) }

// ListSelected implements postkit.Host.
func (p *Pane) ListSelected() *postkit.Entry {
	if p.Cursor < len(p.Entries) {
		return p.Entries[p.Cursor]
	}
	return nil
}

// Harness is a Pane with fakes behind its kit, for the tests of a screen
// package.
type Harness struct {
	M      *Pane
	Posts  *fake.Posts
	Agents *fake.Agents
}

// New builds a harness w×h over first, with extra options set by with
// (a screen's opener, uploads, the web base…) before the kit is built.
func New(t testing.TB, w, h int, first []api.Post, with func(*postkit.Options)) *Harness {
	t.Helper()
	hs := &Harness{
		Posts:  fake.NewPosts(),
		Agents: fake.NewAgents(),
	}
	opts := postkit.Options{
		Context: t.Context(), Posts: hs.Posts, Agents: hs.Agents,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: fake.Now, Me: "me", DraftDir: t.TempDir(), DraftDebounce: time.Millisecond,
	}
	if with != nil {
		with(&opts)
	}
	hs.M = NewPane(opts, first)
	hs.M.SetSize(w, h)
	return hs
}

// Settle runs cmd and feeds every message back to the pane (as the root
// would) until nothing is left; it returns every message seen.
func (hs *Harness) Settle(cmd tea.Cmd) []tea.Msg { return tuitest.Settle(hs.M.Update, cmd) }

// Keys presses each key and settles what it returns.
func (hs *Harness) Keys(keys ...string) []tea.Msg { return tuitest.Keys(hs.M.Update, keys...) }

// Plain is the pane's view without styling.
func (hs *Harness) Plain() string { return ansi.Strip(hs.M.View()) }

// RowOf is the row of the pane's frame where text shows first; the test
// fails if it is not on screen.
func (hs *Harness) RowOf(t testing.TB, text string) int {
	t.Helper()
	return RowOf(t, hs.Plain(), text)
}

// Shows reports that the screen on top is named crumb.
func (hs *Harness) Shows(crumb string) bool {
	top := hs.M.Top()
	return top != nil && top.Crumb() == crumb
}

// Click clicks at row y (double: twice in a row), settles what it returns,
// and reports whether the click opened something.
func (hs *Harness) Click(y int, double bool) bool {
	cmd, opened := hs.M.Click(3, y, double)
	hs.Settle(cmd)
	return opened
}

// RowOf is the row of frame (plain text) where text shows first; the test
// fails if it is not there.
func RowOf(t testing.TB, frame, text string) int {
	t.Helper()
	for y, l := range strings.Split(frame, "\n") {
		if strings.Contains(l, text) {
			return y
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, frame)
	return -1
}
