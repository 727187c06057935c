package notifications

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// entry is one notification held by the pane; ver is bumped on every
// change and is part of the render cache key.
type entry struct {
	n   api.Notification
	ver int
	// fold is the row's text as the `/` filter compares it (query.go).
	fold views.Folded
}

// list is every notification loaded, newest first, and the paging state.
type list struct {
	entries []*entry
	byID    map[string]*entry
	next    string // cursor of the next (older) page
	hasMore bool
	loaded  bool  // a first page arrived
	more    bool  // the next page is in flight
	moreErr error // the next page failed; retried on the next move
	gen     int   // bumped when entries are replaced; drops stale pages
	chain   int   // pages fetched since the last key press
}

func newList() list { return list{byID: map[string]*entry{}} }

// unreadLoaded counts the unread notifications loaded.
func (l *list) unreadLoaded() int {
	n := 0
	for _, e := range l.entries {
		if !e.n.Read {
			n++
		}
	}
	return n
}

// reset replaces every entry with items; a page in flight belongs to the
// old list and its answer is dropped.
func (l *list) reset(items []api.Notification, next string, hasMore bool) {
	l.entries = l.entries[:0:0]
	l.byID = make(map[string]*entry, len(items))
	l.add(items)
	l.next, l.hasMore = next, hasMore
	l.gen++
	l.more, l.moreErr = false, nil
}

// add appends the items not already listed.
func (l *list) add(items []api.Notification) {
	for _, n := range items {
		if n.ID == "" || l.byID[n.ID] != nil {
			continue
		}
		e := &entry{n: n}
		l.byID[n.ID] = e
		l.entries = append(l.entries, e)
	}
}

// update refreshes e with the server's copy, bumping its version only
// when something shown changed (a poll that brings nothing new must not
// re-render).
func (e *entry) update(n api.Notification) {
	if !sameShown(&e.n, &n) {
		e.ver++
	}
	e.n = n
}

// sameShown compares what a row shows.
func sameShown(a, b *api.Notification) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Read == b.Read &&
		a.CreatedAt.Equal(b.CreatedAt) && a.Actor.Name == b.Actor.Name &&
		a.Actor.Handle == b.Actor.Handle && a.Actor.Verified == b.Actor.Verified &&
		a.PostID == b.PostID && a.CommentID == b.CommentID &&
		a.Snippet == b.Snippet && a.Message == b.Message
}

// firstPage merges a freshly fetched first page. On a first load it simply
// shows; otherwise the notifications above the newest one already listed
// are inserted at the top, the selected row staying where it is, and the
// rest refresh their read state. A page that does not reach what is listed
// (more new ones than a page holds) replaces the list.
func (m *Model) firstPage(page *api.Page[api.Notification]) tea.Cmd {
	l := &m.list
	items := make([]api.Notification, 0, len(page.Items))
	for _, n := range page.Items {
		if n.ID == "" {
			continue
		}
		if m.marking[n.ID] > 0 {
			n.Read = true // a mark in flight wins over a list asked before it
		}
		items = append(items, n)
	}
	if !l.loaded || len(l.entries) == 0 {
		l.loaded = true
		l.reset(items, page.NextCursor, page.HasMore)
		m.refilter(false)
		return m.maybeMore()
	}
	var fresh []api.Notification
	connected := false
	for _, n := range items {
		if e := l.byID[n.ID]; e != nil {
			connected = true
			e.update(n)
			continue
		}
		if !connected {
			fresh = append(fresh, n)
		}
	}
	if !connected {
		l.reset(items, page.NextCursor, page.HasMore)
		m.refilter(true)
		return nil
	}
	if len(fresh) == 0 {
		m.refilter(true)
		return nil
	}
	added := make([]*entry, 0, len(fresh)+len(l.entries))
	for _, n := range fresh {
		e := &entry{n: n}
		l.byID[n.ID] = e
		added = append(added, e)
	}
	l.entries = append(added, l.entries...)
	m.refilter(true)
	return nil
}

// fetchMore returns the Cmd that fetches the page after the oldest loaded
// notification, or nil when there is none or one is already in flight.
func (m *Model) fetchMore() tea.Cmd {
	l := &m.list
	if m.src == nil || !l.hasMore || l.next == "" || l.more {
		return nil
	}
	l.more, l.moreErr = true, nil
	ctx, src, gen, cursor := m.ctx, m.src, l.gen, l.next
	return func() tea.Msg {
		page, err := src.List(ctx, &api.ListOptions{Cursor: cursor})
		return moreMsg{gen: gen, cursor: cursor, page: page, err: err}
	}
}

// nextPage appends a page fetched by fetchMore; under a filter that hid
// all of it, the next one follows (a few at most without a key press).
func (m *Model) nextPage(msg moreMsg) tea.Cmd {
	l := &m.list
	if msg.gen != l.gen || msg.cursor != l.next {
		return nil
	}
	l.more = false
	if msg.err != nil {
		l.moreErr = msg.err
		return nil
	}
	if msg.page == nil {
		return nil
	}
	l.add(msg.page.Items)
	l.next, l.hasMore = msg.page.NextCursor, msg.page.HasMore
	m.refilter(true)
	l.chain++
	if l.chain > maxChain {
		return nil
	}
	return m.maybeMore()
}

// maybeMore fetches the next page when the cursor is near the last row.
func (m *Model) maybeMore() tea.Cmd {
	if len(m.vis)-1-m.win.Cursor >= nearEnd {
		return nil
	}
	return m.fetchMore()
}

// selected is the notification under the cursor, if any.
func (m *Model) selected() *entry {
	if len(m.vis) == 0 {
		return nil
	}
	return m.vis[min(m.win.Cursor, len(m.vis)-1)]
}
