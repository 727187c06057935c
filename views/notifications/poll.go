package notifications

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Refresh implements ui.Pane: one Cmd that asks for the unread count and
// then, only while the pane is on screen and only when needed, the first
// page of the list: when the count moved since the list was last fetched,
// when the list was never loaded (or its last fetch failed), when it is
// older than 30 s, or after ForceRefresh. Off screen a poll is the count
// alone, whatever it says: the badge moves at once, and the list, now
// behind, is fetched when the pane comes into view (Outdated). An idle
// poll is thus one cheap request. Polls are background requests
// (api.Background): one attempt, no retries.
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.src == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	ctx = api.Background(ctx)
	onScreen := m.focused
	need := m.force || (onScreen && (!m.list.loaded || m.clock().Sub(m.listAt) >= staleList))
	m.force = false
	src, since, gen := m.src, m.listCount, m.markGen
	return func() tea.Msg {
		msg := pollMsg{markGen: gen}
		msg.count, msg.countErr = src.Count(ctx)
		switch {
		case msg.countErr == nil:
			need = need || (onScreen && msg.count != since)
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
	cmd := m.firstPage(msg.page)
	if m.jumpWanted {
		m.jumpWanted = false
		cmd = tea.Batch(cmd, m.jump())
	}
	return cmd
}

// Outdated reports whether the list is behind what the pane knows: never
// loaded, its last fetch failed, or the unread count moved since it was
// fetched (off screen, polls read the count only); or a jump to the
// newest unread waits for it. The root then fetches the pane as soon as
// it comes into view, however recently its count was polled.
func (m *Model) Outdated() bool { return m.behind() || m.jumpWanted }

// behind reports whether the loaded list may not hold what the count says.
func (m *Model) behind() bool {
	if m.src == nil {
		return false
	}
	return !m.list.loaded || m.listCount < 0 || (m.countKnown && m.unread != m.listCount)
}
