package notifications

import "charm.land/bubbles/v2/key"

// ShortHelp implements ui.Pane: open, mark read, mark all, filters; only
// the keys that end it while the `/` filter is typed.
func (m *Model) ShortHelp() []key.Binding {
	if m.query.Editing() {
		return m.query.Help()
	}
	k, nk := m.keys.List, m.keys.Notifications
	return append([]key.Binding{k.Open, nk.MarkRead, nk.MarkAllRead, nk.Filter, nk.Profile}, m.query.Help()...)
}

// FullHelp implements ui.Pane: navigation, actions, then the filter keys
// (f cycles All → Unread → Follows → Likes → Comments → Reposts → Quotes →
// Mentions → Replies; F goes back; / filters by text).
func (m *Model) FullHelp() [][]key.Binding {
	if m.query.Editing() {
		return [][]key.Binding{m.query.Help()}
	}
	k, nk := m.keys.List, m.keys.Notifications
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, nk.Profile, nk.MarkRead, nk.MarkAllRead, k.Copy},
		append([]key.Binding{nk.Filter, nk.FilterBack}, m.query.Help()...),
	}
}
