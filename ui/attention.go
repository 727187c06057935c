package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The attention system: badges come from each pane's Badge (driven by the
// cheap count endpoints); when one grows while the operator looks
// elsewhere, the terminal is told; the attention key jumps to the next pane
// with something unread.

// attentive is implemented by panes whose badge can ask for attention.
type attentive interface {
	// NotifyText summarises the newest unread item for a terminal
	// notification (plain text); a pane whose list is behind its count
	// (hidden panes do not fetch lists) says how many are unread.
	NotifyText() string
	// JumpToUnread moves the pane's cursor to its newest unread item. It
	// is called right after the pane is brought into view; a pane whose
	// list is behind waits for the list that coming into view fetches.
	JumpToUnread() tea.Cmd
}

// unreadStepper is implemented by panes whose unread items are read by
// opening them (the conversations of Messages, as the rooms of a chat
// client): the attention key pressed on such a pane opens the next unread
// one below the cursor before it leaves for another pane, so pressing it
// again and again reads everything new, pane by pane. (A notification is
// read at a glance and stays unread until opened or marked: walking them
// would only be j, so Notifications is left for the next pane.)
type unreadStepper interface {
	// NextUnread moves the cursor to the next unread item below it (and
	// shows it, where the pane's jump would). It reports false, having
	// changed nothing, when no unread item lies below the cursor.
	NextUnread() (tea.Cmd, bool)
}

// jumper is implemented by panes that can put their cursor on their
// newest unread item (every attentive pane, and the Feed, whose new posts
// are news too but not worth a terminal notification each).
type jumper interface{ JumpToUnread() tea.Cmd }

// alerter is implemented by panes whose badge is not a simple unread count
// (Jobs shows running jobs, yet a job finishing is the news): Alerts counts
// the events worth telling the operator about, and only ever grows.
type alerter interface{ Alerts() int }

// signal is what noticeBadges watches for growth: Alerts when the pane has
// it, else its badge.
func signal(p Pane) int {
	if a, ok := p.(alerter); ok {
		return a.Alerts()
	}
	return p.Badge()
}

// noticeBadges compares badges before and after a message and notifies the
// terminal when one grew for a pane the operator is not looking at.
func (m *Model) noticeBadges(before [paneCount]int) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range m.order {
		now := signal(m.panes[id])
		grew := now > before[id]
		m.signals[id] = now
		if !m.badgeKnown[id] {
			// The first count after start is what was waiting, not news.
			m.badgeKnown[id] = !m.poll[id].lastOK.IsZero()
			continue
		}
		if !grew || (!m.termBlur && id == m.focus) {
			continue
		}
		a, ok := m.panes[id].(attentive)
		if !ok {
			continue
		}
		if seq := m.notify.sequence(m.now(), id.String(), a.NotifyText()); seq != "" {
			m.opts.Logger.Debug("terminal notification", "pane", id.String())
			cmds = append(cmds, tea.Raw(seq))
		}
		if cmd := m.sayAlert(id, a); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// sayAlert puts the news of an alerter pane (a job finished or failed, an
// order came to need the operator) on the status line when the operator
// is looking at another pane: its badge counts what runs or waits, so it
// may not move when the news comes, and a terminal notification is not
// seen by one looking at the screen. A warning or an error on the line
// is left to be read.
func (m *Model) sayAlert(id PaneID, a attentive) tea.Cmd {
	if _, ok := m.panes[id].(alerter); !ok || id == m.focus || (m.status.text != "" && m.status.level != levelInfo) {
		return nil
	}
	text := a.NotifyText()
	if text == "" {
		return nil
	}
	return m.status.set(levelInfo, text+" · "+m.keys.Global.Panes[id].Help().Key+" shows it", 6*time.Second)
}

// jumpToAttention opens the next unread item below the cursor in the
// focused pane (Messages), or else focuses the next pane, after the focused one, that
// has something unread and moves its cursor there; the focused pane's
// newest unread item comes last, so the key walks round. With nothing
// unread anywhere it says so.
func (m *Model) jumpToAttention() tea.Cmd {
	if s, ok := m.panes[m.focus].(unreadStepper); ok && m.panes[m.focus].Badge() > 0 {
		if cmd, moved := s.NextUnread(); moved {
			// The item is in the pane's list: close the screens stacked
			// over it, or the move would land out of sight.
			m.stacks[m.focus] = nil
			return cmd
		}
	}
	n := len(m.order)
	at := 0
	for i, id := range m.order {
		if id == m.focus {
			at = i
		}
	}
	for step := 1; step <= n; step++ {
		id := m.order[(at+step)%n]
		if m.panes[id].Badge() == 0 {
			continue
		}
		// The unread item is in the pane's list: close the screens stacked
		// over it, or the jump would land out of sight.
		m.stacks[id] = nil
		cmd := m.focusPane(id)
		if j, ok := m.panes[id].(jumper); ok {
			cmd = tea.Batch(cmd, j.JumpToUnread())
		}
		return cmd
	}
	return m.status.set(levelInfo, "nothing unread", 0)
}

// routeOpen sends another pane's request to open something to the pane
// that shows such things, and focuses it.
func (m *Model) routeOpen(target PaneID, msg tea.Msg) tea.Cmd {
	if m.panes[target] == nil {
		return m.status.set(levelInfo, target.String()+" is not available in this version yet", 0)
	}
	return tea.Batch(m.focusPane(target), m.panes[target].Update(msg))
}

// openTarget names the pane that handles an Open*Msg.
func openTarget(msg tea.Msg) (PaneID, bool) {
	switch msg.(type) {
	case views.OpenPostMsg, views.OpenProfileMsg:
		return FeedPane, true
	case views.OpenConversationMsg:
		return MessagesPane, true
	case views.OpenOrderMsg:
		// The order's screen (thread, composer, actions) is the Market's.
		return MarketPane, true
	}
	return 0, false
}
