// Package hashtag is the screen of a hashtag's posts, newest first, drawn
// as the timeline draws them and paged in as the cursor nears the end. It
// is opened by views.OpenHashtagMsg (o on a post, or another pane), on the
// stack it was asked from: a postkit.Kit, built with Opener as its
// Options.Hashtag, so postkit imports no screen package.
package hashtag

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// Source reads the posts of a hashtag (*api.HashtagsService).
type Source interface {
	Posts(ctx context.Context, tag string, opts *api.ListOptions) (*api.Page[api.Post], error)
}

var _ Source = (*api.HashtagsService)(nil)

// view lists the posts carrying a hashtag. It implements postkit.Screen.
type view struct {
	id    int
	tag   string // without "#", as the link showed it
	posts postkit.PostList
	win   views.Window
}

// Opener makes postkit.Options.Hashtag: it pushes the posts of a tag read
// from src onto the kit and fetches their first page. A nil src opens
// none.
func Opener(src Source) func(k *postkit.Kit, tag string) tea.Cmd {
	if src == nil {
		return nil
	}
	return func(k *postkit.Kit, tag string) tea.Cmd {
		v := &view{id: k.NewID(), tag: tag}
		v.posts.SetSource(k.Context(), func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error) {
			return src.Posts(ctx, tag, opts)
		})
		k.Push(v)
		return k.FetchPosts(v.id, &v.posts)
	}
}

// ID implements postkit.Screen.
func (v *view) ID() int { return v.id }

// Crumb implements postkit.Screen.
func (v *view) Crumb() string { return "#" + v.tag }

// Loaded implements postkit.Loader: no page of posts on its way, and the
// last one did not fail.
func (v *view) Loaded() bool { return v.posts.Settled() }

// selected is the post under the cursor, if any.
func (v *view) selected() *postkit.Entry {
	if i := v.win.Cursor; i < len(v.posts.Entries) {
		return v.posts.Entries[i]
	}
	return nil
}

func (v *view) heights(k *postkit.Kit) views.HeightFunc {
	return func(i int) int { return k.ListHeight(v.posts.Entries[i]) }
}

// Key implements postkit.Screen: enter opens the post, p its author, and
// the post keys act on it.
func (v *view) Key(k *postkit.Kit, msg tea.KeyPressMsg) tea.Cmd {
	l := k.Keys().List
	n, h, hf := len(v.posts.Entries), k.BodyHeight(), v.heights(k)
	switch {
	case key.Matches(msg, l.Back):
		k.Pop()
		return nil
	case key.Matches(msg, l.Open):
		if e := v.selected(); e != nil {
			return k.OpenPost(e)
		}
		return nil
	case v.win.Navigate(msg, l, n, h, hf):
		return k.MorePosts(v.id, &v.posts, v.win.Cursor)
	}
	return k.PostAction(msg, v.selected(), nil)
}

// Lines implements postkit.Screen.
func (v *view) Lines(k *postkit.Kit) []string {
	keys := k.Keys()
	hints := strings.Join([]string{k.Hint(keys.List.Open), k.Hint(keys.Feed.Profile), k.Hint(keys.List.Back)}, " · ")
	lines := []string{k.CrumbLine(hints)}
	h := k.BodyHeight()
	n := len(v.posts.Entries)
	v.win.Fix(n, h, v.heights(k))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return k.ListItem(v.posts.Entries[i], sel) })
	lines = append(lines, body...)
	if footer := k.PostsFooter(&v.posts, "no posts with #"+v.tag+" yet"); footer != "" && len(body) < h {
		lines = append(lines, footer)
	}
	return lines
}

// ShortHelp implements postkit.Screen.
func (v *view) ShortHelp(k *postkit.Kit) []key.Binding {
	return append(k.PostShortHelp(v.selected()), k.Keys().List.Back)
}

// FullHelp implements postkit.Screen.
func (v *view) FullHelp(k *postkit.Kit) [][]key.Binding {
	keys := k.Keys()
	return postkit.HelpGroups(k.NavKeys(), k.PostFullHelp(v.selected()), []key.Binding{keys.Feed.Compose, keys.List.Back})
}

// Click implements postkit.Screen.
func (v *view) Click(k *postkit.Kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	hit, open = v.win.Click(y-1, len(v.posts.Entries), k.BodyHeight(), v.heights(k), double)
	if hit && !open {
		cmd = k.MorePosts(v.id, &v.posts, v.win.Cursor)
	}
	return hit, open, cmd
}

// LinkTexts implements postkit.Screen: the selected post's.
func (v *view) LinkTexts(*postkit.Kit) []string {
	if e := v.selected(); e != nil {
		return postkit.PostTexts(&e.Post)
	}
	return nil
}

// Links implements postkit.LinkLister: the post the selected one
// quotes, to open, then its links.
func (v *view) Links(k *postkit.Kit) []views.Link {
	if e := v.selected(); e != nil {
		return k.PostLinks(&e.Post)
	}
	return nil
}

// Address implements postkit.Screen: the selected post's.
func (v *view) Address(k *postkit.Kit) string { return k.PostAddress(v.selected()) }

// Update implements postkit.Screen: the hashtag's posts, one of them
// deleted.
func (v *view) Update(k *postkit.Kit, msg tea.Msg) tea.Cmd {
	if d, ok := msg.(postkit.PostDeleted); ok {
		v.posts.Remove(d.ID, &v.win, 0)
		return nil
	}
	return k.PostsLoaded(v.id, &v.posts, v.win.Cursor, msg)
}

// Holds implements postkit.Screen.
func (v *view) Holds(e *postkit.Entry) bool { return v.posts.Holds(e) }

// Closed implements postkit.Screen: the list stays, even empty.
func (v *view) Closed() bool { return false }

// Release implements postkit.Screen.
func (v *view) Release(k *postkit.Kit) { v.posts.Release(k) }

// view is a postkit.Screen.
var (
	_ postkit.Screen = (*view)(nil)
	_ postkit.Loader = (*view)(nil)
)
