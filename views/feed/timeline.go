package feed

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// source names a timeline.
type source int

const (
	home source = iota
	public
)

// String is the timeline's title.
func (s source) String() string {
	if s == home {
		return "Home feed"
	}
	return "Public timeline"
}

// timeline is the state of one list of posts. Only a window of it is held
// (bound.go): the posts of pages[lo:hi] are entries, after the placeholder
// hole when pages above were dropped; every page keeps its cursor, so
// dropped ones are fetched again on the way back.
type timeline struct {
	src     source
	list    Timeline
	entries []*postkit.Entry
	ids     map[string]bool // the posts in entries
	pages   []pageRef       // every page met from the top, held or dropped
	lo, hi  int             // the held pages
	count   int             // posts of every page, for the header
	next    string          // cursor of the page after the last in pages
	hasMore bool
	loaded  bool  // a first page arrived
	loading bool  // a first page is in flight
	err     error // the last refresh failed (data kept)
	more    bool  // the next page is in flight
	moreErr error // the next page failed; retried on the next move
	gen     int   // bumped when entries are replaced; drops stale pages

	// hole stands for the dropped pages above (in entries[0] while lo > 0);
	// up is the page above in flight. topIDs are the first page's posts
	// while it is dropped: a refresh reaching one of them connects.
	hole   *postkit.Entry
	up     bool
	topIDs []string

	// pending are posts newer than the top, shown by "." (never inserted
	// under the cursor). gap means they do not connect to entries, so
	// showing them replaces the list.
	pending        []api.Post
	gap            bool
	pendingNext    string
	pendingHasMore bool
	// own are the operator's posts ListPosted put on top since the list
	// last took the server's order. They are listed, yet posts waiting
	// behind the banner may be older than them: a refresh passes over
	// them to find where the new posts end, and "." sorts them in.
	own []string

	win views.Window
	// filter is the `/` filter over the entries; fsig the entries its
	// matches were found in (filter.go).
	filter views.Filter
	fsig   listSig
}

func (m *Model) newTimeline(src source, list Timeline) *timeline {
	hole := m.NewEntry(api.Post{})
	hole.Hole = true
	return &timeline{src: src, list: list, ids: map[string]bool{}, hole: hole, filter: views.NewFilter(nil, m.keys.List)}
}

// fetchFirst returns the Cmd that fetches the first page of tl.
func (m *Model) fetchFirst(ctx context.Context, tl *timeline) tea.Cmd {
	if tl.list == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	tl.loading = true
	list, src := tl.list, tl.src
	return func() tea.Msg {
		page, err := list.List(ctx, &api.ListOptions{})
		return pageMsg{src: src, page: page, err: err}
	}
}

// fetchMore returns the Cmd that fetches the page after the last loaded
// post (again, when it was dropped), or nil when there is none or one is
// already in flight.
func (m *Model) fetchMore(tl *timeline) tea.Cmd {
	cursor, ok := tl.tail()
	if tl.list == nil || !ok || tl.more {
		return nil
	}
	tl.more, tl.moreErr = true, nil
	ctx, list, src, gen, index := m.ctx, tl.list, tl.src, tl.gen, tl.hi
	return func() tea.Msg {
		page, err := list.List(ctx, &api.ListOptions{Cursor: cursor})
		return moreMsg{src: src, gen: gen, index: index, cursor: cursor, page: page, err: err}
	}
}

// setEntries replaces the whole list with posts, its first page.
func (m *Model) setEntries(tl *timeline, posts []api.Post, next string, hasMore bool) {
	m.release(tl, tl.entries)
	tl.entries = tl.entries[:0:0]
	tl.ids = make(map[string]bool, len(posts))
	tl.append(m, posts)
	tl.pages = []pageRef{{n: len(tl.entries)}}
	tl.lo, tl.hi, tl.count, tl.topIDs, tl.own = 0, 1, len(tl.entries), nil, nil
	tl.next, tl.hasMore = next, hasMore
	// A page in flight belongs to the old list; its answer is dropped.
	tl.gen++
	tl.more, tl.moreErr, tl.up = false, nil, false
	tl.win.Home()
}

