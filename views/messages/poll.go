package messages

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Refresh implements ui.Pane: one Cmd, whose requests depend on whether
// the pane is on screen.
//
// Off screen it reads the unread count only, the cheap endpoint that moves
// the badge; a count that moved marks the list behind (Outdated), and the
// root fetches it when the pane comes into view. The list and the open
// conversation are never read off screen.
//
// On screen it reads the conversation list only, because the list carries
// every number the pane shows: each conversation's unreadCount (the rows,
// and the badge as their sum) and lastMessage (the previews, and whether
// the open conversation has news). So an idle poll is one request, with or
// without a conversation open. The open conversation's newest page is read
// only when its lastMessage in the list is not the newest message the
// thread holds, when the list was marked dirty, when its last read failed,
// or on a manual refresh. The unread count is read too only when the
// conversations do not fit on the first page and which ones are on it
// changed (or the unread count beyond it is not known yet): it measures the
// unread messages past the first page.
//
// Last, when all of that succeeded (the client is online), one outbox step
// runs. The root calls ForceRefresh before a manual refresh (the r key).
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.src == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	manual := m.forced
	m.forced = false
	l := &m.list
	res := polledMsg{readGen: m.readGen, onScreen: m.focused}
	var newest string
	var readThread bool
	if t := m.open; m.focused && t != nil && t.loaded && !t.loading {
		res.threadID, res.threadGen = t.convID, t.gen
		newest = newestID(t)
		readThread = manual || l.dirty || t.err != nil
		res.seenID = m.unseenNewest(t)
	}
	first, beyondKnown := l.first, l.beyondKnown
	plan := m.planStep("")
	if plan != nil {
		res.stepPlanID = plan.entry.ID
		if e := m.box.find(plan.entry.ID); e != nil {
			e.quiet = true
		}
	}
	ctx = api.Background(ctx)
	src := m.src
	return func() tea.Msg {
		res := res
		if !res.onScreen {
			res.unreadAsked = true
			res.unread, res.unreadErr = src.Unread(ctx)
			if res.unreadErr != nil {
				return res
			}
		} else {
			res.listAsked = true
			res.list, res.listErr = src.List(ctx, &api.ListOptions{Limit: pageSize})
			if res.listErr != nil || res.list == nil {
				return res
			}
			if res.list.HasMore && (!beyondKnown || !samePage(res.list, first)) {
				res.unreadAsked = true
				res.unread, res.unreadErr = src.Unread(ctx)
			}
			switch {
			case res.threadID != "" && (readThread || moved(res.list, res.threadID, newest)):
				res.page, res.pageErr = src.Messages(ctx, res.threadID, &api.ListOptions{Limit: pollSize})
			case res.seenID != "":
				res.seen, _ = src.Message(ctx, res.seenID)
			}
		}
		if plan != nil && res.Err() == nil {
			var page *api.Page[api.Message]
			if res.threadID == plan.entry.ConvID {
				page = res.page
			}
			step := plan.run(ctx, src, page)
			res.step = &step
		}
		return res
	}
}

// newestID is the ID of the newest message a thread holds ("" if none).
func newestID(t *thread) string {
	if len(t.msgs) == 0 {
		return ""
	}
	return t.msgs[len(t.msgs)-1].m.ID
}

// moved reports whether the list says conversation id has a newest
// message other than newest. A conversation missing from the first page
// has had no new message: one would have brought it to the top.
func moved(page *api.Page[api.Conversation], id, newest string) bool {
	for _, c := range page.Items {
		if c.ID == id {
			return c.LastMessage != nil && c.LastMessage.ID != newest
		}
	}
	return false
}

// samePage reports whether a first page holds exactly the conversations
// of first.
func samePage(page *api.Page[api.Conversation], first map[string]bool) bool {
	if len(page.Items) != len(first) {
		return false
	}
	for _, c := range page.Items {
		if !first[c.ID] {
			return false
		}
	}
	return true
}

// polled applies a poll's result. Counts read before a mark-read that
// happened since are not trusted (readGen): the local count stays until
// the next poll.
func (m *Model) polled(msg polledMsg) tea.Cmd {
	var cmds []tea.Cmd
	if !msg.onScreen && msg.unreadErr == nil && msg.readGen == m.readGen {
		if msg.unread != m.unread {
			// The list on screen no longer matches the badge: it is
			// read when the pane comes into view.
			m.list.dirty, m.list.beyondKnown = true, false
		}
		m.unread = msg.unread
	}
	if msg.listAsked {
		switch {
		case msg.listErr != nil:
			m.list.err = msg.listErr
		case msg.list != nil:
			m.firstListPage(msg.list, msg.readGen)
			m.countFromList(msg)
			cmds = append(cmds, m.resolveWant())
		}
	}
	if t, ok := m.threads[msg.threadID]; ok && msg.threadID != "" && t.gen == msg.threadGen {
		switch {
		case msg.pageErr != nil:
			t.err = msg.pageErr
		case msg.page != nil:
			t.err = nil
			m.mergeNewest(t, msg.page)
			m.previewNewest(t)
		}
		m.seenArrived(t, msg.seen)
	}
	if msg.stepPlanID != "" {
		if msg.step != nil {
			cmds = append(cmds, m.stepDone(*msg.step))
		} else {
			cmds = append(cmds, m.stepSkipped(msg.stepPlanID))
		}
	}
	if msg.pageErr == nil {
		// Not when the thread could not be read: the operator has not
		// seen what the list counts as unread.
		cmds = append(cmds, m.markOpenRead())
	}
	return tea.Batch(cmds...)
}

