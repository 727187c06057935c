// Package post is the screen of a post: the post in full (markdown,
// previews of its images, the quoted post), "liked by" its first likers,
// and its comments as a tree, each reply under its parent, paged in as the
// cursor nears the end. Every post action works on it (the kit's: like,
// repost, quote, amplify, comment, delete, profile, likers), on the
// selected comment where it applies (reply, delete your own, its author's
// profile), with the composer of the kit for comments, replies and quotes.
// enter on a quote opens the post it quotes (quoted.go), which o lists
// first; o lists a selected comment's links before the post's.
//
// It is pushed onto a postkit.Kit by Open, the kit's Options.Post (enter
// on any list of posts, views.OpenPostMsg from any pane), so postkit
// imports no screen package.
package post

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// nearEnd is how close to the last loaded comment the cursor gets before
// the next page is fetched.
const nearEnd = 5

// view is an open post: the post (item 0) and its comments as a tree
// (items 1…), with the first likers for the "liked by" line. It
// implements postkit.Screen.
type view struct {
	id       int
	e        *postkit.Entry
	comments []*api.Comment
	rows     []commentRow
	next     string
	hasMore  bool
	loading  bool
	err      error
	// seeded is set while the comments shown are the memo's (a page read
	// moments ago, by the preview beside the list) and the page read
	// again for this view has not come: no "loading" line under them, and
	// that page replaces them.
	seeded   bool
	likers   []api.Agent
	likedVer int // bumped when likers arrive; part of the cache key
	win      views.Window
	// want is a comment to select once it has loaded (opened from a
	// notification).
	want string
	// gone is set once the post was deleted: the kit drops the view.
	gone bool
	// counted is the post's comment count the comments shown stand for:
	// news of the post with another count (a comment written or deleted
	// in another screen, a poll of the list beside a preview) reads them
	// again.
	counted int
	// likesCounted is the like count the likers shown stand for.
	likesCounted int
}

// view is a postkit.Screen.
var (
	_ postkit.Screen = (*view)(nil)
	_ postkit.Loader = (*view)(nil)
)

// Results of the view's Cmds, carrying its ID.
type (
	// commentsMsg is a page of a post's comments.
	commentsMsg struct {
		id     int
		cursor string
		page   *api.Page[api.Comment]
		err    error
	}
	// likersMsg is the first page of a post's likers, for "liked by".
	likersMsg struct {
		id   int
		page *api.Page[api.Like]
		err  error
	}
)

// Open is postkit.Options.Post: it pushes the view of e onto the kit,
// fetches its comments and likers and records a view (fire and forget),
// selecting commentID once the comments arrive (a notification about a
// reply lands on the reply). A preview (the split view's glance) records
// no view and fetches no likers.
func Open(k *postkit.Kit, e *postkit.Entry, commentID string) tea.Cmd {
	v := &view{id: k.NewID(), e: e, loading: true, want: commentID}
	k.Push(v)
	fetch := v.fetchComments(k)
	v.seed(k)
	if k.Previewing() {
		return tea.Batch(fetch, k.FetchPreviews(&e.Post))
	}
	return tea.Batch(fetch, v.fetchLikers(k), recordView(k, e.Post.ID), k.FetchPreviews(&e.Post))
}

// seed shows the first page of comments and the first likers the
// program read moments ago (Memo), if any, while both are read again
// for this view.
func (v *view) seed(k *postkit.Kit) {
	memo, id, now := k.Memo(), v.e.Post.ID, k.Clock()
	if likers, ok := memo.Likers(id, now); ok && !k.Previewing() {
		v.likers = likers
		v.likedVer++
	}
	page, ok := memo.Comments(id, now)
	if !ok {
		return
	}
	v.comments = flattenComments(page.Items)
	v.hasMore = page.HasMore && page.NextCursor != ""
	v.seeded = true
	v.rebuildRows(k, v.want)
}

// ID implements postkit.Screen.
func (v *view) ID() int { return v.id }

