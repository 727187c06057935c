package market

// Stacked mode (Options.Stacked): the Model the root pushes onto a pane's
// stack when an order is opened there (a marketplace notification, the
// palette), so the tab does not change and esc comes back to where the
// operator was, as a post or a conversation opened there does. It is the
// pane's own order screen, thread, composer and actions, not a copy: the
// order is found as the pane finds one opened from elsewhere (a read of
// the newest orders), with the pane's drafts (keyed by order). What it
// does not do is what belongs to the pane: it shows one order only, and
// esc from the order closes it (the root pops it). The root polls panes,
// not the screens stacked over them, so it polls itself (stackedPoll), at
// the pane's cadence for an open order: a counterparty's message or move
// shows on it as it would in the Market.

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/views"
)

// Depth implements views.Screen: one screen, none once the order was
// left.
func (m *Model) Depth() int {
	if m.closed {
		return 0
	}
	return 1
}

// Crumbs implements views.Screen: the order, named after its service, and
// its review form when that is open.
func (m *Model) Crumbs() []string { return m.orderPath() }

// SetTrail implements views.Screen: the breadcrumb of the pane the order
// is stacked over, which the order screen's header draws first.
func (m *Model) SetTrail(trail []string) { m.trail = trail }

// ActionScopes implements views.ActionScoper: a Model stacked over
// another pane answers to the market keys, not that pane's.
func (m *Model) ActionScopes() []keymap.Scope {
	return []keymap.Scope{keymap.Scope("market"), keymap.ScopeList}
}

// headHint is the right of an order screen's header: the way back, or
// beside a list what enter does.
func (m *Model) headHint() string {
	if m.preview {
		return m.keys.List.Open.Help().Key + " opens it"
	}
	return m.keys.List.Back.Help().Key + " back"
}

// stackedPollMsg is a stacked Model's own poll tick; gen drops the ticks
// of a chain started before the last one.
type stackedPollMsg struct{ gen int }

// stackedUpdate handles what only a stacked Model gets: the first
// request for its order starts its polls, and each tick reads what the
// pane would read for an open order and arms the next.
func (m *Model) stackedUpdate(msg tea.Msg) (tea.Cmd, bool) {
	if m.preview {
		switch msg := msg.(type) {
		case views.OpenOrderMsg:
			return m.previewOpen(msg), true
		case stackedPollMsg:
			return nil, true
		case tea.KeyPressMsg:
			return m.previewKey(msg), true
		}
		return nil, false
	}
	switch msg := msg.(type) {
	case views.OpenOrderMsg:
		return tea.Batch(m.handle(msg), m.stackedPoll()), true
	case stackedPollMsg:
		if msg.gen != m.pollGen || m.closed {
			return nil, true
		}
		return tea.Batch(m.Refresh(m.ctx), m.stackedPoll()), true
	case tea.KeyPressMsg:
		return m.stackedKey(msg)
	}
	return nil, false
}

// stackedPoll arms the next poll tick.
func (m *Model) stackedPoll() tea.Cmd {
	m.pollGen++
	gen, every := m.pollGen, m.PollInterval()
	if m.open == nil {
		every = threadEvery // the order is still being found: it opens active
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return stackedPollMsg{gen: gen} })
}

// settleStacked closes a stacked Model once its order no longer shows:
// it was left with esc, or it could not be found.
func (m *Model) settleStacked() {
	if m.stacked && !m.preview && m.open == nil && m.wantOpen == "" && !m.comp.IsOpen() && m.activeForm() == nil {
		m.closed = true
	}
}

// stackedKey answers the keys a stacked order screen leaves out: the
// sections belong to the pane.
func (m *Model) stackedKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if m.open == nil {
		// Still finding the order: esc gives up.
		if key.Matches(msg, m.keys.List.Back) {
			m.wantOpen = ""
		}
		return nil, true
	}
	mk := m.keys.Market
	if !m.CapturesInput() && key.Matches(msg, mk.Money, mk.Section) {
		// Only on the order itself: in a composer or a form, S and M are
		// letters being typed.
		return views.Status(views.LevelInfo, "the Market pane (4) has the services and the money"), true
	}
	return nil, false
}

// stackedView is what a stacked Model shows while it finds its order.
func (m *Model) stackedView() string {
	head := views.Crumbs(append(append([]string(nil), m.trail...), "order"), m.headHint(),
		m.width, m.pal.title, m.pal.muted, m.pal.faint)
	return views.Rows([]string{head, m.pal.faint.Render("loading the order…")}, m.height)
}
