package postkit

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

// postView is an open post: the post (item 0) and its comments as a tree
// (items 1…), with the first likers for the "liked by" line.
type postView struct {
	sid      int
	e        *Entry
	comments []*api.Comment
	rows     []commentRow
	next     string
	hasMore  bool
	loading  bool
	err      error
	likers   []api.Agent
	likedVer int // bumped when likers arrive; part of the cache key
	win      views.Window
	// want is a comment to select once it has loaded (opened from a
	// notification).
	want string
	// gone is set once the post was deleted: the kit drops the view.
	gone bool
}

// ID implements Screen.
func (v *postView) ID() int { return v.sid }

// Push puts a screen on top of the stack; its ID comes from NewID.
func (m *Kit) Push(s Screen) { m.stack = append(m.stack, s) }

// Top is the screen on top of the stack, nil when the list under it shows.
func (m *Kit) Top() Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// NewID is the ID of a screen about to be pushed: its results carry it,
// so a late one for a screen gone finds nothing.
func (m *Kit) NewID() int {
	m.nextSID++
	return m.nextSID
}

// find returns the screen with id sid, if it is still open.
func (m *Kit) find(sid int) Screen {
	for _, s := range m.stack {
		if s.ID() == sid {
			return s
		}
	}
	return nil
}

// OpenPost pushes the post view, fetches comments and likers and records a
// view (fire and forget).
func (m *Kit) OpenPost(e *Entry) tea.Cmd {
	v := &postView{sid: m.NewID(), e: e, loading: true}
	m.Push(v)
	if m.preview {
		// A glance in the split view: no view recorded, no likers.
		return tea.Batch(m.fetchComments(v), m.fetchPreviews(&e.Post))
	}
	return tea.Batch(m.fetchComments(v), m.fetchLikers(v), m.recordView(e.Post.ID), m.fetchPreviews(&e.Post))
}

func (m *Kit) fetchComments(v *postView) tea.Cmd {
	if m.posts == nil {
		return nil
	}
	v.loading, v.err = true, nil
	ctx, posts, id, sid, cursor := m.ctx, m.posts, v.e.Post.ID, v.sid, v.next
	return func() tea.Msg {
		page, err := posts.Comments(ctx, id, &api.ListOptions{Cursor: cursor})
		return commentsMsg{sid: sid, cursor: cursor, page: page, err: err}
	}
}

func (m *Kit) fetchLikers(v *postView) tea.Cmd {
	if m.posts == nil {
		return nil
	}
	ctx, posts, id, sid := m.ctx, m.posts, v.e.Post.ID, v.sid
	return func() tea.Msg {
		page, err := posts.Likes(ctx, id, &api.ListOptions{Limit: 3})
		return likersMsg{sid: sid, page: page, err: err}
	}
}

// recordView tells the API the post was seen. Nobody waits for it and a
// failure does not matter, so the Cmd returns no message.
func (m *Kit) recordView(id string) tea.Cmd {
	if m.posts == nil {
		return nil
	}
	ctx, posts := m.ctx, m.posts
	return func() tea.Msg {
		_ = posts.RecordView(ctx, id)
		return nil
	}
}

func (m *Kit) commentsLoaded(msg commentsMsg) tea.Cmd {
	v, ok := m.find(msg.sid).(*postView)
	if !ok || msg.cursor != v.next {
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
	m.rebuildRows(v, v.want)
	if v.want != "" && !m.hasComment(v, v.want) && v.hasMore {
		return m.fetchComments(v) // the wanted comment is further on
	}
	v.want = ""
	return nil
}

// rebuildRows recomputes the tree, keeping the selected comment selected
// (or selecting selectID when given).
func (m *Kit) rebuildRows(v *postView, selectID string) {
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
			v.win.Fix(1+len(v.rows), m.BodyHeight(), m.postHeights(v))
			return
		}
	}
}

func (m *Kit) likersLoaded(msg likersMsg) tea.Cmd {
	v, ok := m.find(msg.sid).(*postView)
	if !ok || msg.err != nil || msg.page == nil {
		return nil
	}
	v.likers = v.likers[:0]
	for _, l := range msg.page.Items {
		v.likers = append(v.likers, l.Agent)
	}
	v.likedVer++
	return nil
}

