package market

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// An order's thread is read as a conversation's is (views/messages): the
// newest page when the order opens and on every live refresh, merged by
// message ID; the page before the oldest loaded message when the operator
// scrolls up to the top of the thread, put above it without moving what
// is on screen. A thread of any length thus shows its newest messages
// first and every message once.

// threadPage is how many messages one read brings (the API's maximum).
const threadPage = 100

// newThread is an empty thread of order messages.
func newThread() views.Pages[api.OrderMessage] {
	return views.NewPages(func(m *api.OrderMessage) string { return m.ID },
		func(m *api.OrderMessage) time.Time { return m.CreatedAt })
}

// readNewest reads the newest page of order id's thread.
func readNewest(ctx context.Context, src Source, id string) func() threadMsg {
	return func() threadMsg {
		page, err := src.OrderMessages(ctx, id, &api.ListOptions{Limit: threadPage})
		return threadMsg{id: id, page: page, err: err}
	}
}

// fetchThread reads the open order's newest messages (one GET).
func (m *Model) fetchThread() tea.Cmd {
	if m.open == nil || m.src == nil {
		return nil
	}
	read := readNewest(m.ctx, m.src, m.open.id)
	return func() tea.Msg { return read() }
}

// fetchOlder reads the page before the oldest loaded message, unless
// there is none or it is on its way.
func (m *Model) fetchOlder() tea.Cmd {
	s := m.open
	if s == nil || m.src == nil {
		return nil
	}
	req, ok := s.thread.StartOlder()
	if !ok {
		return nil
	}
	s.ver++ // "loading older messages…"
	// The operator asked for it: an interactive read, which waits for the
	// client's budget rather than failing at once as a poll does.
	ctx, src, id := m.ctx, m.src, s.id
	return func() tea.Msg {
		page, err := src.OrderMessages(ctx, id, &api.ListOptions{Limit: threadPage, Cursor: req.Cursor})
		return threadMsg{id: id, page: page, err: err, older: &req}
	}
}

// scrolledUp reads older messages when scrolling up (a line or a page;
// not the jump to the top, which goes to the order's facts) leaves the
// top of the thread on screen.
func (m *Model) scrolledUp(msg tea.KeyPressMsg, height int) tea.Cmd {
	lk, s := m.keys.List, m.open
	if !key.Matches(msg, lk.Up, lk.PageUp) || !s.thread.HasOlder {
		return nil
	}
	body := m.body()
	off := max(min(s.off, len(body)-height), 0)
	if s.threadTop < off || s.threadTop >= off+height {
		return nil
	}
	return m.fetchOlder()
}

// threaded applies a thread read: the newest page, or an older one.
func (m *Model) threaded(msg threadMsg) {
	s := m.open
	if s == nil || s.id != msg.id {
		return
	}
	if msg.older != nil {
		m.olderArrived(msg)
		return
	}
	if msg.err != nil {
		if s.msgsErr == nil {
			s.ver++
		}
		s.msgsErr = msg.err
		return
	}
	if msg.page == nil {
		return
	}
	changed := s.thread.Newest(msg.page, sameMessage)
	if changed || s.msgsErr != nil {
		s.msgsErr = nil
		s.ver++
	}
}

// olderArrived puts an older page above the thread. When the top of the
// thread is on screen or above it, the view moves down by what was
// added, so the messages on screen stay where they were.
func (m *Model) olderArrived(msg threadMsg) {
	s := m.open
	before := m.body()
	top := s.threadTop
	s.thread.Older(*msg.older, msg.page, msg.err)
	s.ver++
	after := m.body()
	if top < s.off+max(m.height-1, 1) {
		s.off = max(s.off+len(after)-len(before), 0)
	}
}

// sameMessage compares what the screen shows of a message.
func sameMessage(a, b *api.OrderMessage) bool {
	return a.Content == b.Content && a.Sender.Handle == b.Sender.Handle && a.Sender.Name == b.Sender.Name &&
		a.CreatedAt.Equal(b.CreatedAt) && len(a.Attachments) == len(b.Attachments)
}