// append adds posts not already listed at the end.
func (tl *timeline) append(m *Model, posts []api.Post) {
	for _, p := range posts {
		if p.ID == "" || tl.ids[p.ID] {
			continue
		}
		tl.ids[p.ID] = true
		tl.entries = append(tl.entries, m.Intern(p))
	}
}

// prepend inserts e at the top and keeps the selection on the same post.
// The top must be held (lo == 0); reload covers the other case.
func (tl *timeline) prepend(e *postkit.Entry) {
	if tl.ids[e.Post.ID] {
		return
	}
	tl.ids[e.Post.ID] = true
	tl.own = append(tl.own, e.Post.ID)
	tl.entries = append([]*postkit.Entry{e}, tl.entries...)
	tl.addTop(1)
	if len(tl.entries) > 1 {
		tl.win.Cursor++
		tl.win.Top++
	}
}

// remove drops the post id from the list, keeping the cursor in range.
func (tl *timeline) remove(id string) {
	if !tl.ids[id] {
		return
	}
	delete(tl.ids, id)
	tl.own = slices.DeleteFunc(tl.own, func(o string) bool { return o == id })
	for i, e := range tl.entries {
		if e.Hole || e.Post.ID != id {
			continue
		}
		if k := tl.pageOf(i); k >= 0 {
			tl.setN(k, tl.pages[k].n-1)
		}
		tl.entries = append(tl.entries[:i:i], tl.entries[i+1:]...)
		if i < tl.win.Cursor {
			tl.win.Cursor--
		}
		if i < tl.win.Top {
			tl.win.Top--
		}
		break
	}
}

// firstPage merges a refreshed first page. On a first load (or an empty
// list) the posts simply show; otherwise the posts above the first one
// already listed wait in pending behind the banner, and the ones already
// listed get their fresh counts.
func (m *Model) firstPage(msg pageMsg) tea.Cmd {
	tl := m.tls[msg.src]
	tl.loading = false
	if msg.err != nil {
		tl.err = msg.err
		return nil
	}
	tl.err = nil
	if msg.page == nil {
		return nil
	}
	items := msg.page.Items
	if tl.loaded && len(tl.entries) == 0 && tl.hi == 0 && len(tl.pages) > 0 {
		// A reload (bound.go) waits for this very page: take it as its
		// answer, keeping the cursors of the pages after it.
		tl.gen++
		tl.more, tl.moreErr = false, nil
		tl.append(m, items)
		tl.addTail("", len(tl.entries), msg.page)
		tl.pending = nil
		return m.maybeMore(tl)
	}
	if !tl.loaded || len(tl.entries) == 0 {
		tl.loaded = true
		m.setEntries(tl, items, msg.page.NextCursor, msg.page.HasMore)
		tl.pending = nil
		return m.maybeMore(tl)
	}
	var fresh []api.Post
	connected := false
	for _, p := range items {
		if slices.Contains(tl.own, p.ID) {
			// The operator's own post, put on top when it was sent: the
			// posts under it on the server may still be new here (the
			// ones the banner announced before a quote was sent).
			continue
		}
		if tl.ids[p.ID] || slices.Contains(tl.topIDs, p.ID) {
			connected = true
			break
		}
		fresh = append(fresh, p)
	}
	for _, p := range items {
		if tl.ids[p.ID] {
			m.Intern(p) // refreshes the entry held
		}
	}
	tl.pending = fresh
	tl.gap = !connected
	tl.pendingNext, tl.pendingHasMore = msg.page.NextCursor, msg.page.HasMore
	return nil
}

