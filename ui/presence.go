package ui

import (
	"imagine/views"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Presence, for the sessions of `imagine serve`: the root says where its
// operator is (the conversation or order selected in Messages or Market)
// through Options.Presence whenever that changes, and shows the
// PresenceMsg it is sent back: who else is at the same place, to avoid
// two people answering the same message.

// PresenceMsg names the other operators at the same conversation or order
// as this session; empty when nobody is.
type PresenceMsg struct{ Others []string }

// placer is a pane or a stacked screen that can say which conversation or
// order the operator is at, open or selected (Here).
type placer interface{ Here() tea.Msg }

// presenceWhere is the conversation or order the operator is at: on the
// screen stacked over the focused pane, or on the pane itself; "" when it
// is nowhere that matters (a post, a list of something else). The pane is
// left out of it: a conversation stacked over Notifications is the same
// conversation as in Messages.
func (m *Model) presenceWhere() string {
	var at placer
	var top views.Screen
	if s := m.stacks[m.focus]; s != nil {
		top, _ = s.Top()
	}
	if top != nil {
		at, _ = top.(placer)
	} else {
		at, _ = m.panes[m.focus].(placer)
	}
	if at == nil {
		return ""
	}
	switch here := at.Here(); here.(type) {
	case views.OpenConversationMsg, views.OpenOrderMsg:
		return targetKey(here)
	}
	return ""
}

// reportPresence tells Options.Presence where the operator is, once per
// change.
func (m *Model) reportPresence() tea.Cmd {
	if m.opts.Presence == nil {
		return nil
	}
	where := m.presenceWhere()
	if where == m.presenceAt {
		return nil
	}
	m.presenceAt = where
	report := m.opts.Presence
	return func() tea.Msg { report(where); return nil }
}

// presenceText is the status line's hint, "" when nobody else is here.
func (m *Model) presenceText() string {
	if len(m.presenceOthers) == 0 || m.presenceAt == "" {
		return ""
	}
	verb := " is here too"
	if len(m.presenceOthers) > 1 {
		verb = " are here too"
	}
	return strings.Join(m.presenceOthers, ", ") + verb
}
