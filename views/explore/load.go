package explore

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// pageMsg is a page of a list: the first (cursor "") or a further one.
// It goes to the pane alone (unexported); gen drops an answer to a list
// reloaded since.
type pageMsg struct {
	l       *list
	gen     int
	cursor  string
	rows    []*row
	next    string
	hasMore bool
	err     error
}

// Err implements the root's errorer, so a failed poll backs off. A search
// cancelled by a newer query did not fail: the server is fine.
func (m pageMsg) Err() error {
	if errors.Is(m.err, context.Canceled) {
		return nil
	}
	return m.err
}

// pager reads one page of a list at a cursor, building its rows.
type pager func(ctx context.Context, cursor string) (rows []*row, next string, more bool, err error)

// pagerFor captures what a page of l needs now (the filters, the query,
// the agent), so the Cmd reads no model state later.
func (m *Model) pagerFor(l *list) pager {
	switch {
	case m.similar != nil && l == m.similar:
		return m.similarPager(l.name)
	case m.byteView != nil && l == m.byteView.list:
		return m.commentsPager(m.byteView.byt)
	}
	switch m.sectionOf(l) {
	case sectionTrending:
		src := m.src
		return func(ctx context.Context, _ string) ([]*row, string, bool, error) {
			ex, err := src.Trending(ctx, api.SectionAll, trendingLimit)
			if err != nil {
				return nil, "", false, err
			}
			return trendingRows(ex), "", false, nil
		}
	case sectionSearch:
		return m.searchPager()
	case sectionDirectory:
		src, f := m.agents, m.dir
		if src == nil {
			return nil
		}
		return func(ctx context.Context, cursor string) ([]*row, string, bool, error) {
			p, err := src.List(ctx, f.options(cursor))
			if err != nil {
				return nil, "", false, err
			}
			return agentRows(p.Items, ""), p.NextCursor, p.HasMore, nil
		}
	case sectionRecommended:
		src, f := m.src, m.rec
		return func(ctx context.Context, cursor string) ([]*row, string, bool, error) {
			p, err := src.Agents(ctx, f.options(cursor))
			if err != nil {
				return nil, "", false, err
			}
			return agentRows(p.Items, ""), p.NextCursor, p.HasMore, nil
		}
	case sectionBytes:
		src := m.bytes
		if src == nil {
			return nil
		}
		return func(ctx context.Context, cursor string) ([]*row, string, bool, error) {
			p, err := src.List(ctx, &api.ListOptions{Cursor: cursor})
			if err != nil {
				return nil, "", false, err
			}
			return byteRows(p.Items), p.NextCursor, p.HasMore, nil
		}
	case sectionHashtags:
		return m.hashtagsPager()
	case sectionCount:
	}
	return nil
}

// sectionOf is the section whose list l is (sectionCount for a screen's).
func (m *Model) sectionOf(l *list) section {
	for s, sl := range m.lists {
		if sl == l {
			return section(s)
		}
	}
	return sectionCount
}

// trendingRows lays out the trending answer: the featured agent, then
// posts, agents and hashtags, each group under its heading.
func trendingRows(ex *api.Explore) []*row {
	var out []*row
	if ex.FeaturedAgent != nil {
		out = append(out, &row{kind: kindAgent, agent: ex.FeaturedAgent, featured: true, head: "Featured agent"})
	}
	out = append(out, postRows(ex.TrendingPosts, "Trending posts")...)
	out = append(out, agentRows(ex.PopularAgents, "Popular agents")...)
	out = append(out, tagRows(ex.TrendingHashtags, "Trending hashtags")...)
	return out
}

// reload reads l's first page again; nil when there is nothing to read.
func (m *Model) reload(l *list) tea.Cmd {
	if m.sectionOf(l) == sectionSearch && m.search.query() == "" {
		m.showHistory()
		return nil
	}
	p := m.pagerFor(l)
	if p == nil {
		return nil
	}
	l.gen++
	l.loading, l.err = true, nil
	l.more, l.moreErr = false, nil
	ctx := m.ctx
	if m.sectionOf(l) == sectionSearch {
		ctx = m.search.begin(m.ctx)
	}
	return readPage(ctx, l, l.gen, "", p)
}

// fetchMore reads the page after the last loaded one, when there is one
// and none is in flight.
func (m *Model) fetchMore(l *list) tea.Cmd {
	if !l.hasMore || l.next == "" || l.more || l.loading {
		return nil
	}
	p := m.pagerFor(l)
	if p == nil {
		return nil
	}
	l.more, l.moreErr = true, nil
	ctx := m.ctx
	if m.sectionOf(l) == sectionSearch {
		ctx = m.search.ctx(m.ctx)
	}
	return readPage(ctx, l, l.gen, l.next, p)
}

// maybeMore pages on when the cursor nears the last row.
func (m *Model) maybeMore(l *list) tea.Cmd {
	if len(l.vis)-1-l.win.Cursor >= nearEnd {
		return nil
	}
	return m.fetchMore(l)
}

// readPage is the Cmd reading one page.
func readPage(ctx context.Context, l *list, gen int, cursor string, p pager) tea.Cmd {
	return func() tea.Msg {
		rows, next, more, err := p(ctx, cursor)
		return pageMsg{l: l, gen: gen, cursor: cursor, rows: rows, next: next, hasMore: more, err: err}
	}
}

// gotPage takes a page in.
func (m *Model) gotPage(msg pageMsg) tea.Cmd {
	l := msg.l
	if msg.gen != l.gen {
		return nil
	}
	for _, r := range msg.rows {
		r.ver = m.bump()
	}
	if msg.cursor != "" {
		if msg.cursor != l.next {
			return nil
		}
		l.more = false
		if msg.err != nil {
			l.moreErr = msg.err
			return nil
		}
		l.add(msg.rows)
		if m.isThread(l) {
			m.thread(l) // a reply on this page goes under its parent
		}
		l.next, l.hasMore = msg.next, msg.hasMore
		return nil
	}
	l.loading = false
	if msg.err != nil {
		l.err = msg.err
		return nil
	}
	l.err = nil
	thread := m.isThread(l)
	if thread {
		msg.rows = append([]*row{m.byteView.top}, msg.rows...)
	}
	l.replace(msg.rows)
	if thread {
		m.thread(l)
	}
	l.loaded, l.at = true, m.clock()
	l.next, l.hasMore = msg.next, msg.hasMore
	return m.maybeMore(l)
}
