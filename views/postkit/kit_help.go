package postkit

import "charm.land/bubbles/v2/key"

// ShortHelp implements Screen; on reposters, enter reads a quote.
func (v *agentsView) ShortHelp(m *Kit) []key.Binding {
	k := m.keys.List
	if v.kind == RepostersList {
		return []key.Binding{k.Down, k.Up, k.Open, m.keys.Feed.Profile, k.Back}
	}
	return []key.Binding{k.Down, k.Up, m.keys.Feed.Profile, k.Back}
}

// FullHelp implements Screen.
func (v *agentsView) FullHelp(m *Kit) [][]key.Binding {
	k := m.keys.List
	return [][]key.Binding{m.NavKeys(), {k.Open, m.keys.Feed.Profile, k.Back}}
}

// ShortHelp implements Screen.
func (v *mediaView) ShortHelp(m *Kit) []key.Binding {
	k := m.keys.List
	return []key.Binding{k.Down, k.Up, m.keys.Feed.Delete, k.Back}
}

// FullHelp implements Screen.
func (v *mediaView) FullHelp(m *Kit) [][]key.Binding {
	return [][]key.Binding{m.NavKeys(), {m.keys.Feed.Delete, m.keys.List.Back}}
}