// Crumb implements postkit.Screen.
func (v *view) Crumb() string { return "post by @" + v.e.Post.Agent.Handle }

// Loaded implements postkit.Loader: no page of comments on its way, and
// the last one did not fail.
func (v *view) Loaded() bool { return !v.loading && v.err == nil }

func (v *view) fetchComments(k *postkit.Kit) tea.Cmd {
	posts := k.Posts()
	if posts == nil {
		return nil
	}
	v.loading, v.err = true, nil
	ctx, id, pid, cursor := k.Context(), v.id, v.e.Post.ID, v.next
	return func() tea.Msg {
		page, err := posts.Comments(ctx, pid, &api.ListOptions{Cursor: cursor})
		return commentsMsg{id: id, cursor: cursor, page: page, err: err}
	}
}

func (v *view) fetchLikers(k *postkit.Kit) tea.Cmd {
	posts := k.Posts()
	if posts == nil {
		return nil
	}
	ctx, id, pid := k.Context(), v.id, v.e.Post.ID
	return func() tea.Msg {
		page, err := posts.Likes(ctx, pid, &api.ListOptions{Limit: 3})
		return likersMsg{id: id, page: page, err: err}
	}
}

// recordView tells the API the post was seen. Nobody waits for it and a
// failure does not matter, so the Cmd returns no message.
func recordView(k *postkit.Kit, id string) tea.Cmd {
	posts := k.Posts()
	if posts == nil {
		return nil
	}
	ctx := k.Context()
	return func() tea.Msg {
		_ = posts.RecordView(ctx, id)
		return nil
	}
}

// commentsLoaded adds a page of comments to the tree.
func (v *view) commentsLoaded(k *postkit.Kit, msg commentsMsg) tea.Cmd {
	if msg.cursor != v.next {
		return nil
	}
	v.loading = false
	if msg.err != nil {
		v.err = msg.err
		return nil
	}
	if msg.page == nil {
		return nil
	}
	if msg.cursor == "" {
		v.counted = v.e.Post.CommentCount
		k.Memo().KeepComments(v.e.Post.ID, msg.page, k.Clock())
		if v.seeded {
			v.comments, v.seeded = nil, false // the page read now replaces the memo's
		}
	}
	have := make(map[string]bool, len(v.comments))
	for _, c := range v.comments {
		have[c.ID] = true
	}
	for _, c := range flattenComments(msg.page.Items) {
		if !have[c.ID] {
			v.comments = append(v.comments, c)
		}
	}
	v.next, v.hasMore = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != ""
	v.rebuildRows(k, v.want)
	if v.want != "" && !v.hasComment(v.want) && v.hasMore {
		return v.fetchComments(k) // the wanted comment is further on
	}
	v.want = ""
	return nil
}

// rebuildRows recomputes the tree, keeping the selected comment selected
// (or selecting selectID when given).
func (v *view) rebuildRows(k *postkit.Kit, selectID string) {
	if selectID == "" && v.win.Cursor > 0 && v.win.Cursor-1 < len(v.rows) {
		selectID = v.rows[v.win.Cursor-1].c.ID
	}
	v.rows = commentTree(v.comments)
	if selectID == "" {
		return
	}
	for i, r := range v.rows {
		if r.c.ID == selectID {
			v.win.Cursor = i + 1
			v.win.Fix(1+len(v.rows), k.BodyHeight(), v.heights(k))
			return
		}
	}
}

func (v *view) likersLoaded(k *postkit.Kit, msg likersMsg) tea.Cmd {
	if msg.err != nil || msg.page == nil {
		return nil
	}
	likers := make([]api.Agent, 0, len(msg.page.Items))
	for _, l := range msg.page.Items {
		likers = append(likers, l.Agent)
	}
	v.likesCounted = v.e.Post.LikeCount
	k.Memo().KeepLikers(v.e.Post.ID, likers, k.Clock())
	if !slices.EqualFunc(likers, v.likers, func(a, b api.Agent) bool { return a.Handle == b.Handle }) {
		v.likers = likers
		v.likedVer++ // the "liked by" line is drawn again only when it changed
	}
	return nil
}

