package postkit

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// PostList is a list of posts read page by page from one endpoint on a
// stacked screen: an agent's liked posts (views/profile), a hashtag's posts
// (views/hashtag). It is read from the top once and grows as the cursor nears
// its end; unlike a timeline it is not polled and drops no pages, since a
// screen is left long before it could hold many. Its entries are shared
// through the store like a timeline's, so a like shows everywhere.
type PostList struct {
	fetch func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error)
	// ctx is the screen's: cancelled when it is closed, so a page still
	// waiting for the client's rate budget is never sent for a screen
	// already left (flicking through profiles costs no requests).
	ctx     context.Context
	cancel  context.CancelFunc
	Entries []*Entry
	ids     map[string]bool
	next    string // cursor of the next page
	hasMore bool
	loaded  bool // the first page arrived
	loading bool
	err     error // the last page failed; a move retries it
}

// postsMsg is a page of a screen's post list.
type postsMsg struct {
	sid    int
	cursor string
	page   *api.Page[api.Post]
	err    error
}

// Asked reports whether the list was ever fetched (a preview fetches none).
func (l *PostList) Asked() bool { return l.loaded || l.loading || l.err != nil }

// Settled reports whether no page of the list is on its way and the last
// one did not fail.
func (l *PostList) Settled() bool { return !l.loading && l.err == nil }

// SetSource makes fetch the list's source, under a context of the
// screen's own, derived from parent.
func (l *PostList) SetSource(parent context.Context, fetch func(ctx context.Context, opts *api.ListOptions) (*api.Page[api.Post], error)) {
	l.ctx, l.cancel = context.WithCancel(parent)
	l.fetch = fetch
}

// FetchPosts returns the Cmd that fetches the next page of screen sid's
// list, or nil when one is in flight or there is no source.
func (m *Kit) FetchPosts(sid int, l *PostList) tea.Cmd {
	if l.fetch == nil || l.loading {
		return nil
	}
	l.loading, l.err = true, nil
	ctx, fetch, cursor := l.ctx, l.fetch, l.next
	return func() tea.Msg {
		page, err := fetch(ctx, &api.ListOptions{Cursor: cursor})
		return postsMsg{sid: sid, cursor: cursor, page: page, err: err}
	}
}

// MorePosts fetches the next page when the cursor (at index i of the
// list's posts) is near the end; after a failure, any move there retries.
func (m *Kit) MorePosts(sid int, l *PostList, i int) tea.Cmd {
	if (l.hasMore || l.err != nil) && !l.loading && len(l.Entries)-1-i < nearEnd {
		return m.FetchPosts(sid, l)
	}
	return nil
}

// PostsLoaded appends a page (msg, when it is one) to the list of screen
// sid, whose cursor is
// at index at of the list, if the page is the one it waits for. A page
// that leaves the cursor near the end brings the next one, as the
// timeline does, so a short page does not leave the screen half empty;
// only a page that added posts does, so empty pages cannot loop.
func (m *Kit) PostsLoaded(sid int, l *PostList, at int, msg tea.Msg) tea.Cmd {
	page, ok := msg.(postsMsg)
	if !ok {
		return nil
	}
	return m.postsLoaded(sid, l, at, page)
}

// postsLoaded is PostsLoaded for a page.
func (m *Kit) postsLoaded(sid int, l *PostList, at int, msg postsMsg) tea.Cmd {
	if msg.sid != sid || msg.cursor != l.next || !l.loading {
		return nil
	}
	l.loading = false
	if msg.err != nil {
		l.err = msg.err
		return nil
	}
	l.loaded = true
	if msg.page == nil {
		return nil
	}
	if l.ids == nil {
		l.ids = map[string]bool{}
	}
	before := len(l.Entries)
	for _, p := range msg.page.Items {
		if p.ID == "" || l.ids[p.ID] {
			continue
		}
		l.ids[p.ID] = true
		l.Entries = append(l.Entries, m.Intern(p))
	}
	l.next, l.hasMore = msg.page.NextCursor, msg.page.HasMore && msg.page.NextCursor != ""
	if len(l.Entries) == before {
		return nil
	}
	return m.MorePosts(sid, l, at)
}

// Remove drops the post id (deleted) from the list; at is the first item
// of the list in its screen's window, which is kept on the same post.
func (l *PostList) Remove(id string, win *views.Window, at int) {
	if !l.ids[id] {
		return
	}
	delete(l.ids, id)
	for i, e := range l.Entries {
		if e.Post.ID != id {
			continue
		}
		l.Entries = append(l.Entries[:i:i], l.Entries[i+1:]...)
		if at+i < win.Cursor {
			win.Cursor--
		}
		if at+i < win.Top {
			win.Top--
		}
		return
	}
}

// forget removes a deleted post from the lists under the stack, the
// screens and the store.
func (m *Kit) forget(id string) tea.Cmd {
	if m.host != nil {
		m.host.ListForget(id)
	}
	delete(m.store, id)
	return m.toScreens(PostDeleted{ID: id})
}

// Release cancels the list's requests (its screen was popped) and drops
// from the store the posts only it listed, as a timeline does with the
// pages it drops (bound.go in package feed).
func (l *PostList) Release(m *Kit) {
	if l.cancel != nil {
		l.cancel()
	}
	for _, e := range l.Entries {
		if m.store[e.Post.ID] == e && !m.Held(e) {
			delete(m.store, e.Post.ID)
		}
	}
}

// Holds reports whether the list shows e.
func (l *PostList) Holds(e *Entry) bool { return l.ids[e.Post.ID] }

// PostsFooter says how a screen's list stands: loading, failed, or empty
// (empty is what to say then); "" when it shows posts and nothing is
// pending.
func (m *Kit) PostsFooter(l *PostList, empty string) string {
	p := m.pal
	switch {
	case l.err != nil:
		return views.Truncate(p.errs.Render("couldn't load: "+views.Describe(l.err)+" · move to retry"), m.width)
	case l.loading && len(l.Entries) == 0:
		return p.muted.Render("loading…")
	case l.loading:
		return p.muted.Render("loading more…")
	case l.loaded && len(l.Entries) == 0:
		return views.Truncate(p.muted.Render(empty), m.width)
	}
	return ""
}

// Cancelled reports whether the list's requests were cancelled: its
// screen was left.
func (l *PostList) Cancelled() bool { return l.ctx != nil && l.ctx.Err() != nil }

// More reports whether the server has more pages of the list.
func (l *PostList) More() bool { return l.hasMore }
