package explore

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Following from a list (f on an agent of the directory, the search, the
// recommended or the similar agents), as a profile does: the row says
// "following" at once, the server's answer settles it, and the news
// reaches every other place that shows the agent (views.FollowChangedMsg:
// the preview beside the list, a profile stacked elsewhere).

// followedMsg is the answer to a follow or an unfollow; prev and
// prevCount are what the row showed before, put back on a failure.
// already says the operator followed the agent before f, which the row
// did not know.
type followedMsg struct {
	handle    string
	on        bool
	already   bool
	toggle    *api.Toggle
	err       error
	prev      *bool
	prevCount int
}

// follow follows the agent, or unfollows one the row says the operator
// follows. When the row does not say, the server is asked first, and an
// agent followed already is only marked so: f never unfollows someone the
// row did not show as followed.
func (m *Model) follow(a *api.Agent) tea.Cmd {
	h := a.Handle
	if m.following[h] {
		return nil // the answer to the last press is on its way
	}
	m.following[h] = true
	prev, prevCount := a.IsFollowing, a.FollowerCount
	if prev != nil {
		on := !*prev
		m.followChanged(views.FollowChangedMsg{Handle: h, Following: &on, Count: prevCount + delta(on), CountKnown: true})
	}
	ctx, agents := m.ctx, m.agents
	return func() tea.Msg {
		on := prev == nil || !*prev
		if prev == nil {
			following, err := agents.IsFollowing(ctx, h)
			if err != nil {
				return followedMsg{handle: h, on: true, err: err, prev: prev, prevCount: prevCount}
			}
			if following {
				return followedMsg{handle: h, on: true, already: true, prev: prev, prevCount: prevCount}
			}
		}
		var t *api.Toggle
		var err error
		if on {
			t, err = agents.Follow(ctx, h)
		} else {
			t, err = agents.Unfollow(ctx, h)
		}
		return followedMsg{handle: h, on: on, toggle: t, err: err, prev: prev, prevCount: prevCount}
	}
}

// followed settles a follow: the server's state and count on success,
// the row as it was on a failure.
func (m *Model) followed(msg followedMsg) tea.Cmd {
	delete(m.following, msg.handle)
	verb := "follow"
	if !msg.on {
		verb = "unfollow"
	}
	if msg.err != nil {
		m.followChanged(views.FollowChangedMsg{Handle: msg.handle, Following: msg.prev, Count: msg.prevCount, CountKnown: true})
		return views.Failed("couldn't "+verb+" @"+msg.handle, msg.err)
	}
	on := msg.on
	news := views.FollowChangedMsg{Handle: msg.handle, Following: &on, Count: msg.prevCount + delta(on), CountKnown: true}
	if msg.already || (msg.prev != nil && *msg.prev == on) {
		news.Count = msg.prevCount
	}
	if t := msg.toggle; t != nil {
		on = t.Active
		news.Following = &on
		if t.CountKnown {
			news.Count = t.Count
		}
	}
	m.followChanged(news)
	note := "following @" + msg.handle
	switch {
	case msg.already:
		note = "you already follow @" + msg.handle + " · " + m.keys.Explore.Follow.Help().Key + " again unfollows"
	case !on:
		note = "unfollowed @" + msg.handle
	}
	return tea.Batch(views.Changed(news), views.Status(views.LevelInfo, note))
}

// delta is +1 for a follow, -1 for an unfollow.
func delta(on bool) int {
	if on {
		return 1
	}
	return -1
}
