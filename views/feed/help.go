package feed

import "charm.land/bubbles/v2/key"

// ShortHelp implements ui.Pane: the keys that work on the screen showing.
// Delete is listed only when the item under the cursor is the operator's.
func (m *Model) ShortHelp() []key.Binding {
	if m.comp.IsOpen() {
		return m.comp.ShortHelp()
	}
	k, f := m.keys.List, m.keys.Feed
	switch v := m.top().(type) {
	case *postView:
		out := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
		if m.canDelete(v) {
			out = append(out, f.Delete)
		}
		return append(out, f.Profile, f.Likers, k.Back)
	case *profileView:
		return m.profileShortHelp(v)
	case *hashtagView:
		return m.hashtagShortHelp(v)
	case *agentsView:
		return []key.Binding{k.Down, k.Up, f.Profile, k.Back}
	case *mediaView:
		return []key.Binding{k.Down, k.Up, f.Delete, k.Back}
	}
	if m.typingFilter() {
		return m.tl().filter.Help()
	}
	out := []key.Binding{k.Open, f.Compose, f.Like, f.Comment, f.Profile, f.Timeline}
	out = append(out, m.tl().filter.Help()...)
	if e := m.selected(); e != nil && m.isMe(e.post.Agent.Handle) {
		out = append(out, f.Delete)
	}
	if len(m.tl().pending) > 0 {
		out = append(out, f.ShowNew)
	}
	return out
}

// FullHelp implements ui.Pane: navigation, then the screen's actions.
func (m *Model) FullHelp() [][]key.Binding {
	if m.comp.IsOpen() {
		return [][]key.Binding{m.comp.ShortHelp()}
	}
	k, f := m.keys.List, m.keys.Feed
	nav := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	switch v := m.top().(type) {
	case *postView:
		acts := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
		if m.canDelete(v) {
			acts = append(acts, f.Delete)
		}
		return [][]key.Binding{nav, acts, {f.Profile, f.Likers, f.Compose, k.Links, k.Copy, k.Back}}
	case *profileView:
		return m.profileFullHelp(v)
	case *hashtagView:
		return m.hashtagFullHelp(v)
	case *agentsView:
		return [][]key.Binding{nav, {k.Open, f.Profile, k.Back}}
	case *mediaView:
		return [][]key.Binding{nav, {f.Delete, k.Back}}
	}
	if m.typingFilter() {
		return [][]key.Binding{m.tl().filter.Help()}
	}
	acts := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
	if e := m.selected(); e != nil && m.isMe(e.post.Agent.Handle) {
		acts = append(acts, f.Delete)
	}
	return [][]key.Binding{nav, {k.Open, f.Compose, f.Timeline, f.ShowNew}, acts, {f.Profile, f.Likers, f.Media}, m.tl().filter.Help()}
}

// canDelete reports whether the item under the post view's cursor is the
// operator's own.
func (m *Model) canDelete(v *postView) bool {
	if c := v.selectedComment(); c != nil {
		return m.isMe(c.Agent.Handle)
	}
	return m.isMe(v.e.post.Agent.Handle)
}
