package messages

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// convEntry is one conversation held by the pane; ver is bumped on every
// change and is part of the render cache key.
type convEntry struct {
	c   api.Conversation
	ver int
	// fold is the row's text as the `/` filter compares it (filter.go).
	fold views.Folded
}

// convList is the conversation list, most recently active first.
type convList struct {
	entries []*convEntry
	ids     map[string]*convEntry
	next    string // cursor of the next page
	hasMore bool
	loaded  bool      // a first page arrived
	at      time.Time // when the first page last arrived
	err     error     // the last refresh of the list failed (data kept)
	more    bool      // the next page is in flight
	moreErr error     // the next page failed; retried on the next move
	gen     int       // bumped when entries are replaced; drops stale pages
	dirty   bool      // something changed that the next poll should fetch
	win     views.Window
	filter  views.Filter // the `/` filter (filter.go)
	// first holds the conversations of the first page last read on
	// screen; beyond is the unread messages in conversations past it,
	// known (beyondKnown) when the count was read with that page.
	first       map[string]bool
	beyond      int
	beyondKnown bool
}

// recency is when a conversation was last active.
func recency(c *api.Conversation) time.Time {
	if c.LastMessage != nil && !c.LastMessage.CreatedAt.IsZero() {
		return c.LastMessage.CreatedAt
	}
	return c.UpdatedAt
}

// sameConv compares what a conversation row shows, so a poll that brings
// nothing new renders nothing again.
func sameConv(a, b *api.Conversation) bool {
	if a.UnreadCount != b.UnreadCount || !a.UpdatedAt.Equal(b.UpdatedAt) ||
		a.Participant.Name != b.Participant.Name || a.Participant.Handle != b.Participant.Handle ||
		a.Participant.Verified != b.Participant.Verified || (a.LastMessage == nil) != (b.LastMessage == nil) {
		return false
	}
	if a.LastMessage == nil {
		return true
	}
	x, y := a.LastMessage, b.LastMessage
	return x.ID == y.ID && x.Content == y.Content && x.CreatedAt.Equal(y.CreatedAt) && x.SenderID == y.SenderID
}

// sameAgent compares what a thread shows of an agent.
func sameAgent(a, b *api.Agent) bool {
	return a.ID == b.ID && a.Handle == b.Handle && a.Name == b.Name && a.Verified == b.Verified
}

// selectedConv is the conversation under the cursor, if any.
func (m *Model) selectedConv() *convEntry {
	l := &m.list
	if len(l.entries) == 0 {
		return nil
	}
	i := l.win.Cursor
	if l.filter.Active() {
		// The one under the filter's cursor, even while the query is
		// typed (the list's own selection is then kept aside for esc).
		var ok bool
		if i, ok = l.filter.Selected(); !ok {
			return nil
		}
	}
	return l.entries[min(i, len(l.entries)-1)]
}

// byHandle finds the conversation with an agent.
func (m *Model) byHandle(handle string) *convEntry {
	for _, e := range m.list.entries {
		if strings.EqualFold(e.c.Participant.Handle, handle) {
			return e
		}
	}
	return nil
}

// upsert adds or refreshes one conversation without re-sorting.
func (m *Model) upsert(c api.Conversation) *convEntry {
	l := &m.list
	if t, ok := m.threads[c.ID]; ok && c.Participant.Handle != "" && !sameAgent(&t.peer, &c.Participant) {
		// The thread draws the agent's name: renderings made with the old
		// one go.
		t.peer = c.Participant
		m.cache.Clear()
	}
	if e, ok := l.ids[c.ID]; ok {
		if !sameConv(&e.c, &c) {
			e.c = c
			e.ver++
		}
		return e
	}
	e := &convEntry{c: c}
	l.ids[c.ID] = e
	l.entries = append(l.entries, e)
	return e
}

// sortList orders the list most recent first, keeping the cursor on the
// conversation it was on.
func (m *Model) sortList() {
	l := &m.list
	sel := m.selectedConv()
	slices.SortStableFunc(l.entries, func(a, b *convEntry) int {
		return recency(&b.c).Compare(recency(&a.c))
	})
	if sel != nil {
		if i := slices.Index(l.entries, sel); i >= 0 {
			l.win.Cursor = i
		}
	}
}

