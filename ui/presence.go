package ui

import (
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

// presenceWhere is where the operator is, or "" when it is nowhere that
// matters (another pane, nothing selected).
func (m *Model) presenceWhere() string {
	if m.focus != MessagesPane && m.focus != MarketPane {
		return ""
	}
	t, ok := m.panes[m.focus].(Targeter)
	if !ok {
		return ""
	}
	k := targetKey(t.Target())
	if k == "" {
		return ""
	}
	return m.focus.String() + "|" + k
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
