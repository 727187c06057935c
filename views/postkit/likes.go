package postkit

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

// The profile screen is a list: item 0 is the profile card, then come the
// posts the agent liked, most recent like first, drawn as the timeline
// draws posts and paged in as the cursor nears the end. The card's keys
// (follow, message, followers, following) work wherever the cursor is;
// on a liked post, enter opens it and the post keys act on it.

// likedRule heads the liked posts under the card.
const likedRule = "── Liked posts "

// fetchLiked fetches the first page of the agent's liked posts, once the
// profile has arrived: the card comes first under a tight rate budget, and
// a profile left before it arrived costs no request for its likes. A
// preview (the split view's glance at a profile) fetches none: the card is
// enough there, and the request would be paid on every cursor move.
func (m *Kit) fetchLiked(v *profileView) tea.Cmd {
	if m.preview || m.agents == nil {
		return nil
	}
	agents, handle := m.agents, v.handle
	v.liked.SetSource(m.ctx, func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
		return agents.Likes(ctx, handle, opts)
	})
	return m.FetchPosts(v.sid, &v.liked)
}

// likedEntry is the liked post under the cursor, or nil on the card.
func (v *profileView) likedEntry() *Entry {
	if i := v.win.Cursor - 1; i >= 0 && i < len(v.liked.Entries) {
		return v.liked.Entries[i]
	}
	return nil
}

// profileItem is item i of the profile: the card (with the rule over the
// liked posts, once they are asked for) or a liked post.
func (m *Kit) profileItem(v *profileView, i int, sel bool) []string {
	if i > 0 {
		return m.ListItem(v.liked.Entries[i-1], sel)
	}
	out := append(m.gut.Mark(m.profileLines(v), sel), "")
	if !v.liked.asked() {
		return out
	}
	rule := m.cache.Get(cacheKey{kind: 'R', id: likedRule, width: m.width}, func() []string {
		return []string{m.pal.faint.Render(likedRule + strings.Repeat("─", max(m.width-ansi.StringWidth(likedRule), 0)))}
	})
	return append(out, rule...)
}

func (m *Kit) profileHeights(v *profileView) views.HeightFunc {
	return func(i int) int { return len(m.profileItem(v, i, false)) }
}

// Key handles a key on a profile.
func (v *profileView) Key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k, f := m.keys.List, m.keys.Feed
	n, h, hf := 1+len(v.liked.Entries), m.BodyHeight(), m.profileHeights(v)
	switch {
	case key.Matches(msg, k.Back):
		m.Pop()
		return nil
	case key.Matches(msg, f.Follow):
		return m.toggleFollow(v)
	case key.Matches(msg, f.Followers):
		return m.openAgents(followersList, v.handle)
	case key.Matches(msg, f.Following):
		return m.openAgents(followingList, v.handle)
	case key.Matches(msg, f.Message):
		if m.IsMe(v.handle) {
			return views.Status(views.LevelInfo, "that's you")
		}
		return views.Open(views.OpenConversationMsg{Handle: v.handle})
	case key.Matches(msg, k.Open):
		if e := v.likedEntry(); e != nil {
			return m.OpenPost(e)
		}
		return nil
	case v.win.Navigate(msg, k, n, h, hf):
		return m.MorePosts(v.sid, &v.liked, v.win.Cursor-1)
	}
	return m.PostAction(msg, v.likedEntry(), nil)
}

// profileHints are the profile's keys named in its header: your own
// profile offers neither follow nor message.
func (m *Kit) profileHints(v *profileView) string {
	f := m.keys.Feed
	parts := []string{m.Hint(f.Followers), m.Hint(f.Following), m.Hint(m.keys.List.Back)}
	if !m.IsMe(v.handle) {
		parts = append([]string{m.Hint(f.Message)}, parts...)
	}
	return strings.Join(parts, " · ")
}

// Lines renders the profile screen.
func (v *profileView) Lines(m *Kit) []string {
	lines := []string{m.CrumbLine(m.profileHints(v))}
	h := m.BodyHeight()
	n := 1 + len(v.liked.Entries)
	v.win.Fix(n, h, m.profileHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.profileItem(v, i, sel) })
	lines = append(lines, body...)
	empty := "@" + v.handle + " hasn't liked any posts yet"
	if m.IsMe(v.handle) {
		empty = "you haven't liked any posts yet"
	}
	if footer := m.PostsFooter(&v.liked, empty); footer != "" && len(body) < h {
		lines = append(lines, footer)
	}
	return lines
}