// countFromList sets the badge from a list read on screen: the unread
// counts of the conversations on its first page, plus the unread messages
// known to be in conversations past it (beyond). beyond is 0 when the first
// page holds every conversation, and is measured whenever the unread count
// was read with the list. Conversations marked read since the poll left
// count 0 (firstListPage), so a mark-read in flight is not undone.
func (m *Model) countFromList(msg polledMsg) {
	l := &m.list
	first := make(map[string]bool, len(msg.list.Items))
	sum := 0
	for _, c := range msg.list.Items {
		if e, ok := l.ids[c.ID]; ok && !first[c.ID] {
			first[c.ID] = true
			sum += e.c.UnreadCount
		}
	}
	l.first = first // a new map: a poll in flight may hold the old one
	switch {
	case !msg.list.HasMore:
		l.beyond, l.beyondKnown = 0, true
	case msg.unreadAsked && msg.unreadErr == nil && msg.readGen == m.readGen:
		l.beyond, l.beyondKnown = max(msg.unread-sum, 0), true
	}
	m.unread = sum + l.beyond
}

// Outdated reports whether the conversation list is behind what the pane
// knows: never loaded, or marked dirty (the unread count moved while the
// pane was hidden, when polls read the count only); or a JumpToUnread
// waits for it. The root then fetches the pane as soon as it comes into
// view, however recently its count was polled.
func (m *Model) Outdated() bool {
	return m.src != nil && (m.listBehind() || m.want == wantUnread)
}

// listBehind reports whether the loaded list may not show what the badge
// counts.
func (m *Model) listBehind() bool { return !m.list.loaded || m.list.dirty }

// markOpenRead marks the open conversation read when new messages arrived
// in it while the operator is looking at it.
func (m *Model) markOpenRead() tea.Cmd {
	t := m.open
	if t == nil || !m.focused {
		return nil
	}
	n := t.unreadSeen
	if e, ok := m.list.ids[t.convID]; ok {
		n = max(n, e.c.UnreadCount)
	}
	if n == 0 {
		return nil
	}
	return m.markRead(t.convID, n)
}

// markRead marks a conversation read: its count and the badge drop at
// once, then the API is told. n is the number of unread messages in it.
func (m *Model) markRead(id string, n int) tea.Cmd {
	if m.preview {
		// A glance beside the list is not reading: the badge stays.
		return nil
	}
	if t, ok := m.threads[id]; ok {
		n = max(n, t.unreadSeen)
		t.unreadSeen = 0
	}
	if e, ok := m.list.ids[id]; ok {
		n = max(n, e.c.UnreadCount)
		if e.c.UnreadCount != 0 {
			e.c.UnreadCount = 0
			e.ver++
		}
	}
	if n <= 0 || m.src == nil {
		return nil
	}
	m.unread = max(m.unread-n, 0)
	m.readGen++
	m.readAt[id] = m.readGen
	ctx, src := m.ctx, m.src
	return func() tea.Msg {
		return markedReadMsg{convID: id, err: src.MarkRead(ctx, id)}
	}
}

// markedRead ends a mark-read. Polls that overlapped it are stale.
func (m *Model) markedRead(msg markedReadMsg) tea.Cmd {
	m.readGen++
	m.readAt[msg.convID] = m.readGen
	if msg.err != nil {
		m.list.dirty = true
		return views.Failed("couldn't mark the conversation read", msg.err)
	}
	return nil
}

// previewNewest shows a conversation's newest message in its list row as
// soon as its thread has it, before the list is read again.
func (m *Model) previewNewest(t *thread) {
	c, ok := m.list.ids[t.convID]
	if !ok || len(t.msgs) == 0 {
		return
	}
	newest := t.msgs[len(t.msgs)-1].m
	if last := c.c.LastMessage; last != nil && (last.ID == newest.ID || !newest.CreatedAt.After(last.CreatedAt)) {
		return
	}
	c.c.LastMessage = &newest
	if newest.CreatedAt.After(c.c.UpdatedAt) {
		c.c.UpdatedAt = newest.CreatedAt
	}
	c.ver++
	m.sortList()
}

// ForceRefresh makes the next Refresh read the open conversation too, not
// only the list: the root calls it for a manual refresh.
func (m *Model) ForceRefresh() { m.forced = true }
