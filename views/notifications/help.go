package notifications

import "charm.land/bubbles/v2/key"

// ShortHelp implements ui.Pane: open, mark read, mark all, filter.
func (m *Model) ShortHelp() []key.Binding {
	k, nk := m.keys.List, m.keys.Notifications
	return []key.Binding{k.Open, nk.MarkRead, nk.MarkAllRead, nk.Filter, nk.Profile}
}

// FullHelp implements ui.Pane: navigation, actions, then the filter keys
// (f cycles All → Unread → Follows → Likes → Comments → Reposts → Quotes →
// Mentions → Replies; F goes back).
func (m *Model) FullHelp() [][]key.Binding {
	k, nk := m.keys.List, m.keys.Notifications
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, nk.Profile, nk.MarkRead, nk.MarkAllRead},
		{nk.Filter, nk.FilterBack},
	}
}
