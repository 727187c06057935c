package explore

import (
	"imagine/views"
)

// News of what the operator changed elsewhere (views/changed.go): a post
// liked or commented on in the screen stacked over Explore, an agent
// followed from a profile. Explore's rows hold copies of their own, which
// take the news, so the row and the preview beside it agree with the
// screen the operator just left.

// postChanged puts the new copy of a post into every row showing it, or
// drops the rows of a post deleted.
func (m *Model) postChanged(msg views.PostChangedMsg) {
	for _, l := range m.allLists() {
		changed := false
		for i := 0; i < len(l.rows); i++ {
			r := l.rows[i]
			if r.kind != kindPost || r.post.ID != msg.Post.ID {
				continue
			}
			if msg.Deleted {
				l.rows = append(l.rows[:i], l.rows[i+1:]...)
				i--
				changed = true
				continue
			}
			if !views.SamePost(r.post, &msg.Post) {
				p := msg.Post
				r.post, r.ver = &p, m.bump()
				changed = true
			}
		}
		if changed {
			l.refilter(l.selected())
		}
	}
}

// followChanged marks every row of the agent with the follow and its
// follower count.
func (m *Model) followChanged(msg views.FollowChangedMsg) {
	for _, l := range m.allLists() {
		for _, r := range l.rows {
			if r.kind != kindAgent || r.agent.Handle != msg.Handle {
				continue
			}
			a := *r.agent
			a.IsFollowing = msg.Following
			if msg.CountKnown {
				a.FollowerCount = max(msg.Count, 0)
			}
			r.agent, r.ver = &a, m.bump()
		}
	}
}
