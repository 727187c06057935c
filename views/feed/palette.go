package feed

// ActionDisabled implements views.ActionGate for the timeline, where a
// post action needs a post under the cursor. Stacked screens list in
// FullHelp exactly the keys that work there, which the palette reads.
func (m *Model) ActionDisabled(id string) string {
	if m.Depth() > 0 || m.ComposerOpen() || m.tl() == nil {
		return ""
	}
	e := m.selected()
	switch id {
	case "feed.like", "feed.repost", "feed.quote", "feed.amplify", "feed.comment",
		"feed.profile", "feed.likers", "feed.reposters", "list.open":
		if e == nil {
			return "no post selected"
		}
	case "feed.delete":
		switch {
		case e == nil:
			return "no post selected"
		case !m.IsMe(e.Post.Agent.Handle):
			return "not your post"
		}
	case "feed.last_visit":
		return m.lastVisitDisabled()
	case "feed.show_new":
		if len(m.tl().pending) == 0 {
			return "no new posts waiting"
		}
	}
	return ""
}
