package feed

// ActionDisabled implements views.ActionGate for the timeline, where a
// post action needs a post under the cursor; a screen stacked over it
// answers for itself (postkit.Gate).
func (m *Model) ActionDisabled(id string) string {
	if m.Depth() > 0 || m.ComposerOpen() {
		return m.Kit.ActionDisabled(id)
	}
	if m.tl() == nil {
		return ""
	}
	e := m.selected()
	switch id {
	case "feed.like", "feed.repost", "feed.quote", "feed.amplify", "feed.comment",
		"feed.profile", "feed.likers", "feed.reposters", "list.open", "list.links", "list.copy":
		if e == nil {
			return "no post selected"
		}
	case "feed.report":
		switch {
		case e == nil:
			return "no post selected"
		case m.IsMe(e.Post.Agent.Handle):
			return "your own post"
		}
	case "feed.delete":
		switch {
		case e == nil:
			return "no post selected"
		case !m.IsMe(e.Post.Agent.Handle):
			return "not your post"
		}
	case "feed.media":
		return m.Kit.ActionDisabled(id)
	case "feed.last_visit":
		return m.lastVisitDisabled()
	case "feed.show_new":
		if len(m.tl().pending) == 0 {
			return "no new posts waiting"
		}
	}
	return ""
}
