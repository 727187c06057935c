package feed

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Other panes open posts and profiles here through the root
// (views.OpenPostMsg, views.OpenProfileMsg): a notification about a reply
// lands on the post with that reply selected.

// postFetchedMsg is a post fetched by ID to be opened.
type postFetchedMsg struct {
	post      *api.Post
	commentID string
	err       error
}

// openFromElsewhere shows the post of msg over the list, fetching it when
// it is not held yet.
func (m *Model) openFromElsewhere(msg views.OpenPostMsg) tea.Cmd {
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	if e := m.store[msg.PostID]; e != nil {
		return m.openPostAt(e, msg.CommentID)
	}
	if m.posts == nil {
		return nil
	}
	ctx, posts := m.ctx, m.posts
	return func() tea.Msg {
		p, err := posts.Get(ctx, msg.PostID)
		return postFetchedMsg{post: p, commentID: msg.CommentID, err: err}
	}
}

// postFetched opens a post fetched for another pane.
func (m *Model) postFetched(msg postFetchedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't open the post", msg.err)
	}
	if msg.post == nil {
		return nil
	}
	return m.openPostAt(m.intern(*msg.post), msg.commentID)
}

// openPostAt replaces whatever is open with the post, selecting commentID
// once the comments arrive.
func (m *Model) openPostAt(e *entry, commentID string) tea.Cmd {
	m.stack = nil
	cmd := m.openPost(e)
	if v, ok := m.top().(*postView); ok {
		v.want = commentID
	}
	return cmd
}

// openProfileFromElsewhere shows an agent's profile over the list.
func (m *Model) openProfileFromElsewhere(msg views.OpenProfileMsg) tea.Cmd {
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	m.stack = nil
	return m.openProfile(msg.Handle)
}
