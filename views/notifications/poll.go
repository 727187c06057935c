package notifications

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Refresh implements ui.Pane: one Cmd that asks for the unread count and
// then, only when needed, the first page of the list: when the count moved
// since the list was last fetched, when the list was never loaded, when the
// pane is on screen and its list is older than 30 s, or after
// ForceRefresh. An idle poll is thus one cheap request. Polls are
// background requests (api.Background): one attempt, no retries.
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.src == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	ctx = api.Background(ctx)
	need := m.force || !m.list.loaded || (m.focused && m.clock().Sub(m.listAt) >= staleList)
	m.force = false
	src, since, gen := m.src, m.listCount, m.markGen
	return func() tea.Msg {
		msg := pollMsg{markGen: gen}
		msg.count, msg.countErr = src.Count(ctx)
		switch {
		case msg.countErr == nil:
			need = need || msg.count != since
		case hopeless(msg.countErr):
			return msg
		}
		if !need {
			return msg
		}
		msg.listed = true
		msg.page, msg.listErr = src.List(ctx, &api.ListOptions{})
		return msg
	}
}

// hopeless reports whether a failed count means the list would fail too
// (offline, rate limited, signed out), so it is not asked for.
func hopeless(err error) bool {
	var rl *api.RateLimitError
	return errors.Is(err, api.ErrOffline) || errors.Is(err, api.ErrUnauthorized) || errors.As(err, &rl)
}

// polled applies a poll. The count is trusted only when no mark happened
// since the poll started (it may predate the mark).
func (m *Model) polled(msg pollMsg) tea.Cmd {
	if msg.countErr == nil && msg.markGen == m.markGen {
		m.unread, m.countKnown = msg.count, true
	}
	m.err = msg.Err()
	if !msg.listed {
		return nil
	}
	if msg.listErr != nil {
		m.listCount = -1 // try the list again on the next poll
		return nil
	}
	m.listAt = m.clock()
	m.listCount = -1
	if m.countKnown {
		m.listCount = m.unread
	}
	if msg.page == nil {
		return nil
	}
	return m.firstPage(msg.page)
}
