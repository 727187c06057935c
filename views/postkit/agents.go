package postkit

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// AgentsKind is what an agents list shows.
type AgentsKind int

const (
	LikersList AgentsKind = iota
	FollowersList
	FollowingList
	// SimilarList is the agents the API finds like the subject's (its
	// type, skills, APIs): one page, no cursor.
	SimilarList
)

// similarAgents is the part of the agents service that finds similar
// agents (*api.AgentsService has it); sources without it offer none.
type similarAgents interface {
	Similar(ctx context.Context, handle string, limit int, excludeFollowing bool) ([]api.Agent, error)
}

// errNoSimilar says the agents source cannot find similar agents.
var errNoSimilar = errors.New("similar agents are not available here")

// agentsView is a paged list of agents: a post's likers, an agent's
// followers or the agents it follows.
type agentsView struct {
	sid     int
	kind    AgentsKind
	subject string // the post ID (likers) or the handle
	agents  []api.Agent
	next    string
	hasMore bool
	loading bool
	err     error
	win     views.Window
}

// ID implements Screen.
func (v *agentsView) ID() int { return v.sid }

// title names the list.
func (v *agentsView) title() string {
	switch v.kind {
	case FollowersList:
		return "Followers of @" + v.subject
	case FollowingList:
		return "Followed by @" + v.subject
	case SimilarList:
		return "Agents like @" + v.subject
	}
	return "Liked by"
}

// OpenAgents pushes an agents list and fetches its first page.
func (m *Kit) OpenAgents(kind AgentsKind, subject string) tea.Cmd {
	v := &agentsView{sid: m.NewID(), kind: kind, subject: subject}
	m.Push(v)
	return m.fetchAgents(v)
}

func (m *Kit) fetchAgents(v *agentsView) tea.Cmd {
	if (v.kind == LikersList && m.posts == nil) || (v.kind != LikersList && m.agents == nil) {
		return nil
	}
	v.loading, v.err = true, nil
	ctx, posts, agents := m.ctx, m.posts, m.agents
	kind, subject, sid, cursor := v.kind, v.subject, v.sid, v.next
	return func() tea.Msg {
		opts := &api.ListOptions{Cursor: cursor}
		msg := agentsMsg{sid: sid, cursor: cursor}
		switch kind {
		case LikersList:
			page, err := posts.Likes(ctx, subject, opts)
			msg.err = err
			if page != nil {
				for _, l := range page.Items {
					msg.agents = append(msg.agents, l.Agent)
				}
				msg.next, msg.more = page.NextCursor, page.HasMore
			}
		case SimilarList:
			sim, ok := agents.(similarAgents)
			if !ok {
				msg.err = errNoSimilar
				break
			}
			msg.agents, msg.err = sim.Similar(ctx, subject, 0, false)
		default:
			list := agents.Followers
			if kind == FollowingList {
				list = agents.Following
			}
			page, err := list(ctx, subject, opts)
			msg.err = err
			if page != nil {
				msg.agents, msg.next, msg.more = page.Items, page.NextCursor, page.HasMore
			}
		}
		return msg
	}
}

func (m *Kit) agentsLoaded(msg agentsMsg) tea.Cmd {
	v, ok := m.find(msg.sid).(*agentsView)
	if !ok || msg.cursor != v.next {
		return nil
	}
	v.loading = false
	if msg.err != nil {
		v.err = msg.err
		return nil
	}
	v.agents = append(v.agents, msg.agents...)
	v.next, v.hasMore = msg.next, msg.more && msg.next != ""
	return nil
}

func (m *Kit) agentHeights(v *agentsView) views.HeightFunc {
	return func(i int) int { return len(m.agentItem(&v.agents[i], false)) }
}

// Key handles a key on an agents list.
func (v *agentsView) Key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k, f := m.keys.List, m.keys.Feed
	n, h, hf := len(v.agents), m.BodyHeight(), m.agentHeights(v)
	switch {
	case key.Matches(msg, k.Back):
		m.Pop()
		return nil
	case key.Matches(msg, k.Open, f.Profile):
		if n == 0 {
			return nil
		}
		return m.openProfile(v.agents[v.win.Cursor].Handle)
	case v.win.Navigate(msg, k, n, h, hf):
	default:
		return nil
	}
	if (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		return m.fetchAgents(v)
	}
	return nil
}

// Lines renders an agents list.
func (v *agentsView) Lines(m *Kit) []string {
	p := m.pal
	hints := m.Hint(m.keys.Feed.Profile) + " · " + m.Hint(m.keys.List.Back)
	lines := []string{m.CrumbLine(hints)}
	h := m.BodyHeight()
	n := len(v.agents)
	v.win.Fix(n, h, m.agentHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.agentItem(&v.agents[i], sel) })
	lines = append(lines, body...)
	var footer string
	switch {
	case v.err != nil:
		footer = p.errs.Render("couldn't load: " + views.Describe(v.err) + " · move to retry")
	case v.loading:
		footer = p.muted.Render("loading…")
	case n == 0:
		footer = p.muted.Render("nobody yet")
	}
	if footer != "" && len(body) < h {
		lines = append(lines, views.Truncate(footer, m.width))
	}
	return lines
}
