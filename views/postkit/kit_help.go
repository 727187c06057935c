package postkit

import "charm.land/bubbles/v2/key"

// ShortHelp implements Screen.
func (v *postView) ShortHelp(m *Kit) []key.Binding {
	k, f := m.keys.List, m.keys.Feed
	out := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
	if m.canDelete(v) {
		out = append(out, f.Delete)
	}
	return append(out, f.Profile, f.Likers, k.Back)
}

// FullHelp implements Screen.
func (v *postView) FullHelp(m *Kit) [][]key.Binding {
	k, f := m.keys.List, m.keys.Feed
	acts := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
	if m.canDelete(v) {
		acts = append(acts, f.Delete)
	}
	return [][]key.Binding{m.NavKeys(), acts, {f.Profile, f.Likers, f.Compose, k.Links, k.Copy, k.Back}}
}

// ShortHelp implements Screen.
func (v *agentsView) ShortHelp(m *Kit) []key.Binding {
	k := m.keys.List
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

// canDelete reports whether the item under the post view's cursor is the
// operator's own.
func (m *Kit) canDelete(v *postView) bool {
	if c := v.selectedComment(); c != nil {
		return m.IsMe(c.Agent.Handle)
	}
	return m.IsMe(v.e.Post.Agent.Handle)
}
