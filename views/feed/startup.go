package feed

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// What the pane shows before the home feed's first answer, which costs two
// round trips (a token, then the feed):
//
//   - the home feed's first page from the last run, read from disk (Options
//     HomeCache) in the first Cmd, marked "cached · 3m ago" until the
//     server's page replaces it;
//   - without one, the public timeline, which needs no token and so loads
//     in parallel with sign-in: it stands in, under its own title, until
//     the home feed arrives, unless the operator has picked a timeline.
//
// The server's page then replaces the stand-in. When the operator has
// moved the cursor on the cached page, it stays on the same post, at the
// same row, if the fresh page still has it; otherwise the fresh page shows
// from its newest post, as any first load does. Every fresh home page is
// written back to the cache by a Cmd.

// startup is the pane's state while the first home page is awaited.
type startup struct {
	cache HomeCache
	// cachedAt is when the home feed on screen was saved; zero once the
	// server's page has replaced it (or when it never came from disk).
	cachedAt time.Time
	// standIn is set while the public timeline is shown in place of a home
	// feed that has not arrived yet; picked once the operator has switched
	// timelines themselves, after which nothing switches for them.
	standIn, picked bool
}

// cachedMsg carries the home feed's page read from disk.
type cachedMsg struct {
	posts []api.Post
	saved time.Time
}

// startup is Init's Cmd: read the cache, or (when there is none to read)
// fetch the public timeline at once.
func (m *Model) startup() tea.Cmd {
	if m.tls[home].list == nil {
		return nil // Refresh fetches the public timeline, the only one
	}
	if c := m.start.cache; c != nil {
		return func() tea.Msg {
			// A missing or corrupt file is no posts; the store logs why.
			posts, saved, _ := c.Load()
			return cachedMsg{posts: posts, saved: saved}
		}
	}
	return m.fetchStandIn()
}

// fetchStandIn fetches the public timeline to show while the home feed
// loads, unless there is no need.
func (m *Model) fetchStandIn() tea.Cmd {
	pub := m.tls[public]
	if m.tls[home].loaded || pub.list == nil || pub.loaded || pub.loading {
		return nil
	}
	return m.fetchFirst(m.ctx, pub)
}

// cacheLoaded shows the cached page, unless the server was faster; with
// nothing cached, the public timeline stands in.
func (m *Model) cacheLoaded(msg cachedMsg) tea.Cmd {
	tl := m.tls[home]
	if tl.loaded {
		return nil
	}
	if len(msg.posts) == 0 {
		return m.fetchStandIn()
	}
	m.setEntries(tl, msg.posts, "", false) // no cursor: no next page until the fresh one
	tl.loaded = true
	m.start.cachedAt = msg.saved
	if m.start.standIn {
		m.src, m.start.standIn = home, false
	}
	return nil
}

// pageArrived takes a first page (firstPage does the merging): it replaces
// the cached page keeping the selection, ends the stand-in, and saves a
// fresh home page to disk.
func (m *Model) pageArrived(msg pageMsg) tea.Cmd {
	tl := m.tls[msg.src]
	fresh := msg.err == nil && msg.page != nil
	if !fresh || msg.src != home {
		cmd := m.firstPage(msg)
		if fresh && msg.src == public && m.src == home && !m.tls[home].loaded && !m.start.picked {
			m.src, m.start.standIn = public, true
		}
		return cmd
	}
	var keepID string
	var row int
	if !m.start.cachedAt.IsZero() {
		// The disk copy gives way to the server's page, as a first load.
		if e := m.selected(); e != nil && m.src == home && tl.win.Cursor > 0 {
			keepID, row = e.Post.ID, tl.win.Cursor-tl.win.Top
		}
		tl.loaded = false
		m.start.cachedAt = time.Time{}
	}
	cmd := m.firstPage(msg)
	if keepID != "" {
		reselect(tl, keepID, row)
	}
	if m.start.standIn {
		m.src, m.start.standIn = home, false
	}
	return tea.Batch(cmd, m.saveHome(msg.page.Items))
}

// reselect puts the cursor on post id, row rows below the top of the view,
// when the list has it.
func reselect(tl *timeline, id string, row int) {
	for i, e := range tl.entries {
		if !e.Hole && e.Post.ID == id {
			tl.win.Cursor, tl.win.Top, tl.win.Skip = i, max(i-row, 0), 0
			return
		}
	}
}

// saveHome writes the home feed's first page to the cache, off the loop.
func (m *Model) saveHome(posts []api.Post) tea.Cmd {
	c := m.start.cache
	if c == nil || len(posts) == 0 {
		return nil
	}
	at := m.Clock()
	return func() tea.Msg {
		// A failed write costs only the next start's head start; the
		// store logs it.
		_ = c.Save(posts, at)
		return nil
	}
}

// refreshing is the timeline a poll refreshes: the one on screen, or the
// home feed while the public timeline stands in for it.
func (m *Model) refreshing() *timeline {
	if m.start.standIn {
		return m.tls[home]
	}
	return m.tl()
}

// pickTimeline records that the operator chose a timeline: no stand-in any more.
func (m *Model) pickTimeline() {
	m.start.picked, m.start.standIn = true, false
}

// startupNote is what the list's title adds while the start-up state
// lasts: how old the cached page is, or that the home feed is coming.
func (m *Model) startupNote(tl *timeline) string {
	switch {
	case tl.src == home && !m.start.cachedAt.IsZero():
		switch ago := views.Ago(m.Now(), m.start.cachedAt); {
		case ago == "now":
			return "cached · just now"
		case strings.Contains(ago, " "):
			return "cached · " + ago // a date
		default:
			return "cached · " + ago + " ago"
		}
	case tl.src == public && m.start.standIn && m.tls[home].err != nil:
		return "home feed not loaded yet, retrying"
	case tl.src == public && m.start.standIn:
		return "home feed loading…"
	}
	return ""
}
