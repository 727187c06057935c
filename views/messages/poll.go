package messages

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Refresh implements ui.Pane: one Cmd that reads the unread count (always:
// it is the cheap endpoint), then the conversation list when the count
// changed, when the list was never loaded or is marked dirty, when the pane
// is focused and the list is older than listMaxAge, or on a manual refresh;
// then the open conversation's newest page; and last, when all of that
// succeeded (the client is online), one outbox step.
// The root calls ForceRefresh before a manual refresh (the r key).
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.src == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	now := m.clock()
	manual := m.forced
	m.forced = false
	l := &m.list
	wantList := !l.loaded || l.dirty || manual || (m.focused && now.Sub(l.at) >= listMaxAge)
	lastUnread := m.unread
	var threadID string
	var threadGen int
	if t := m.open; t != nil && t.loaded && !t.loading {
		threadID, threadGen = t.convID, t.gen
	}
	plan := m.planStep("")
	res := polledMsg{readGen: m.readGen, threadID: threadID, threadGen: threadGen}
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
		res.unread, res.unreadErr = src.Unread(ctx)
		if res.unreadErr != nil {
			return res
		}
		if wantList || res.unread != lastUnread {
			res.listAsked = true
			res.list, res.listErr = src.List(ctx, &api.ListOptions{Limit: pageSize})
		}
		if threadID != "" {
			res.page, res.pageErr = src.Messages(ctx, threadID, &api.ListOptions{Limit: pollSize})
		}
		if plan != nil && res.listErr == nil && res.pageErr == nil {
			var page *api.Page[api.Message]
			if threadID == plan.entry.ConvID {
				page = res.page
			}
			step := plan.run(ctx, src, page)
			res.step = &step
		}
		return res
	}
}

// polled applies a poll's result. Counts read before a mark-read that
// happened since are not trusted (readGen): the local count stays until
// the next poll.
func (m *Model) polled(msg polledMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.unreadErr == nil && msg.readGen == m.readGen {
		m.unread = msg.unread
	}
	if msg.listAsked {
		switch {
		case msg.listErr != nil:
			m.list.err = msg.listErr
		case msg.list != nil:
			m.firstListPage(msg.list, msg.readGen)
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
	}
	if msg.stepPlanID != "" {
		if msg.step != nil {
			cmds = append(cmds, m.stepDone(*msg.step))
		} else {
			cmds = append(cmds, m.stepSkipped(msg.stepPlanID))
		}
	}
	cmds = append(cmds, m.markOpenRead())
	return tea.Batch(cmds...)
}

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

// ForceRefresh makes the next Refresh fetch the conversation list too, not
// only the cheap count: the root calls it for a manual refresh.
func (m *Model) ForceRefresh() { m.forced = true }
