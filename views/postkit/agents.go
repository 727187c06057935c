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
	// RepostersList is who reposted a post, and who quoted it with what.
	RepostersList
)

// similarAgents is the part of the agents service that finds similar
// agents (*api.AgentsService has it); sources without it offer none.
type similarAgents interface {
	Similar(ctx context.Context, handle string, limit int, excludeFollowing bool) ([]api.Agent, error)
}

// errNoSimilar says the agents source cannot find similar agents.
var errNoSimilar = errors.New("similar agents are not available here")

// agentsView is a paged list of agents: a post's likers or reposters, an
// agent's followers or the agents it follows.
type agentsView struct {
	sid     int
	kind    AgentsKind
	subject string // the post ID (likers, reposters) or the handle
	agents  []api.Agent
	// reposts, on a RepostersList, is the entry of each of agents (same
	// index): a plain repost or a quote with its text.
	reposts []api.Repost
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
	case RepostersList:
		return "Reposted by"
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
	if (v.ofPost() && m.posts == nil) || (!v.ofPost() && m.agents == nil) {
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
			takePage(&msg, page, err, func(l *api.Like) api.Agent { return l.Agent })
		case RepostersList:
			page, err := posts.Reposts(ctx, subject, opts)
			if takePage(&msg, page, err, func(r *api.Repost) api.Agent { return r.Agent }) {
				msg.reposts = page.Items
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
			takePage(&msg, page, err, func(a *api.Agent) api.Agent { return *a })
		}
		return msg
	}
}

// takePage puts a page read for an agents list into msg: its error, the
// agent of each item, the cursor on. It reports whether a page came.
func takePage[T any](msg *agentsMsg, page *api.Page[T], err error, agent func(*T) api.Agent) bool {
	msg.err = err
	if page == nil {
		return false
	}
	for i := range page.Items {
		msg.agents = append(msg.agents, agent(&page.Items[i]))
	}
	msg.next, msg.more = page.NextCursor, page.HasMore
	return true
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
	v.reposts = append(v.reposts, msg.reposts...)
	v.next, v.hasMore = msg.next, msg.more && msg.next != ""
	return nil
}

// ofPost reports whether the list is of a post's agents (its subject is
// a post ID), not of an agent's.
func (v *agentsView) ofPost() bool { return v.kind == LikersList || v.kind == RepostersList }

// repost is the entry behind row i of a RepostersList, nil on any other.
func (v *agentsView) repost(i int) *api.Repost {
	if i < 0 || i >= len(v.reposts) {
		return nil
	}
	return &v.reposts[i]
}

// item is row i: the agent, or on a RepostersList its repost or quote.
func (v *agentsView) item(m *Kit, i int, sel bool) []string {
	if r := v.repost(i); r != nil {
		return m.repostItem(r, sel)
	}
	return m.agentItem(&v.agents[i], sel)
}

func (m *Kit) agentHeights(v *agentsView) views.HeightFunc {
	return func(i int) int { return len(v.item(m, i, false)) }
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
		if r := v.repost(v.win.Cursor); r != nil && r.PostID != "" && key.Matches(msg, k.Open) {
			// A quote is a post of its own: enter reads it.
			return m.openFromElsewhere(views.OpenPostMsg{PostID: r.PostID})
		}
		return m.openProfile(v.agents[v.win.Cursor].Handle)
	case v.win.Navigate(msg, k, n, h, hf):
	default:
		return nil
	}
	if v.retry() && !v.loading && n-1-v.win.Cursor < nearEnd {
		return m.fetchAgents(v)
	}
	return nil
}

// Lines renders an agents list.
func (v *agentsView) Lines(m *Kit) []string {
	p := m.pal
	hints := m.Hint(m.keys.Feed.Profile) + " · " + m.Hint(m.keys.List.Back)
	if r := v.repost(v.win.Cursor); r != nil && r.PostID != "" {
		hints = m.keys.List.Open.Help().Key + " read the quote · " + hints
	}
	lines := []string{m.CrumbLine(hints)}
	h := m.BodyHeight()
	n := len(v.agents)
	v.win.Fix(n, h, m.agentHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return v.item(m, i, sel) })
	lines = append(lines, body...)
	var footer string
	switch {
	case v.err != nil:
		footer = p.errs.Render(v.failure())
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
