package postkit

import "charm.land/bubbles/v2/key"

// Help of the screens that list posts under something: a profile (its
// card, then its liked posts) and a hashtag. The keys shown follow the
// selection: on a post, what acts on the post; on a profile's card, what
// acts on the agent, which for your own profile is neither follow nor
// message.

// NavKeys move in a list.
func (m *Kit) NavKeys() []key.Binding {
	k := m.keys.List
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

// PostShortHelp are the main keys on a listed post; none without one.
func (m *Kit) PostShortHelp(e *Entry) []key.Binding {
	if e == nil {
		return nil
	}
	k, f := m.keys.List, m.keys.Feed
	out := []key.Binding{k.Open, f.Like, f.Comment, f.Profile}
	if m.IsMe(e.Post.Agent.Handle) {
		out = append(out, f.Delete)
	}
	return out
}

// PostFullHelp are all the keys on a listed post; none without one.
func (m *Kit) PostFullHelp(e *Entry) []key.Binding {
	if e == nil {
		return nil
	}
	k, f := m.keys.List, m.keys.Feed
	out := []key.Binding{k.Open, f.Like, f.Repost, f.Quote, f.Amplify, f.Comment}
	if m.IsMe(e.Post.Agent.Handle) {
		out = append(out, f.Delete)
	}
	return append(out, f.Report, f.Profile, f.Likers, f.Reposters)
}

// ListedPostsHelp are the keys on the posts of a list while none is
// selected (a profile's card is): the screen's gate says to select one.
func (m *Kit) ListedPostsHelp() []key.Binding {
	k, f := m.keys.List, m.keys.Feed
	return []key.Binding{k.Open, f.Like, f.Repost, f.Quote, f.Amplify, f.Comment, f.Report, f.Profile, f.Likers, f.Reposters}
}

// HelpGroups are the non-empty groups of bindings, for FullHelp.
func HelpGroups(gs ...[]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, 0, len(gs))
	for _, g := range gs {
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}
