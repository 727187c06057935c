package profile

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// likedRule heads the liked posts under the card.
const likedRule = "── Liked posts "

// Key implements postkit.Screen. The keys on the agent say why they do
// nothing once the profile failed to load (gate.go).
func (v *view) Key(k *postkit.Kit, msg tea.KeyPressMsg) tea.Cmd {
	l, f := k.Keys().List, k.Keys().Feed
	n, h, hf := 1+len(v.liked.Entries), k.BodyHeight(), v.heights(k)
	onAgent := key.Matches(msg, f.Follow, f.Followers, f.Following, f.Similar, f.Message) ||
		(key.Matches(msg, f.Report) && v.likedEntry() == nil)
	if why := v.failed(); why != "" && onAgent {
		return views.Status(views.LevelInfo, why)
	}
	switch {
	case key.Matches(msg, l.Back):
		k.Pop()
		return nil
	case key.Matches(msg, f.Follow):
		return k.ToggleFollow(v.handle, v.agent, v.following)
	case key.Matches(msg, f.Followers):
		return k.OpenAgents(postkit.FollowersList, v.handle)
	case key.Matches(msg, f.Following):
		return k.OpenAgents(postkit.FollowingList, v.handle)
	case key.Matches(msg, f.Similar):
		return k.OpenAgents(postkit.SimilarList, v.handle)
	case key.Matches(msg, f.Message):
		if v.self(k) {
			return views.Status(views.LevelInfo, "that's you")
		}
		return views.Open(views.OpenConversationMsg{Handle: v.handle})
	case key.Matches(msg, f.Report) && v.likedEntry() == nil:
		// On the card: the agent; on a liked post, the post (below).
		if v.agent == nil {
			return views.Status(views.LevelInfo, "the profile is still loading")
		}
		return k.ReportAgent(*v.agent)
	case key.Matches(msg, l.Open):
		if e := v.likedEntry(); e != nil {
			return k.OpenPost(e)
		}
		return nil
	case v.win.Navigate(msg, l, n, h, hf):
		return k.MorePosts(v.id, &v.liked, v.win.Cursor-1)
	}
	return k.PostAction(msg, v.likedEntry(), nil)
}

// Lines implements postkit.Screen.
func (v *view) Lines(k *postkit.Kit) []string {
	lines := []string{k.CrumbLine(v.hints(k))}
	h := k.BodyHeight()
	n := 1 + len(v.liked.Entries)
	v.win.Fix(n, h, v.heights(k))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return v.item(k, i, sel) })
	lines = append(lines, body...)
	empty := "@" + v.handle + " hasn't liked any posts yet"
	if v.self(k) {
		empty = "you haven't liked any posts yet"
	}
	if footer := k.PostsFooter(&v.liked, empty); footer != "" && len(body) < h {
		lines = append(lines, footer)
	}
	return lines
}

// item is item i of the profile: the card (with the rule over the liked
// posts, once they are asked for) or a liked post.
func (v *view) item(k *postkit.Kit, i int, sel bool) []string {
	if i > 0 {
		return k.ListItem(v.liked.Entries[i-1], sel)
	}
	out := append(k.Mark(v.card(k), sel), "")
	if !v.liked.Asked() {
		return out
	}
	return append(out, k.Rule(likedRule)...)
}

func (v *view) heights(k *postkit.Kit) views.HeightFunc {
	return func(i int) int { return len(v.item(k, i, false)) }
}

// card renders the profile card, right of the gutter.
func (v *view) card(k *postkit.Kit) []string {
	return k.Cached('p', v.handle, v.ver, func(r postkit.Renderer) []string {
		s := k.Styles()
		if v.agent == nil {
			switch {
			case v.err != nil:
				return []string{r.Fit(s.Error.Render("couldn't load @" + v.handle + ": " + views.Describe(v.err)))}
			default:
				return []string{r.Fit(s.Muted.Render("loading @" + v.handle + "…"))}
			}
		}
		a := v.agent
		name := s.Author.Render(views.Name(views.NormalizeEmojiWidth(a.Name)))
		if a.Verified {
			name += s.Verified.Render(" ✓ verified")
		}
		if a.Removed != nil {
			name += s.Warn.Render(" " + views.HiddenMark)
		}
		lines := []string{r.Fit(name)}
		meta := s.Handle.Render("@" + a.Handle)
		if a.AgentType != "" {
			meta += s.Faint.Render(" · ") + s.Muted.Render(strings.ToLower(a.AgentType))
		}
		lines = append(lines, r.Fit(meta))
		if a.Removed != nil {
			lines = append(lines, r.Fit(views.HiddenNote(s.Muted, k.Hint(k.Keys().Global.Raw), r.Width())))
		}
		lines = append(lines, "")
		if bio := strings.TrimSpace(a.Bio); bio != "" {
			lines = append(lines, r.Full(bio)...)
			lines = append(lines, "")
		}
		if a.WebsiteURL != "" {
			lines = append(lines, r.Fit(s.Accent.Render(views.Truncate(a.WebsiteURL, r.Width()))))
		}
		lines = append(lines, r.Fit(fmt.Sprintf("%s %s · %s %s · %s %s",
			s.Count.Render(fmt.Sprint(a.FollowerCount)), s.Muted.Render(views.Plural(a.FollowerCount, "follower")),
			s.Count.Render(fmt.Sprint(a.FollowingCount)), s.Muted.Render("following"),
			s.Count.Render(fmt.Sprint(a.PostCount)), s.Muted.Render(views.Plural(a.PostCount, "post")))))
		if x := v.axp; x != nil && x.Level > 0 {
			lines = append(lines, r.Fit(s.Count.Render(fmt.Sprintf("level %d", x.Level))+s.Muted.Render(" · "+views.Thousands(x.Total)+" AXP")+
				s.Faint.Render(fmt.Sprintf(" · +%s lately", views.Thousands(x.RecentAXP)))))
		}
		if c := a.Capabilities; c != nil {
			lines = append(lines, capabilityLines(k, r, c)...)
		}
		lines = append(lines, "", r.Fit(v.followLine(k)))
		return lines
	})
}

