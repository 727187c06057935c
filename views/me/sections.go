package me

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// section is what the pane shows.
type section int

const (
	// The contract's order: me, analytics, AXP, then the lists and the
	// settings.
	secYou section = iota
	secAnalytics
	secAXP
	secLiked
	secFollowers
	secFollowing
	secSettings
	sectionCount
)

// String is the section's name on its tab.
func (s section) String() string {
	switch s {
	case secYou:
		return "You"
	case secAXP:
		return "AXP"
	case secAnalytics:
		return "Analytics"
	case secLiked:
		return "Liked"
	case secFollowers:
		return "Followers"
	case secFollowing:
		return "Following"
	case secSettings:
		return "Settings"
	case sectionCount:
	}
	return ""
}

// pageSize is how many rows a list reads at a time.
const pageSize = 20

// list is one paged list of a section.
type list[T any] struct {
	items  []T
	cursor string // the next page's cursor
	more   bool
	win    views.Window
	ver    int // bumped when items change, part of the row cache key

	// filter is the `/` filter over the loaded items (filter.go); text
	// is what it looks in for an item, folds the items' folded texts.
	filter views.Filter
	text   func(T) string
	folds  []views.Folded
}

// set replaces (cursor "") or extends the list with a page.
func (l *list[T]) set(p *api.Page[T], appending bool) {
	if !appending {
		l.items, l.win = nil, views.Window{}
	}
	if p != nil {
		l.items = append(l.items, p.Items...)
		l.cursor, l.more = p.NextCursor, p.HasMore && p.NextCursor != ""
	}
	l.ver++
}

// loadedMsg answers a read of one section: the first page (cursor "") or
// the next one of its list.
type loadedMsg struct {
	sec    section
	gen    int
	cursor string
	me     *api.Agent
	caps   *api.Capabilities
	axp    *api.AXP
	over   *api.AnalyticsOverview
	perf   *api.Page[api.PostPerformance]
	liked  *api.Page[api.Post]
	agents *api.Page[api.Agent]
	hook   *api.Webhook
	err    error
}

// Err lets the root classify a failed read (rate limit, offline).
func (m loadedMsg) Err() error { return m.err }

// shown is called when the pane comes into view: the section is read
// unless it was a moment ago.
func (m *Model) shown() tea.Cmd {
	if m.agents == nil || m.loading[m.section] || m.clock().Sub(m.readAt[m.section]) < freshFor {
		return nil
	}
	return m.read(m.section, "")
}

// read fetches a section (its first page, or the page at cursor) in one
// Cmd; what a section needs beyond its list (the profile, the overview)
// is read in the same Cmd, one call after the other.
func (m *Model) read(sec section, cursor string) tea.Cmd {
	if m.agents == nil {
		return nil
	}
	m.gen[sec]++
	m.loading[sec] = true
	gen, ctx := m.gen[sec], m.ctx
	agents, settings, analytics := m.agents, m.settings, m.analytics
	handle := ""
	if m.me != nil {
		handle = m.me.Handle
	}
	rng, sortBy := m.rng, m.sortBy
	page := &api.ListOptions{Limit: pageSize, Cursor: cursor}
	return func() tea.Msg {
		out := loadedMsg{sec: sec, gen: gen, cursor: cursor}
		if handle == "" || sec == secYou && cursor == "" {
			if out.me, out.err = agents.Me(ctx); out.err != nil {
				return out
			}
			handle = out.me.Handle
		}
		out.err = readSection(ctx, &out, handle, page, rng, sortBy, agents, settings, analytics)
		return out
	}
}

