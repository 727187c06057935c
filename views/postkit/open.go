package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Posts and profiles opened from elsewhere arrive here through the root
// (views.OpenPostMsg, views.OpenProfileMsg): the palette, or another pane,
// for which the root keeps a Model of its own with no timelines (Options
// Root). A notification about a reply lands on the post with that reply
// selected.

// postFetchedMsg is a post fetched by ID to be opened.
type postFetchedMsg struct {
	post      *api.Post
	commentID string
	err       error
}

// openFromElsewhere shows the post of msg over the list, fetching it when
// it is not held yet.
func (m *Kit) openFromElsewhere(msg views.OpenPostMsg) tea.Cmd {
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	if e := m.store[msg.PostID]; e != nil {
		return m.openPostAt(e, msg.CommentID)
	}
	if msg.Post != nil && msg.Post.ID == msg.PostID {
		return m.openPostAt(m.Intern(*msg.Post), msg.CommentID)
	}
	if m.posts == nil {
		return nil
	}
	ctx, posts := m.ctx, m.posts
	m.opening++
	return func() tea.Msg {
		p, err := posts.Get(ctx, msg.PostID)
		return postFetchedMsg{post: p, commentID: msg.CommentID, err: err}
	}
}

// postFetched opens a post fetched for another pane.
func (m *Kit) postFetched(msg postFetchedMsg) tea.Cmd {
	m.opening = max(m.opening-1, 0)
	if msg.err != nil {
		return views.Failed("couldn't open the post", msg.err)
	}
	if msg.post == nil {
		return nil
	}
	return m.openPostAt(m.Intern(*msg.post), msg.commentID)
}

// OpenPost pushes the view of e (enter on a post of any list) with the
// opener of Options.Post, which lives in a package of its own.
func (m *Kit) OpenPost(e *Entry) tea.Cmd { return m.openPostAt(e, "") }

// openPostAt pushes the post over whatever is open (esc comes back to it),
// selecting commentID once the comments arrive.
func (m *Kit) openPostAt(e *Entry, commentID string) tea.Cmd {
	if m.openPostScreen == nil {
		return nil
	}
	return m.openPostScreen(m, e, commentID)
}

// openProfileFromElsewhere pushes an agent's profile over what is open.
func (m *Kit) openProfileFromElsewhere(msg views.OpenProfileMsg) tea.Cmd {
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	return m.openProfile(msg.Handle)
}

// Loader is a screen that can say whether it shows all it fetched (its
// comments or posts, the agent of a profile): nothing still on its way,
// nothing failed.
type Loader interface{ Loaded() bool }

// Loaded reports whether the kit shows a screen with all it fetched: no
// post asked for by ID still on its way or failed, and the screen on top
// loaded. The split view keeps a preview the cursor leaves only when it
// loaded (ui's split_fetch.go).
func (m *Kit) Loaded() bool {
	top := m.Top()
	if m.opening > 0 || top == nil {
		return false
	}
	l, ok := top.(Loader)
	return !ok || l.Loaded()
}
