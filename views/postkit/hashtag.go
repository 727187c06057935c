package postkit

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// hashtagView lists the posts carrying a hashtag, newest first, drawn as
// the timeline draws them and paged in as the cursor nears the end. It is
// opened by views.OpenHashtagMsg (o on a post, or another pane), on the
// stack it was asked from.
type hashtagView struct {
	sid   int
	tag   string // without "#", as the link showed it
	posts postList
	win   views.Window
}

func (v *hashtagView) screenID() int { return v.sid }

// openHashtag pushes the posts of tag and fetches their first page.
func (m *Kit) openHashtag(tag string) tea.Cmd {
	tag = strings.TrimPrefix(strings.TrimSpace(tag), "#")
	if tag == "" || m.hashtags == nil {
		return nil
	}
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	v := &hashtagView{sid: m.newSID(), tag: tag}
	hashtags := m.hashtags
	v.posts.setSource(m.ctx, func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
		return hashtags.Posts(ctx, tag, opts)
	})
	m.push(v)
	return m.fetchPosts(v.sid, &v.posts)
}

// selectedPost is the post under the cursor, if any.
func (v *hashtagView) selectedPost() *Entry {
	if i := v.win.Cursor; i < len(v.posts.entries) {
		return v.posts.entries[i]
	}
	return nil
}

func (m *Kit) hashtagHeights(v *hashtagView) views.HeightFunc {
	return func(i int) int { return m.ListHeight(v.posts.entries[i]) }
}

// key handles a key on a hashtag's posts: enter opens the post, p
// its author, and the post keys act on it.
func (v *hashtagView) key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys.List
	n, h, hf := len(v.posts.entries), m.screenBodyHeight(), m.hashtagHeights(v)
	switch {
	case key.Matches(msg, k.Back):
		m.pop()
		return nil
	case key.Matches(msg, k.Open):
		if e := v.selectedPost(); e != nil {
			return m.OpenPost(e)
		}
		return nil
	case v.win.Navigate(msg, k, n, h, hf):
		return m.morePosts(v.sid, &v.posts, v.win.Cursor)
	}
	return m.PostAction(msg, v.selectedPost(), nil)
}

// lines renders the hashtag screen.
func (v *hashtagView) lines(m *Kit) []string {
	f := m.keys.Feed
	hints := m.hint(m.keys.List.Open) + " · " + m.hint(f.Profile) + " · " + m.hint(m.keys.List.Back)
	lines := []string{m.crumbLine(hints)}
	h := m.screenBodyHeight()
	n := len(v.posts.entries)
	v.win.Fix(n, h, m.hashtagHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.ListItem(v.posts.entries[i], sel) })
	lines = append(lines, body...)
	if footer := m.postsFooter(&v.posts, "no posts with #"+v.tag+" yet"); footer != "" && len(body) < h {
		lines = append(lines, footer)
	}
	return lines
}