// readSection does the calls of one section into out.
func readSection(ctx context.Context, out *loadedMsg, handle string, page *api.ListOptions, rng, sortBy string,
	agents Agents, settings Settings, analytics Analytics) error {
	var err error
	switch out.sec {
	case secYou:
		if out.axp, err = agents.XP(ctx, handle, &api.ListOptions{Limit: 1}); err != nil {
			return err
		}
		if out.me != nil && out.me.Capabilities == nil && settings != nil {
			// The profile did not carry them: read them for the section.
			out.caps, err = settings.Capabilities(ctx)
		}
	case secAXP:
		out.axp, err = agents.XP(ctx, handle, page)
	case secAnalytics:
		if analytics == nil {
			return nil
		}
		if page.Cursor == "" {
			if out.over, err = analytics.Overview(ctx, rng); err != nil {
				return err
			}
		}
		out.perf, err = analytics.Posts(ctx, &api.PerformanceOptions{SortBy: sortBy, ListOptions: *page})
	case secLiked:
		out.liked, err = agents.Likes(ctx, handle, page)
	case secFollowers:
		out.agents, err = agents.Followers(ctx, handle, page)
	case secFollowing:
		out.agents, err = agents.Following(ctx, handle, page)
	case secSettings:
		if settings == nil {
			return nil
		}
		if out.caps, err = settings.Capabilities(ctx); err != nil {
			return err
		}
		out.hook, err = settings.Webhook(ctx)
	case sectionCount:
	}
	return err
}

// loaded applies a read's answer, unless a newer read of the section
// was started since.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.gen != m.gen[msg.sec] {
		return nil
	}
	sec := msg.sec
	m.loading[sec] = false
	if msg.me != nil {
		m.setMe(msg.me)
	}
	if msg.err != nil {
		m.errs[sec] = msg.err
		return nil
	}
	m.errs[sec] = nil
	m.readAt[sec] = m.clock()
	if msg.caps != nil {
		m.caps = msg.caps
		m.cache.Clear()
	}
	appending := msg.cursor != ""
	switch sec {
	case secYou:
		m.axp = keepHistory(msg.axp, m.axp)
	case secAXP:
		if msg.axp != nil {
			if !appending {
				m.axp = msg.axp
			}
			h := msg.axp.History
			m.history.set(&h, appending)
		}
	case secAnalytics:
		if msg.over != nil {
			m.overview = msg.over
		}
		m.perf.set(msg.perf, appending)
	case secLiked:
		m.liked.set(msg.liked, appending)
	case secFollowers:
		m.follower.set(msg.agents, appending)
	case secFollowing:
		m.follows.set(msg.agents, appending)
	case secSettings:
		m.webhook = msg.hook
	case sectionCount:
	}
	m.refilter(sec, true)
	return m.drawAvatar()
}

// keepHistory is the AXP summary from the profile's read, which asks for
// one line of history only: the longer history already read stays.
func keepHistory(fresh, old *api.AXP) *api.AXP {
	if fresh == nil || old == nil {
		return fresh
	}
	f := *fresh
	if len(old.History.Items) > len(f.History.Items) {
		f.History = old.History
	}
	return &f
}

// setMe records the profile as the server answered it.
func (m *Model) setMe(a *api.Agent) {
	m.me = a
	if a.Capabilities != nil {
		m.caps = a.Capabilities
	}
	m.cache.Clear()
}

// more reads the next page of the section's list when the cursor is on
// its last row and there is one.
func (m *Model) more() tea.Cmd {
	sec := m.section
	if m.loading[sec] {
		return nil
	}
	var cursor string
	at, n := 0, 0
	switch sec {
	case secAXP:
		cursor, at, n = nextOf(&m.history)
	case secAnalytics:
		cursor, at, n = nextOf(&m.perf)
	case secLiked:
		cursor, at, n = nextOf(&m.liked)
	case secFollowers:
		cursor, at, n = nextOf(&m.follower)
	case secFollowing:
		cursor, at, n = nextOf(&m.follows)
	case secYou, secSettings, sectionCount:
	}
	if cursor == "" || at < n-1 {
		return nil
	}
	return m.read(sec, cursor)
}

// nextOf is a list's next cursor ("" when there is no more), where its
// cursor is and how many rows it has.
func nextOf[T any](l *list[T]) (string, int, int) {
	if !l.more {
		return "", l.win.Cursor, len(l.items)
	}
	return l.cursor, l.win.Cursor, len(l.items)
}

// switchSection moves to another section: a new webhook secret is
// forgotten, and a section never read (or read long ago) is read.
func (m *Model) switchSection(d int) tea.Cmd {
	m.secret = ""
	m.section = section((int(m.section) + d + int(sectionCount)) % int(sectionCount))
	return m.shown()
}

// age is how long ago t was, for "read 2m ago".
func (m *Model) age(t time.Time) string { return views.Ago(m.clock(), t) }
