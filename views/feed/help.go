package feed

import "charm.land/bubbles/v2/key"

// ShortHelp implements ui.Pane: the keys that work on the screen showing.
// Delete is listed only when the item under the cursor is the operator's.
func (m *Model) ShortHelp() []key.Binding {
	if m.ComposerOpen() || m.Depth() > 0 || m.LinksOpen() {
		return m.Kit.ShortHelp()
	}
	k, f := m.keys.List, m.keys.Feed
	if m.typingFilter() {
		return m.tl().filter.Help()
	}
	out := []key.Binding{k.Open, f.Compose, f.Like, f.Comment, f.Profile, f.Timeline}
	out = append(out, m.tl().filter.Help()...)
	if e := m.selected(); e != nil && m.IsMe(e.Post.Agent.Handle) {
		out = append(out, f.Delete)
	}
	if len(m.tl().pending) > 0 {
		out = append(out, f.ShowNew)
	}
	return out
}

// FullHelp implements ui.Pane: navigation, then the screen's actions:
// every key the list answers to, so the palette offers each (delete too,
// which ActionDisabled refuses on someone else's post, with the reason).
func (m *Model) FullHelp() [][]key.Binding {
	if m.ComposerOpen() || m.Depth() > 0 {
		return m.Kit.FullHelp()
	}
	k, f := m.keys.List, m.keys.Feed
	nav := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	if m.typingFilter() {
		return [][]key.Binding{m.tl().filter.Help()}
	}
	acts := []key.Binding{f.Like, f.Repost, f.Quote, f.Amplify, f.Comment, f.Delete, f.Report}
	return [][]key.Binding{nav, {k.Open, f.Compose, f.Timeline, f.ShowNew, f.LastVisit}, acts,
		{f.Profile, f.Likers, f.Reposters, f.Media, k.Links, k.Copy}, m.tl().filter.Help()}
}
