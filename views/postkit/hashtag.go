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
	posts PostList
	win   views.Window
}

func (v *hashtagView) ID() int { return v.sid }

// openHashtag pushes the posts of tag and fetches their first page.
func (m *Kit) openHashtag(tag string) tea.Cmd {
	tag = strings.TrimPrefix(strings.TrimSpace(tag), "#")
	if tag == "" || m.hashtags == nil {
		return nil
	}
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	v := &hashtagView{sid: m.NewID(), tag: tag}
	hashtags := m.hashtags
	v.posts.SetSource(m.ctx, func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
		return hashtags.Posts(ctx, tag, opts)
	})
	m.Push(v)
	return m.FetchPosts(v.sid, &v.posts)
}

// selectedPost is the post under the cursor, if any.
func (v *hashtagView) selectedPost() *Entry {
	if i := v.win.Cursor; i < len(v.posts.Entries) {
		return v.posts.Entries[i]
	}
	return nil
}

func (m *Kit) hashtagHeights(v *hashtagView) views.HeightFunc {
	return func(i int) int { return m.ListHeight(v.posts.Entries[i]) }
}

// Key handles a key on a hashtag's posts: enter opens the post, p
// its author, and the post keys act on it.
func (v *hashtagView) Key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys.List
	n, h, hf := len(v.posts.Entries), m.BodyHeight(), m.hashtagHeights(v)
	switch {
	case key.Matches(msg, k.Back):
		m.Pop()
		return nil
	case key.Matches(msg, k.Open):
		if e := v.selectedPost(); e != nil {
			return m.OpenPost(e)
		}
		return nil
	case v.win.Navigate(msg, k, n, h, hf):
		return m.MorePosts(v.sid, &v.posts, v.win.Cursor)
	}
	return m.PostAction(msg, v.selectedPost(), nil)
}

// Lines renders the hashtag screen.
func (v *hashtagView) Lines(m *Kit) []string {
	f := m.keys.Feed
	hints := m.Hint(m.keys.List.Open) + " · " + m.Hint(f.Profile) + " · " + m.Hint(m.keys.List.Back)
	lines := []string{m.CrumbLine(hints)}
	h := m.BodyHeight()
	n := len(v.posts.Entries)
	v.win.Fix(n, h, m.hashtagHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.ListItem(v.posts.Entries[i], sel) })
	lines = append(lines, body...)
	if footer := m.PostsFooter(&v.posts, "no posts with #"+v.tag+" yet"); footer != "" && len(body) < h {
		lines = append(lines, footer)
	}
	return lines
}
