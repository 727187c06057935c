package feed

import (
	"imagine/views/postkit"

	tea "charm.land/bubbletea/v2"
)

// keepPosts is how many posts a timeline keeps beyond the cursor on either
// side, on top of a screenful. Whole pages further away are dropped and
// fetched again with their cursors on the way back, so memory does not
// grow with scrolling: a post costs about 2 KB, its page's cursor a few
// bytes. It is well past nearEnd, so a page is never dropped right after
// it is fetched.
const keepPosts = 100

// trim drops the held pages far from the cursor. The margin counts items,
// and every item is at least one line high, so nothing on screen goes.
func (m *Model) trim(tl *timeline) {
	margin := keepPosts + m.height
	m.dropAbove(tl, min(tl.win.Cursor, tl.win.Top)-margin)
	m.dropBelow(tl, max(tl.win.Cursor, tl.win.Top)+margin)
}

// dropAbove drops the held pages whose posts all lie above entries[limit],
// leaving the placeholder in their place; the window moves with the
// entries, so the screen does not change.
func (m *Model) dropAbove(tl *timeline, limit int) {
	k, end := tl.lo, tl.holes()
	for k < tl.hi-1 && end+tl.pages[k].n <= limit {
		end += tl.pages[k].n
		k++
	}
	if k == tl.lo {
		return
	}
	if tl.lo == 0 {
		// Keep what a refresh needs to connect new posts to the top.
		tl.topIDs = make([]string, 0, tl.pages[0].n)
		for _, e := range tl.entries[:tl.pages[0].n] {
			tl.topIDs = append(tl.topIDs, e.Post.ID)
		}
	}
	m.release(tl, tl.entries[tl.holes():end])
	// A new slice, so the dropped posts' backing array is freed.
	kept := make([]*postkit.Entry, 0, 1+len(tl.entries)-end)
	kept = append(append(kept, tl.hole), tl.entries[end:]...)
	shift := len(tl.entries) - len(kept)
	tl.entries = kept
	tl.win.Cursor -= shift
	tl.win.Top -= shift
	tl.lo = k
	// A page above in flight is no longer the one next to the list; its
	// answer is dropped, and the next move asks for the right one.
	tl.up = false
}

// dropBelow drops the held pages that start at or below entries[limit].
// Their cursors stay, and the endless scroll fetches them again.
func (m *Model) dropBelow(tl *timeline, limit int) {
	k, start := tl.lo, tl.holes()
	for k < tl.hi && start < limit {
		start += tl.pages[k].n
		k++
	}
	if k >= tl.hi {
		return
	}
	m.release(tl, tl.entries[start:])
	tl.entries = append(make([]*postkit.Entry, 0, start), tl.entries[:start]...)
	tl.hi = k
	// A next page in flight is dropped the same way.
	tl.more, tl.moreErr = false, nil
}

// release forgets entries a timeline no longer lists, and drops them from
// the store unless something else still shows them.
func (m *Model) release(tl *timeline, gone []*postkit.Entry) {
	for _, e := range gone {
		if !e.Hole {
			delete(tl.ids, e.Post.ID)
		}
	}
	for _, e := range gone {
		m.Release(e)
	}
}

// reload starts the timeline over from its newest posts, with top (the
// operator's new post) above them. It is how g, "." and a new post reach
// the top once the first page was dropped: every held page is dropped and
// the first one fetched again, as the endless scroll then fetches the
// others, by the cursors kept. The list shows "loading…" until the first
// page is back; keys keep working.
func (m *Model) reload(tl *timeline, top ...*postkit.Entry) tea.Cmd {
	m.release(tl, tl.entries)
	tl.entries = append([]*postkit.Entry(nil), top...)
	tl.ids = make(map[string]bool, len(top))
	for _, e := range top {
		tl.ids[e.Post.ID] = true
	}
	// The first page fetched again lists top in the server's order.
	tl.lo, tl.hi, tl.topIDs, tl.own = 0, 0, nil, nil
	if len(tl.pages) == 0 {
		tl.pages = []pageRef{{}}
	}
	if len(top) > 0 {
		tl.addTop(len(top))
	}
	// The first page brings the new posts the banner announced.
	tl.pending, tl.gap = nil, false
	tl.gen++
	tl.more, tl.moreErr, tl.up = false, nil, false
	tl.win.Home()
	return m.fetchMore(tl)
}
