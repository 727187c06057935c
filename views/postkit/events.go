package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Events the kit hands every screen of its stack once it has acted on a
// result, so each screen follows what happened to what it shows without
// the kit knowing the kinds of screens: a post view drops a deleted
// comment, a profile its deleted liked post.
type (
	// PostDeleted says the post ID is gone: lists drop it, a post view
	// showing it closes.
	PostDeleted struct{ ID string }
	// CommentAdded says the operator's comment (or reply) was posted.
	CommentAdded struct {
		PostID  string
		Comment api.Comment
	}
	// CommentRemoved says a comment and the replies under it are gone.
	CommentRemoved struct{ PostID, CommentID string }
	// FollowSet says whether the operator follows Handle now (nil:
	// unknown), optimistically or as the server confirmed; Count is the
	// follower count when CountKnown.
	FollowSet struct {
		Handle     string
		Following  *bool
		Count      int
		CountKnown bool
	}
)

// toScreens hands msg (an event, or a result of a screen's own Cmd, which
// only that screen takes) to every screen of the stack, then drops the
// screens it closed.
func (m *Kit) toScreens(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range m.stack {
		cmds = append(cmds, s.Update(m, msg))
	}
	kept := m.stack[:0]
	for _, s := range m.stack {
		if !s.Closed() {
			kept = append(kept, s)
		}
	}
	m.stack = kept
	return tea.Batch(cmds...)
}
