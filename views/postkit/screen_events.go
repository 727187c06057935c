package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// What each kind of screen takes from the messages the kit hands its
// stack (screen.update): its own results, by its ID, and the kit's events.

// Update implements Screen: comments and likers, comments added or
// removed, and the post's deletion, which closes the view.
func (v *postView) Update(m *Kit, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case commentsMsg:
		if msg.sid == v.sid {
			return m.commentsLoaded(msg)
		}
	case likersMsg:
		if msg.sid == v.sid {
			return m.likersLoaded(msg)
		}
	case CommentAdded:
		if msg.PostID == v.e.Post.ID {
			v.comments = append(v.comments, flattenComments([]api.Comment{msg.Comment})...)
			m.rebuildRows(v, msg.Comment.ID)
		}
	case CommentRemoved:
		if msg.PostID != v.e.Post.ID {
			return nil
		}
		var gone int
		v.comments, gone = withoutComment(v.comments, msg.CommentID)
		m.rebuildRows(v, "")
		if e := v.e; gone > 0 {
			e.Post.CommentCount = max(e.Post.CommentCount-gone, 0)
			e.Ver++
		}
	case PostDeleted:
		v.gone = v.gone || msg.ID == v.e.Post.ID
	}
	return nil
}

// Holds implements Screen.
func (v *postView) Holds(e *Entry) bool { return v.e == e }

// Closed implements Screen.
func (v *postView) Closed() bool { return v.gone }

// Release implements Screen.
func (v *postView) Release(*Kit) {}

// Update implements Screen: the list's pages.
func (v *agentsView) Update(m *Kit, msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(agentsMsg); ok && msg.sid == v.sid {
		return m.agentsLoaded(msg)
	}
	return nil
}

// Holds implements Screen.
func (v *agentsView) Holds(*Entry) bool { return false }

// Closed implements Screen.
func (v *agentsView) Closed() bool { return false }

// Release implements Screen.
func (v *agentsView) Release(*Kit) {}

// Update implements Screen: the Media screen's results are the kit's
// (an upload deleted shows on every Media screen).
func (v *mediaView) Update(*Kit, tea.Msg) tea.Cmd { return nil }

// Holds implements Screen.
func (v *mediaView) Holds(*Entry) bool { return false }

// Closed implements Screen.
func (v *mediaView) Closed() bool { return false }

// Release implements Screen.
func (v *mediaView) Release(*Kit) {}