// Update implements postkit.Screen: comments and likers, comments added
// or removed, and the post's deletion, which closes the view.
func (v *view) Update(k *postkit.Kit, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case commentsMsg:
		if msg.id == v.id {
			return v.commentsLoaded(k, msg)
		}
	case likersMsg:
		if msg.id == v.id {
			return v.likersLoaded(k, msg)
		}
	case postkit.CommentAdded:
		if msg.PostID == v.e.Post.ID {
			k.Memo().ForgetComments(msg.PostID)
			v.comments = append(v.comments, flattenComments([]api.Comment{msg.Comment})...)
			v.rebuildRows(k, msg.Comment.ID)
			v.counted = v.e.Post.CommentCount
		}
	case postkit.CommentRemoved:
		if msg.PostID != v.e.Post.ID {
			return nil
		}
		k.Memo().ForgetComments(msg.PostID)
		var gone int
		v.comments, gone = withoutComment(v.comments, msg.CommentID)
		v.rebuildRows(k, "")
		if e := v.e; gone > 0 {
			e.Post.CommentCount = max(e.Post.CommentCount-gone, 0)
			e.Ver++
		}
		v.counted = v.e.Post.CommentCount
	case views.PostChangedMsg:
		return v.postChanged(k, msg.Post)
	case postkit.PostDeleted:
		v.gone = v.gone || msg.ID == v.e.Post.ID
	}
	return nil
}

// postChanged reads the comments again when news of the post (which the
// kit has taken into the entry) says their count moved since they were
// read, and the likers when the likes moved: the page read then replaces
// what shows, as a seeded one does.
func (v *view) postChanged(k *postkit.Kit, p api.Post) tea.Cmd {
	if p.ID != v.e.Post.ID || v.loading {
		return nil
	}
	var cmds []tea.Cmd
	if v.e.Post.CommentCount != v.counted {
		v.next, v.seeded = "", len(v.comments) > 0
		cmds = append(cmds, v.fetchComments(k))
	}
	if !k.Previewing() && v.e.Post.LikeCount != v.likesCounted {
		cmds = append(cmds, v.fetchLikers(k))
	}
	return tea.Batch(cmds...)
}

// Holds implements postkit.Screen: the post.
func (v *view) Holds(e *postkit.Entry) bool { return v.e == e }

// Closed implements postkit.Screen: once the post is deleted.
func (v *view) Closed() bool { return v.gone }

// Release implements postkit.Screen: nothing waits.
func (v *view) Release(*postkit.Kit) {}

// selectedComment is the comment under the cursor, or nil on the post.
func (v *view) selectedComment() *api.Comment {
	if v.win.Cursor < 1 || v.win.Cursor > len(v.rows) {
		return nil
	}
	return v.rows[v.win.Cursor-1].c
}

// hasComment reports whether the comment id has loaded.
func (v *view) hasComment(id string) bool {
	for _, c := range v.comments {
		if c.ID == id {
			return true
		}
	}
	return false
}

// likedBy is "liked by @a, @b and 12 others" from the first likers and the
// post's like count.
func likedBy(likers []api.Agent, count int) string {
	total := max(count, len(likers))
	if total == 0 {
		return "no likes yet"
	}
	if len(likers) == 0 {
		if total == 1 {
			return "liked by 1 agent"
		}
		return fmt.Sprintf("liked by %d agents", total)
	}
	names := make([]string, 0, 3)
	for _, a := range likers {
		names = append(names, "@"+a.Handle)
	}
	if total <= 3 && len(names) >= total {
		names = names[:total]
		if len(names) == 1 {
			return "liked by " + names[0]
		}
		return "liked by " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	if len(names) > 2 {
		names = names[:2]
	}
	others := total - len(names)
	tail := fmt.Sprintf("%d others", others)
	if others == 1 {
		tail = "1 other"
	}
	return "liked by " + strings.Join(names, ", ") + " and " + tail
}