// showNew merges the pending posts at the top and selects the newest.
// When the first page was dropped, the posts under the new ones are not
// held: the timeline starts over from its newest posts instead. The
// operator's own posts put on top meanwhile are sorted in among the new
// ones by time, so the list reads in the server's order again.
func (m *Model) showNew(tl *timeline) tea.Cmd {
	switch {
	case len(tl.pending) == 0:
		return nil
	case tl.gap:
		posts := slices.Clone(tl.pending)
		for _, e := range tl.entries[:tl.ownOnTop()] {
			posts = append(posts, e.Post)
		}
		slices.SortStableFunc(posts, func(a, b api.Post) int { return b.CreatedAt.Compare(a.CreatedAt) })
		m.setEntries(tl, posts, tl.pendingNext, tl.pendingHasMore)
	case tl.lo > 0:
		return m.reload(tl)
	default:
		top := tl.ownOnTop()
		fresh := make([]*postkit.Entry, 0, len(tl.pending)+len(tl.entries))
		for _, p := range tl.pending {
			if p.ID == "" || tl.ids[p.ID] {
				continue
			}
			tl.ids[p.ID] = true
			fresh = append(fresh, m.Intern(p))
		}
		n := len(fresh)
		fresh = append(fresh, tl.entries[:top]...)
		slices.SortStableFunc(fresh, func(a, b *postkit.Entry) int { return b.Post.CreatedAt.Compare(a.Post.CreatedAt) })
		tl.entries = append(fresh, tl.entries[top:]...)
		tl.addTop(n)
	}
	tl.pending, tl.gap, tl.own = nil, false, nil
	tl.win.Home()
	return nil
}

// ownOnTop is how many of the first entries are the operator's posts put
// there by ListPosted.
func (tl *timeline) ownOnTop() int {
	n := 0
	for n < len(tl.entries) && !tl.entries[n].Hole && slices.Contains(tl.own, tl.entries[n].Post.ID) {
		n++
	}
	return n
}

// nextPage appends a page fetched by fetchMore.
func (m *Model) nextPage(msg moreMsg) tea.Cmd {
	tl := m.tls[msg.src]
	if cursor, ok := tl.tail(); msg.gen != tl.gen || msg.index != tl.hi || !ok || msg.cursor != cursor {
		return nil
	}
	tl.more = false
	if msg.err != nil {
		tl.moreErr = msg.err
		return nil
	}
	if msg.page == nil {
		return nil
	}
	before := len(tl.entries)
	tl.append(m, msg.page.Items)
	tl.addTail(msg.cursor, len(tl.entries)-before, msg.page)
	tl.prunePending()
	return nil
}

// maybeMore fetches the next page when the cursor is near the end.
func (m *Model) maybeMore(tl *timeline) tea.Cmd {
	if len(tl.entries)-1-tl.win.Cursor >= nearEnd {
		return nil
	}
	return m.fetchMore(tl)
}

// ListPosted implements postkit.Host: the operator's new post goes on top of
// both timelines. A new post is selected; a quote is not, as the operator
// quoted the post under the cursor and reads on from there.
func (m *Model) ListPosted(e *postkit.Entry) tea.Cmd {
	var cmds []tea.Cmd
	for _, tl := range m.tls {
		switch {
		case !tl.loaded:
		case tl.lo > 0:
			// The top was dropped: start over from it, under the post.
			cmds = append(cmds, m.reload(tl, e))
		default:
			tl.prepend(e)
			if !e.Post.IsQuote && e.Post.RepostOf == nil {
				// Your own new post is what you want to see: unlike
				// posts arriving from others, it moves the view to it.
				tl.win.Home()
			}
		}
	}
	return tea.Batch(cmds...)
}

// ListHolds implements postkit.Host: either timeline lists e.
func (m *Model) ListHolds(e *postkit.Entry) bool {
	for _, tl := range m.tls {
		if tl.ids[e.Post.ID] {
			return true
		}
	}
	return false
}

// ListSelected implements postkit.Host.
func (m *Model) ListSelected() *postkit.Entry { return m.selected() }

// ListName implements postkit.Host: the timeline on screen.
func (m *Model) ListName() string { return m.tl().src.String() }

// ListForget implements postkit.Host: a deleted post leaves both timelines.
func (m *Model) ListForget(id string) {
	for _, tl := range m.tls {
		tl.remove(id)
	}
}