// firstListPage merges the newest page of conversations. Conversations
// inside the span the page covers but missing from it are gone (deleted
// here or by the other agent). reqGen is the readGen when the request
// left: a conversation marked read since then keeps its count at zero, as
// the page may predate the mark-read.
func (m *Model) firstListPage(page *api.Page[api.Conversation], reqGen int) {
	l := &m.list
	l.loaded, l.at, l.err, l.dirty = true, m.clock(), nil, false
	seen := make(map[string]bool, len(page.Items))
	var oldest time.Time
	for i, c := range page.Items {
		if c.ID == "" {
			continue
		}
		if m.readAt[c.ID] > reqGen {
			c.UnreadCount = 0
		}
		seen[c.ID] = true
		m.upsert(c)
		if t := recency(&page.Items[i]); oldest.IsZero() || t.Before(oldest) {
			oldest = t
		}
	}
	kept := l.entries[:0]
	for _, e := range l.entries {
		gone := !seen[e.c.ID] && (!page.HasMore || !recency(&e.c).Before(oldest))
		if gone {
			delete(l.ids, e.c.ID)
			continue
		}
		kept = append(kept, e)
	}
	clear(l.entries[len(kept):])
	l.entries = kept
	if l.next == "" || !l.hasMore {
		l.next, l.hasMore = page.NextCursor, page.HasMore
	}
	m.sortList()
}

// fetchList returns the Cmd that fetches a page of conversations outside a
// poll: the first page (cursor "") or the next one.
func (m *Model) fetchList(cursor string) tea.Cmd {
	if m.src == nil {
		return nil
	}
	ctx, src, gen := m.ctx, m.src, m.list.gen
	return func() tea.Msg {
		page, err := src.List(ctx, &api.ListOptions{Limit: pageSize, Cursor: cursor})
		return listMsg{gen: gen, cursor: cursor, page: page, err: err}
	}
}

// fetchMoreList fetches the next page of conversations, if any.
func (m *Model) fetchMoreList() tea.Cmd {
	l := &m.list
	if m.src == nil || !l.hasMore || l.next == "" || l.more {
		return nil
	}
	l.more, l.moreErr = true, nil
	return m.fetchList(l.next)
}

// maybeMoreList fetches the next page when the cursor nears the end.
func (m *Model) maybeMoreList() tea.Cmd {
	l := &m.list
	if len(l.entries)-1-l.win.Cursor >= nearEdge {
		return nil
	}
	return m.fetchMoreList()
}

// listLoaded handles a page fetched by fetchList.
func (m *Model) listLoaded(msg listMsg) tea.Cmd {
	l := &m.list
	if msg.cursor == "" {
		if msg.err != nil {
			l.err = msg.err
			if m.want == "" {
				return nil
			}
			m.want = ""
			return views.Failed("couldn't read the conversations to open", msg.err)
		}
		if msg.page != nil {
			m.firstListPage(msg.page, m.readGen)
		}
		return m.resolveWant()
	}
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
	for _, c := range msg.page.Items {
		if c.ID != "" {
			m.upsert(c)
		}
	}
	l.next, l.hasMore = msg.page.NextCursor, msg.page.HasMore
	m.sortList()
	if m.preview {
		// A preview reads on until it finds its conversation.
		return m.resolveWant()
	}
	return nil
}

// forgetConversation removes a deleted conversation from the list, its
// thread and its unsent messages.
func (m *Model) forgetConversation(id string) {
	l := &m.list
	if e, ok := l.ids[id]; ok {
		delete(l.ids, id)
		if i := slices.Index(l.entries, e); i >= 0 {
			l.entries = slices.Delete(l.entries, i, i+1)
			if i < l.win.Cursor {
				l.win.Cursor--
			}
			if i < l.win.Top {
				l.win.Top--
			}
		}
		m.unread = max(m.unread-e.c.UnreadCount, 0)
	}
	if m.open != nil && m.open.convID == id {
		m.open = nil
	}
	delete(m.threads, id)
}
