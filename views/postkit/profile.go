package postkit

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// ToggleFollow follows or unfollows the agent of a profile optimistically:
// every screen showing it hears of it at once (FollowSet), and again when
// the server confirms or refuses (rolled back). agent is the profile as
// loaded (nil while it loads), following whether the operator follows it
// (nil while unknown).
func (m *Kit) ToggleFollow(handle string, agent *api.Agent, following *bool) tea.Cmd {
	switch {
	case agent == nil:
		return views.Status(views.LevelInfo, "the profile is still loading")
	case m.IsMe(handle):
		return views.Status(views.LevelInfo, "this is you: you can't follow yourself")
	case m.busy["follow:"+handle]:
		return views.Status(views.LevelInfo, "still working on the last follow…")
	}
	prev, count := following, agent.FollowerCount
	want := prev == nil || !*prev
	m.setFollow(handle, &want, count+delta(want))
	m.busy["follow:"+handle] = true
	ctx, agents := m.ctx, m.agents
	return func() tea.Msg {
		var t *api.Toggle
		var err error
		if want {
			t, err = agents.Follow(ctx, handle)
		} else {
			t, err = agents.Unfollow(ctx, handle)
		}
		return followedMsg{handle: handle, prevActive: prev, prevCount: count, toggle: t, err: err}
	}
}

// setFollow tells every screen (every open profile of handle).
func (m *Kit) setFollow(handle string, following *bool, count int) {
	m.toScreens(FollowSet{Handle: handle, Following: following, Count: count, CountKnown: true})
}

func (m *Kit) followed(msg followedMsg) tea.Cmd {
	delete(m.busy, "follow:"+msg.handle)
	if msg.err != nil {
		m.setFollow(msg.handle, msg.prevActive, msg.prevCount)
		verb := "follow"
		if msg.prevActive != nil && *msg.prevActive {
			verb = "unfollow"
		}
		return views.Failed(fmt.Sprintf("couldn't %s @%s", verb, msg.handle), msg.err)
	}
	if msg.toggle == nil {
		return nil
	}
	active := msg.toggle.Active
	return m.toScreens(FollowSet{Handle: msg.handle, Following: &active, Count: msg.toggle.Count, CountKnown: msg.toggle.CountKnown})
}

// openProfile pushes the profile of handle with the opener of
// Options.Profile, which lives in a package of its own.
func (m *Kit) openProfile(handle string) tea.Cmd {
	handle = strings.TrimPrefix(handle, "@")
	if handle == "" || m.openProfileScreen == nil {
		return nil
	}
	return m.openProfileScreen(m, handle)
}