// selectedComment is the comment under the cursor, or nil on the post.
func (v *postView) selectedComment() *api.Comment {
	if v.win.Cursor < 1 || v.win.Cursor > len(v.rows) {
		return nil
	}
	return v.rows[v.win.Cursor-1].c
}

// postItem is item i of a post view: the post block or a comment.
func (m *Kit) postItem(v *postView, i int, sel bool) []string {
	if i == 0 {
		k := cacheKey{kind: 'P', id: v.e.Post.ID, ver: v.e.Ver, width: m.width, aux: v.likedVer}
		if len(imageURLs(&v.e.Post)) > 0 {
			k.media = m.previewVer
		}
		body := m.cache.Get(k, func() []string {
			r := m.renderer(m.itemWidth())
			lines := r.post(&v.e.Post, true)
			return append(lines, r.fit(r.pal.muted.Render(likedBy(v.likers, v.e.Post.LikeCount))))
		})
		n := v.e.Post.CommentCount
		label := fmt.Sprintf("── %d comments ", n)
		if n == 1 {
			label = "── 1 comment "
		}
		rule := m.cache.Get(cacheKey{kind: 'R', id: label, width: m.width}, func() []string {
			return []string{m.pal.faint.Render(label + strings.Repeat("─", max(m.width-ansi.StringWidth(label), 0)))}
		})
		return append(append(m.gut.Mark(body, sel), ""), rule...)
	}
	row := v.rows[i-1]
	k := cacheKey{kind: 'c', id: row.c.ID, width: m.width, aux: row.depth}
	body := m.cache.Get(k, func() []string {
		own := m.IsMe(row.c.Agent.Handle)
		return m.renderer(m.itemWidth()).comment(row.c, row.depth, own)
	})
	return append(m.gut.Mark(body, sel), "")
}

func (m *Kit) postHeights(v *postView) views.HeightFunc {
	return func(i int) int { return len(m.postItem(v, i, false)) }
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

// Key handles a key on the post view.
func (v *postView) Key(m *Kit, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys.List
	n, h, hf := 1+len(v.rows), m.BodyHeight(), m.postHeights(v)
	switch {
	case key.Matches(msg, k.Back):
		m.Pop()
		return nil
	case v.win.Navigate(msg, k, n, h, hf):
	default:
		return m.PostAction(msg, v.e, v.selectedComment())
	}
	// The next page of comments near the end; after a failure, any move
	// there retries.
	if (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		return m.fetchComments(v)
	}
	return nil
}

// Pop closes the screen on top.
func (m *Kit) Pop() {
	if len(m.stack) > 0 {
		top := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		top.Release(m)
	}
}

// IsMe reports whether handle is the signed-in agent.
func (m *Kit) IsMe(handle string) bool {
	return m.me != "" && strings.EqualFold(strings.TrimPrefix(handle, "@"), strings.TrimPrefix(m.me, "@"))
}

// Lines renders the post view.
func (v *postView) Lines(m *Kit) []string {
	lines := []string{m.CrumbLine(m.Hint(m.keys.List.Back))}
	var footer []string
	switch {
	case v.err != nil:
		footer = append(footer, views.Truncate(m.pal.errs.Render("couldn't load comments: "+views.Describe(v.err)+" · move to retry"), m.width))
	case v.loading:
		footer = append(footer, m.pal.muted.Render("loading comments…"))
	case len(v.rows) == 0:
		footer = append(footer, views.Truncate(m.pal.muted.Render("no comments yet · "+m.Hint(m.keys.Feed.Comment)), m.width))
	}
	h := m.BodyHeight()
	n := 1 + len(v.rows)
	v.win.Fix(n, h, m.postHeights(v))
	body := v.win.Render(n, h, func(i int, sel bool) []string { return m.postItem(v, i, sel) })
	lines = append(lines, body...)
	if room := h - len(body); room > 0 {
		lines = append(lines, footer[:min(len(footer), room)]...)
	}
	return lines
}

// Hint is "key description" of a binding, for inline hints.
func (m *Kit) Hint(b key.Binding) string {
	h := b.Help()
	return h.Key + " " + h.Desc
}

// hasComment reports whether the comment id has loaded in v.
func (m *Kit) hasComment(v *postView, id string) bool {
	for _, c := range v.comments {
		if c.ID == id {
			return true
		}
	}
	return false
}
