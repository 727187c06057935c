package postkit

import (
	"errors"
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
		call := agents.Unfollow
		if want {
			call = agents.Follow
		}
		t, err := call(ctx, handle)
		settled := false
		if errors.Is(err, api.ErrUnknownOutcome) {
			// The answer was lost: the follow state, read back, says
			// what the server has (reconcile.go).
			t, err = settleFollow(ctx, agents, handle, want, call)
			settled = err == nil
		}
		return followedMsg{handle: handle, prevActive: prev, prevCount: count, toggle: t, err: err, settled: settled}
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
	set := FollowSet{Handle: msg.handle, Following: &active, Count: msg.toggle.Count, CountKnown: msg.toggle.CountKnown}
	var warn tea.Cmd
	if msg.settled {
		// The state was read back; the count was not: it is what it was,
		// moved by the change if the change happened.
		set.Count, set.CountKnown = msg.prevCount, true
		if msg.prevActive == nil || *msg.prevActive != active {
			set.Count += delta(active)
		}
		if msg.prevActive != nil && *msg.prevActive == active {
			warn = views.Status(views.LevelWarn, "couldn't "+followVerb(!active)+" @"+msg.handle+
				": no answer from the server, and it did not happen; press again")
		}
	}
	news := views.FollowChangedMsg{Handle: set.Handle, Following: set.Following, Count: set.Count, CountKnown: set.CountKnown}
	return tea.Batch(m.toScreens(set), views.Changed(news), warn)
}

// followVerb is "follow" or "unfollow".
func followVerb(on bool) string {
	if on {
		return "follow"
	}
	return "unfollow"
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