// capabilityLines lists skills, APIs, response time and languages.
func capabilityLines(k *postkit.Kit, r postkit.Renderer, c *api.Capabilities) []string {
	s := k.Styles()
	var out []string
	add := func(label string, items []string) {
		if len(items) == 0 {
			return
		}
		text := s.Muted.Render(label+": ") + s.Text.Render(strings.Join(items, ", "))
		out = append(out, r.Fit(views.Truncate(text, r.Width())))
	}
	add("skills", c.Skills)
	add("apis", c.APIs)
	if c.ResponseTime != "" {
		add("responds", []string{c.ResponseTime})
	}
	add("languages", c.Languages)
	return out
}

// followLine says whether we follow the agent and what f does. Beside a
// list (the split view's preview) the keys are the list's, so it names
// none.
func (v *view) followLine(k *postkit.Kit) string {
	s := k.Styles()
	hint := func(what string) string {
		if k.Previewing() {
			return ""
		}
		return " · " + k.Keys().Feed.Follow.Help().Key + " to " + what
	}
	switch {
	case v.self(k):
		return s.Muted.Render("this is you")
	case v.following == nil:
		return s.Muted.Render("follow state unknown" + hint("follow"))
	case *v.following:
		return s.Active.Render("following") + s.Muted.Render(hint("unfollow"))
	}
	return s.Muted.Render("not following" + hint("follow"))
}

// Click implements postkit.Screen: the card is item 0, the posts the
// agent liked follow.
func (v *view) Click(k *postkit.Kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := 1 + len(v.liked.Entries)
	hit, open = v.win.Click(y-1, n, k.BodyHeight(), v.heights(k), double)
	if hit && !open {
		cmd = k.MorePosts(v.id, &v.liked, v.win.Cursor-1)
	}
	return hit, open, cmd
}

// ShortHelp implements postkit.Screen: the keys follow the selection: on
// a liked post, what acts on the post; on the card, what acts on the
// agent.
func (v *view) ShortHelp(k *postkit.Kit) []key.Binding {
	if e := v.likedEntry(); e != nil {
		return append(k.PostShortHelp(e), k.Keys().List.Back)
	}
	return append(v.agentKeys(k), k.Keys().List.Back)
}

// FullHelp implements postkit.Screen: every key the profile answers to,
// the post keys too while the cursor is on the card, as they act on the
// liked posts under it (ActionDisabled says to move there first).
func (v *view) FullHelp(k *postkit.Kit) [][]key.Binding {
	l, f := k.Keys().List, k.Keys().Feed
	posts := k.PostFullHelp(v.likedEntry())
	if posts == nil && len(v.liked.Entries) > 0 {
		posts = k.ListedPostsHelp()
	}
	return postkit.HelpGroups(k.NavKeys(), v.agentKeys(k), posts, []key.Binding{f.Compose, l.Back})
}

// agentKeys act on the profile's agent: neither follow nor message on
// your own, none once the profile failed to load.
func (v *view) agentKeys(k *postkit.Kit) []key.Binding {
	f := k.Keys().Feed
	switch {
	case v.failed() != "":
		return nil
	case v.self(k):
		return []key.Binding{f.Followers, f.Following, f.Similar}
	}
	return []key.Binding{f.Follow, f.Message, f.Followers, f.Following, f.Similar, f.Report}
}

// Raw implements postkit.RawScreen: the selected liked post, else the
// agent's name and bio.
func (v *view) Raw(*postkit.Kit) (string, []views.RawPart) {
	if e := v.likedEntry(); e != nil {
		return postkit.PostRaw(&e.Post)
	}
	if v.agent == nil {
		return "", nil
	}
	return "profile of @" + v.agent.Handle, views.Parts(nil, views.RawPart{Label: "agent @" + v.agent.Handle, Rec: v.agent.Removed})
}
