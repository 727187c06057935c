package postkit

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// testPane is a list of posts with the kit over it, as the Feed's
// timelines have it: the posts are the kit's entries, enter opens the
// selected one, the post keys act on it, and the kit takes every key
// while it shows something. It is named "Home feed" in the breadcrumb.
// It is postkittest.Pane's twin: the kit's own tests (package postkit)
// cannot import postkittest, which imports postkit.
type testPane struct {
	*Kit
	entries []*Entry
	cursor  int
}

var _ Host = (*testPane)(nil)

func newTestPane(opts Options, posts []api.Post) *testPane {
	p := &testPane{Kit: New(opts)}
	p.SetHost(p)
	for _, post := range posts {
		p.entries = append(p.entries, p.Intern(post))
	}
	return p
}

// Update is the Feed Model's, minus the timelines' own messages.
func (p *testPane) Update(msg tea.Msg) tea.Cmd {
	p.Tick()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, ok := p.HandleKey(k); ok {
			return cmd
		}
		return p.listKey(k)
	}
	return p.Deliver(msg)
}

func (p *testPane) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys.List
	switch {
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.entries)-1, 0))
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
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
func (p *testPane) View() string {
	if p.ComposerOpen() || p.Depth() > 0 {
		return p.Kit.View()
	}
	p.SyncCache()
	var lines []string
	for i, e := range p.entries {
		lines = append(lines, p.ListItem(e, i == p.cursor)...)
	}
	return views.Rows(p.WithLinks(lines), p.height)
}

// CapturesInput is the kit's.
func (p *testPane) CapturesInput() bool { return p.Kit.CapturesInput() }

// selected is the post under the list's cursor.
func (p *testPane) selected() *Entry { return p.ListSelected() }

// ListName implements Host.
func (p *testPane) ListName() string { return "Home feed" }

// ListPosted implements Host: a new post goes on top, selected.
func (p *testPane) ListPosted(e *Entry) tea.Cmd {
	p.entries = append([]*Entry{e}, p.entries...)
	p.cursor = 0
	return nil
}

// ListForget implements Host.
func (p *testPane) ListForget(id string) {
	p.entries = slices.DeleteFunc(p.entries, func(e *Entry) bool { return e.Post.ID == id })
	p.cursor = min(p.cursor, max(len(p.entries)-1, 0))
}

// ListHolds implements Host.
func (p *testPane) ListHolds(e *Entry) bool { return slices.Contains(p.entries, e) }

// ListSelected implements Host.
func (p *testPane) ListSelected() *Entry {
	if p.cursor < len(p.entries) {
		return p.entries[p.cursor]
	}
	return nil
}
