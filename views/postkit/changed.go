package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// News of what the operator changed elsewhere (views/changed.go): a post
// liked or commented on in another kit, a post deleted, an agent followed.
// The kit takes the new copy into the entry it holds, which every list
// and screen of it shares, and tells its screens, so an open post view
// reads its comments again when their count moved and a profile shows
// the follow.

// postChanged takes news of a post.
func (m *Kit) postChanged(msg views.PostChangedMsg) tea.Cmd {
	e := m.store[msg.Post.ID]
	if msg.Deleted {
		if e == nil {
			return nil
		}
		return m.forget(msg.Post.ID)
	}
	if e != nil && !e.Hole {
		m.RefreshEntry(e, msg.Post)
	}
	return m.toScreens(msg)
}

// followChanged takes news of a follow.
func (m *Kit) followChanged(msg views.FollowChangedMsg) tea.Cmd {
	return m.toScreens(FollowSet{Handle: msg.Handle, Following: msg.Following, Count: msg.Count, CountKnown: msg.CountKnown})
}

// changedPost is the news of post id as the kit holds it now, for the
// other places that show it.
func (m *Kit) changedPost(id string) tea.Cmd {
	e := m.store[id]
	if e == nil {
		return nil
	}
	return views.Changed(views.PostChangedMsg{Post: e.Post})
}
