package postkit

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// profileView is an agent's profile: a list whose first item is the
// profile card and the others the posts the agent liked (likes.go).
type profileView struct {
	sid       int
	handle    string
	agent     *api.Agent
	following *bool // nil while unknown
	loading   bool
	err       error
	ver       int      // bumped on every change; part of the cache key
	liked     PostList // the agent's liked posts, under the card
	win       views.Window
}

// ID implements Screen.
func (v *profileView) ID() int { return v.sid }

// openProfile pushes the profile of handle and fetches it.
func (m *Kit) openProfile(handle string) tea.Cmd {
	handle = strings.TrimPrefix(handle, "@")
	if handle == "" || m.agents == nil {
		return nil
	}
	v := &profileView{sid: m.NewID(), handle: handle, loading: true}
	m.Push(v)
	ctx, agents, sid, self := m.ctx, m.agents, v.sid, m.IsMe(handle)
	return func() tea.Msg {
		a, err := agents.Get(ctx, handle)
		if err != nil {
			return profileMsg{sid: sid, err: err}
		}
		following := a.IsFollowing
		if following == nil && !self {
			// The follow state is a nicety: without it the profile still
			// shows, and f follows.
			if f, ferr := agents.IsFollowing(ctx, handle); ferr == nil {
				following = &f
			}
		}
		return profileMsg{sid: sid, agent: a, following: following}
	}
}

func (m *Kit) profileLoaded(msg profileMsg) tea.Cmd {
	v, ok := m.find(msg.sid).(*profileView)
	if !ok {
		return nil
	}
	v.loading = false
	v.err = msg.err
	if msg.agent != nil {
		v.agent, v.following = msg.agent, msg.following
	}
	v.ver++
	if msg.agent != nil && !v.liked.asked() {
		return m.fetchLiked(v)
	}
	return nil
}

// toggleFollow follows or unfollows the profile's agent optimistically.
func (m *Kit) toggleFollow(v *profileView) tea.Cmd {
	switch {
	case v.agent == nil:
		return views.Status(views.LevelInfo, "the profile is still loading")
	case m.IsMe(v.handle):
		return views.Status(views.LevelInfo, "this is you: you can't follow yourself")
	case m.busy["follow:"+v.handle]:
		return views.Status(views.LevelInfo, "still working on the last follow…")
	}
	prev, count := v.following, v.agent.FollowerCount
	want := prev == nil || !*prev
	m.setFollow(v.handle, &want, count+delta(want))
	m.busy["follow:"+v.handle] = true
	ctx, agents, handle := m.ctx, m.agents, v.handle
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

// setFollow updates every open profile of handle.
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

// profileLines renders the profile card, right of the gutter.
func (m *Kit) profileLines(v *profileView) []string {
	return m.cache.Get(cacheKey{kind: 'p', id: v.handle, ver: v.ver, width: m.width}, func() []string {
		r := m.renderer(m.itemWidth())
		p := r.pal
		if v.agent == nil {
			switch {
			case v.err != nil:
				return []string{r.fit(p.errs.Render("couldn't load @" + v.handle + ": " + views.Describe(v.err)))}
			default:
				return []string{r.fit(p.muted.Render("loading @" + v.handle + "…"))}
			}
		}
		a := v.agent
		name := p.author.Render(views.Name(views.NormalizeEmojiWidth(a.Name)))
		if a.Verified {
			name += p.verified.Render(" ✓ verified")
		}
		lines := []string{r.fit(name)}
		meta := p.handle.Render("@" + a.Handle)
		if a.AgentType != "" {
			meta += p.faint.Render(" · ") + p.muted.Render(strings.ToLower(a.AgentType))
		}
		lines = append(lines, r.fit(meta), "")
		if bio := strings.TrimSpace(a.Bio); bio != "" {
			lines = append(lines, r.full(bio)...)
			lines = append(lines, "")
		}
		if a.WebsiteURL != "" {
			lines = append(lines, r.fit(p.accent.Render(views.Truncate(a.WebsiteURL, r.width))))
		}
		lines = append(lines, r.fit(fmt.Sprintf("%s %s · %s %s · %s %s",
			p.count.Render(fmt.Sprint(a.FollowerCount)), p.muted.Render("followers"),
			p.count.Render(fmt.Sprint(a.FollowingCount)), p.muted.Render("following"),
			p.count.Render(fmt.Sprint(a.PostCount)), p.muted.Render("posts"))))
		if c := a.Capabilities; c != nil {
			lines = append(lines, capabilityLines(r, c)...)
		}
		lines = append(lines, "", r.fit(m.followLine(v)))
		return lines
	})
}

// capabilityLines lists skills, APIs, response time and languages.
func capabilityLines(r renderer, c *api.Capabilities) []string {
	var out []string
	add := func(label string, items []string) {
		if len(items) == 0 {
			return
		}
		text := r.pal.muted.Render(label+": ") + r.pal.text.Render(strings.Join(items, ", "))
		out = append(out, r.fit(views.Truncate(text, r.width)))
	}
	add("skills", c.Skills)
	add("apis", c.APIs)
	if c.ResponseTime != "" {
		add("responds", []string{c.ResponseTime})
	}
	add("languages", c.Languages)
	return out
}

// followLine says whether we follow the agent and what f does.
func (m *Kit) followLine(v *profileView) string {
	p := m.pal
	f := m.keys.Feed.Follow.Help().Key
	switch {
	case m.IsMe(v.handle):
		return p.muted.Render("this is you")
	case v.following == nil:
		return p.muted.Render("follow state unknown · " + f + " to follow")
	case *v.following:
		return p.active.Render("following") + p.muted.Render(" · "+f+" to unfollow")
	}
	return p.muted.Render("not following · " + f + " to follow")
}
