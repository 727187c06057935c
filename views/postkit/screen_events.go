package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// What each kind of screen takes from the messages the kit hands its
// stack (screen.update): its own results, by its ID, and the kit's events.

// update implements screen: comments and likers, comments added or
// removed, and the post's deletion, which closes the view.
func (v *postView) update(m *Kit, msg tea.Msg) tea.Cmd {
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

func (v *postView) holds(e *Entry) bool { return v.e == e }
func (v *postView) closed() bool        { return v.gone }
func (v *postView) release(*Kit)        {}

// update implements screen: the profile, its liked posts, the follow
// state, a liked post deleted.
func (v *profileView) update(m *Kit, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case profileMsg:
		if msg.sid == v.sid {
			return m.profileLoaded(msg)
		}
	case postsMsg:
		return m.postsLoaded(v.sid, &v.liked, v.win.Cursor-1, msg)
	case FollowSet:
		if msg.Handle != v.handle || v.agent == nil {
			return nil
		}
		v.following = msg.Following
		if msg.CountKnown {
			v.agent.FollowerCount = max(msg.Count, 0)
		}
		v.ver++
	case PostDeleted:
		v.liked.remove(msg.ID, &v.win, 1)
	}
	return nil
}

func (v *profileView) holds(e *Entry) bool { return v.liked.holds(e) }
func (v *profileView) closed() bool        { return false }
func (v *profileView) release(m *Kit)      { v.liked.release(m) }

// update implements screen: the hashtag's posts, one of them deleted.
func (v *hashtagView) update(m *Kit, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case postsMsg:
		return m.postsLoaded(v.sid, &v.posts, v.win.Cursor, msg)
	case PostDeleted:
		v.posts.remove(msg.ID, &v.win, 0)
	}
	return nil
}

func (v *hashtagView) holds(e *Entry) bool { return v.posts.holds(e) }
func (v *hashtagView) closed() bool        { return false }
func (v *hashtagView) release(m *Kit)      { v.posts.release(m) }

// update implements screen: the list's pages.
func (v *agentsView) update(m *Kit, msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(agentsMsg); ok && msg.sid == v.sid {
		return m.agentsLoaded(msg)
	}
	return nil
}

func (v *agentsView) holds(*Entry) bool { return false }
func (v *agentsView) closed() bool      { return false }
func (v *agentsView) release(*Kit)      {}

// update implements screen: the Media screen's results are the kit's
// (an upload deleted shows on every Media screen).
func (v *mediaView) update(*Kit, tea.Msg) tea.Cmd { return nil }

func (v *mediaView) holds(*Entry) bool { return false }
func (v *mediaView) closed() bool      { return false }
func (v *mediaView) release(*Kit)      {}
