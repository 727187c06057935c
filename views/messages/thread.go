package messages

import (
	"imagine/views"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// msgEntry is one message held by a thread; ver is bumped on every change
// and is part of the render cache key.
type msgEntry struct {
	m   api.Message
	ver int
	// fold is the text as the `/` filter compares it (filter.go).
	fold views.Folded
}

// row is one item of a thread on screen: a server message, or an unsent
// message of the outbox (shown after the server's).
type row struct {
	msg *msgEntry
	out *outboxEntry
}

// at is when the row's message was written.
func (r row) at() time.Time {
	if r.msg != nil {
		return r.msg.m.CreatedAt
	}
	return r.out.CreatedAt
}

// thread is one conversation's messages, oldest first.
type thread struct {
	convID   string
	peer     api.Agent // the other agent
	msgs     []*msgEntry
	ids      map[string]*msgEntry
	rows     []row
	older    string // cursor of the next older page
	hasOlder bool
	loaded   bool  // the newest page arrived
	loading  bool  // the newest page is in flight (on open)
	seeded   bool  // what shows is the memo's page until it arrives (memo.go)
	err      error // the last read of the newest page failed (data kept)
	// olderBusy and olderErr track the older page in flight.
	olderBusy bool
	olderErr  error
	gen       int // bumped when msgs are replaced; drops stale older pages
	win       views.Window
	filter    views.Filter // the `/` filter (filter.go)
	// toBottom asks the next frame to show the newest row at the bottom;
	// it is resolved in View, where the body height is known.
	toBottom bool
	// unreadSeen counts messages from the other agent that arrived unread
	// since the conversation was last marked read.
	unreadSeen int
	// newCount of the other agent's messages were unread at open; newID
	// is the first of them once placed, the divider above it; openAtNew
	// asks the first placement to start there (newmark.go).
	newCount  int
	newID     string
	newShort  bool
	openAtNew bool
}

// threadFor returns the thread of a conversation, creating it.
func (m *Model) threadFor(convID string, peer api.Agent) *thread {
	t, ok := m.threads[convID]
	if !ok {
		t = &thread{convID: convID, ids: map[string]*msgEntry{}, filter: views.NewFilter(m.styles, m.keys.List)}
		m.threads[convID] = t
		m.rebuildRows(t)
	}
	// A full agent (from the list) replaces a bare handle (from the
	// outbox), never the other way round.
	if peer.Handle != "" && (t.peer.Handle == "" || peer.Name != "") {
		t.peer = peer
	}
	return t
}

// who is the identity test for the thread's messages.
func (m *Model) who(t *thread) identity {
	return identity{me: m.me, myID: m.myID, peerID: t.peer.ID, peerHandle: t.peer.Handle}
}

// openConversation shows a conversation at its newest message, reads its
// newest page and marks it read.
func (m *Model) openConversation(e *convEntry) tea.Cmd {
	t := m.threadFor(e.c.ID, e.c.Participant)
	m.open = t
	t.toBottom = true
	t.olderErr = nil
	t.filter.Clear() // a filter is for the visit it was typed in
	if !m.preview {
		// The preview's row in the list already counts the unread; its
		// divider would cost each cursor rest a line of bytes.
		t.markNew(max(e.c.UnreadCount, t.unreadSeen))
	}
	m.seed(t, e)
	return tea.Batch(m.fetchNewest(t), m.markRead(e.c.ID, e.c.UnreadCount))
}

// closeConversation goes back to the list.
func (m *Model) closeConversation() {
	if m.open != nil {
		m.open.forgetNew()
	}
	m.open = nil
}

// fetchNewest returns the Cmd that reads a thread's newest page.
func (m *Model) fetchNewest(t *thread) tea.Cmd {
	if m.src == nil || t.loading {
		return nil
	}
	t.loading = true
	ctx, src, id, gen := m.ctx, m.src, t.convID, t.gen
	return func() tea.Msg {
		page, err := src.Messages(ctx, id, &api.ListOptions{Limit: pageSize})
		return threadMsg{convID: id, gen: gen, page: page, err: err}
	}
}

// fetchOlder returns the Cmd that reads the page before the oldest loaded
// message, or nil when there is none or one is in flight.
func (m *Model) fetchOlder(t *thread) tea.Cmd {
	if m.src == nil || !t.hasOlder || t.older == "" || t.olderBusy {
		return nil
	}
	t.olderBusy, t.olderErr = true, nil
	ctx, src, id, gen, cursor := m.ctx, m.src, t.convID, t.gen, t.older
	return func() tea.Msg {
		page, err := src.Messages(ctx, id, &api.ListOptions{Limit: pageSize, Cursor: cursor})
		return threadMsg{convID: id, gen: gen, cursor: cursor, page: page, err: err}
	}
}

// maybeOlder fetches older messages when the cursor nears the top.
func (m *Model) maybeOlder(t *thread) tea.Cmd {
	if t.win.Cursor >= nearEdge {
		return nil
	}
	return m.fetchOlder(t)
}

// threadLoaded handles a page fetched by fetchNewest or fetchOlder.
func (m *Model) threadLoaded(msg threadMsg) tea.Cmd {
	t, ok := m.threads[msg.convID]
	if !ok {
		return nil
	}
	if msg.cursor == "" {
		t.loading = false
		if msg.err != nil {
			t.err = msg.err
			return nil
		}
		t.err = nil
		if msg.page != nil {
			m.dropSeededGone(t, msg.page)
			m.keepPage(t.convID, msg.page)
			m.mergeNewest(t, msg.page)
			m.placeNew(t)
		}
		return tea.Batch(m.markOpenRead(), m.maybeOlderAfterLoad(t))
	}
	if msg.gen != t.gen || msg.cursor != t.older {
		return nil
	}
	t.olderBusy = false
	if msg.err != nil {
		t.olderErr = msg.err
		return nil
	}
	if msg.page != nil {
		m.prependOlder(t, msg.page)
		m.olderPlaced(t)
	}
	return nil
}

// maybeOlderAfterLoad fetches older messages at once when the newest page
// is all there is on screen and the cursor sits near its top.
func (m *Model) maybeOlderAfterLoad(t *thread) tea.Cmd {
	if m.open != t || len(t.rows) >= nearEdge*2 {
		return nil
	}
	return m.fetchOlder(t)
}

// sameMessage compares what a message shows.
func sameMessage(a, b *api.Message) bool {
	an, bn := "", ""
	if a.Sender != nil {
		an = a.Sender.Name
	}
	if b.Sender != nil {
		bn = b.Sender.Name
	}
	return a.Content == b.Content && a.CreatedAt.Equal(b.CreatedAt) && an == bn && a.SenderID == b.SenderID
}

// mergeNewest merges a newest page into a thread: new messages are added
// in time order (a page that does not connect to what is loaded replaces
// it, as the messages between are unknown), changed ones are refreshed.
// It returns the messages from the other agent that arrived unread.
func (m *Model) mergeNewest(t *thread, page *api.Page[api.Message]) int {
	who := m.who(t)
	// Unread messages of the first page were counted by the list and
	// marked read on opening; only later arrivals add to unreadSeen.
	counting := t.loaded
	if !t.loaded {
		t.loaded = true
		t.older, t.hasOlder = page.NextCursor, page.HasMore
	}
	connected := len(t.msgs) == 0
	var added []*msgEntry
	for _, it := range page.Items {
		if it.ID == "" {
			continue
		}
		if e, ok := t.ids[it.ID]; ok {
			connected = true
			if it.Read && !e.m.Read {
				m.seenArrived(t, &it)
			}
			if !sameMessage(&e.m, &it) {
				e.m = it
				e.ver++
			}
			continue
		}
		added = append(added, &msgEntry{m: it})
	}
	if len(added) == 0 {
		return 0
	}
	if !connected && page.HasMore {
		t.msgs, t.ids = nil, map[string]*msgEntry{}
		t.older, t.hasOlder = page.NextCursor, page.HasMore
		t.gen++
		t.olderBusy, t.olderErr = false, nil
		t.toBottom = true
	}
	fresh := 0
	inOrder := true
	for _, e := range added {
		if counting && !e.m.Read && !who.mine(&e.m) {
			fresh++
		}
		if n := len(t.msgs); n > 0 && e.m.CreatedAt.Before(t.msgs[n-1].m.CreatedAt) {
			inOrder = false
		}
		t.ids[e.m.ID] = e
		t.msgs = append(t.msgs, e)
	}
	if !inOrder {
		slices.SortStableFunc(t.msgs, func(a, b *msgEntry) int { return a.m.CreatedAt.Compare(b.m.CreatedAt) })
	}
	t.unreadSeen += fresh
	m.rebuildRows(t)
	return fresh
}

// prependOlder puts an older page above what is loaded; the view keeps
// showing the same messages at the same place.
func (m *Model) prependOlder(t *thread, page *api.Page[api.Message]) {
	var add []*msgEntry
	for _, it := range page.Items {
		if it.ID == "" || t.ids[it.ID] != nil {
			continue
		}
		e := &msgEntry{m: it}
		t.ids[it.ID] = e
		add = append(add, e)
	}
	t.older, t.hasOlder = page.NextCursor, page.HasMore
	if len(add) == 0 {
		return
	}
	t.msgs = append(add, t.msgs...)
	m.rebuildRows(t)
}

// insertMessage adds one message (the operator's, just delivered) to the
// thread of its conversation, if that thread is loaded.
func (m *Model) insertMessage(msg api.Message) {
	t, ok := m.threads[msg.ConversationID]
	if !ok || msg.ID == "" || t.ids[msg.ID] != nil {
		return
	}
	e := &msgEntry{m: msg}
	t.ids[msg.ID] = e
	t.msgs = append(t.msgs, e)
	if n := len(t.msgs); n > 1 && msg.CreatedAt.Before(t.msgs[n-2].m.CreatedAt) {
		slices.SortStableFunc(t.msgs, func(a, b *msgEntry) int { return a.m.CreatedAt.Compare(b.m.CreatedAt) })
	}
}

// removeMessage drops a deleted message from its thread, and the page
// kept of it, which still holds the message.
func (m *Model) removeMessage(convID, id string) {
	m.memo.Forget(convID)
	t, ok := m.threads[convID]
	if !ok || t.ids[id] == nil {
		return
	}
	e := t.ids[id]
	delete(t.ids, id)
	if i := slices.Index(t.msgs, e); i >= 0 {
		t.msgs = slices.Delete(t.msgs, i, i+1)
	}
	m.rebuildRows(t)
}

// rowLosesMessage puts, in the list row of a conversation whose last
// message was just deleted, the newest message its thread still holds;
// with the thread not loaded, the next poll reads the list again. The row
// once kept the deleted message until then.
func (m *Model) rowLosesMessage(convID, id string) {
	e, ok := m.list.ids[convID]
	if !ok || e.c.LastMessage == nil || e.c.LastMessage.ID != id {
		return
	}
	if t, ok := m.threads[convID]; ok && len(t.msgs) > 0 {
		last := t.msgs[len(t.msgs)-1].m
		e.c.LastMessage = &last
		e.ver++
		return
	}
	m.list.dirty = true
}

// rebuildRows lays out a thread's rows again (its messages, then its
// unsent ones) after a change, keeping the cursor and the top of the view
// on the rows they were on. A view that showed the newest row follows new
// rows to the bottom.
func (m *Model) rebuildRows(t *thread) {
	var cur, top row
	var topHeight int
	n := len(t.rows)
	atEnd := n == 0 || t.win.Cursor >= n-1
	if n > 0 {
		cur, top = t.rows[min(t.win.Cursor, n-1)], t.rows[min(t.win.Top, n-1)]
		topHeight = m.rowHeight(t, min(t.win.Top, n-1))
	}
	rows := make([]row, 0, len(t.msgs)+2)
	for _, e := range t.msgs {
		rows = append(rows, row{msg: e})
	}
	for _, o := range m.box.entries {
		if o.ConvID == t.convID {
			rows = append(rows, row{out: o})
		}
	}
	t.rows = rows
	if len(rows) == 0 {
		t.win = views.Window{}
		return
	}
	if atEnd || t.toBottom {
		t.toBottom = true
		return
	}
	if i := slices.Index(rows, cur); i >= 0 {
		t.win.Cursor = i
	}
	t.win.Cursor = min(t.win.Cursor, len(rows)-1)
	i := slices.Index(rows, top)
	if i < 0 {
		t.win.Top, t.win.Skip = min(t.win.Top, t.win.Cursor), 0
		return
	}
	t.win.Top = i
	// The top row may have gained or lost its day separator (an older
	// page from the same day arrived above it): shift by the difference so
	// the same lines stay at the same place.
	if d := m.rowHeight(t, i) - topHeight; d != 0 {
		shiftWindow(&t.win, d, func(j int) int { return m.rowHeight(t, j) })
	}
}

// shift moves the start of the view down by d lines (up when d < 0),
// within the top item and the items above it.
func shiftWindow(w *views.Window, d int, h views.HeightFunc) {
	w.Skip += d
	for w.Skip < 0 && w.Top > 0 {
		w.Top--
		w.Skip += h(w.Top)
	}
	w.Skip = max(w.Skip, 0)
}
