package feed

import (
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/views"
)

// The mouse in the Feed pane and in every stack made of a Feed model
// (ui/mouse.go routes it here with coordinates relative to the pane). A
// click selects the item on its row; a click on the selected item, or a
// double click, opens it by pressing enter for the operator, so it does
// exactly what enter does there. The wheel presses j or k.

// Click selects the item at row y of what is shown; opened reports that
// it pressed enter.
func (m *Model) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	if m.CapturesInput() {
		return nil, false
	}
	// A click changes the screen as a key does: relative times catch up.
	m.shown = m.clock()
	m.syncCache()
	var hit, open bool
	if s := m.top(); s != nil {
		hit, open, cmd = s.click(m.kit, y, double)
	} else {
		hit, open, cmd = m.clickList(y, double)
	}
	if !hit || !open {
		return cmd, false
	}
	return pressOpen(m.Update, m.keys)
}

// click implements screen; row 0 is the breadcrumb.
func (v *postView) click(m *kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := 1 + len(v.rows)
	hit, open = v.win.Click(y-1, n, m.screenBodyHeight(), m.postHeights(v), double)
	if hit && !open && (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = m.fetchComments(v)
	}
	return hit, open, cmd
}

// click implements screen: the card is item 0, the posts the agent liked
// follow.
func (v *profileView) click(m *kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := 1 + len(v.liked.entries)
	hit, open = v.win.Click(y-1, n, m.screenBodyHeight(), m.profileHeights(v), double)
	if hit && !open {
		cmd = m.morePosts(v.sid, &v.liked, v.win.Cursor-1)
	}
	return hit, open, cmd
}

// click implements screen.
func (v *hashtagView) click(m *kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	hit, open = v.win.Click(y-1, len(v.posts.entries), m.screenBodyHeight(), m.hashtagHeights(v), double)
	if hit && !open {
		cmd = m.morePosts(v.sid, &v.posts, v.win.Cursor)
	}
	return hit, open, cmd
}

// click implements screen.
func (v *agentsView) click(m *kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := len(v.agents)
	hit, open = v.win.Click(y-1, n, m.screenBodyHeight(), m.agentHeights(v), double)
	if hit && !open && (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = m.fetchAgents(v)
	}
	return hit, open, cmd
}

// click implements screen: an upload has nothing to open, a click only
// selects it.
func (v *mediaView) click(m *kit, y int, _ bool) (hit, open bool, cmd tea.Cmd) {
	if !v.loaded {
		return false, false, nil
	}
	n := len(v.items)
	hit, _ = v.win.Click(y-1, n, m.screenBodyHeight(), func(int) int { return 1 }, false)
	if hit && (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = m.fetchMedia(v)
	}
	return hit, false, cmd
}

// clickList is a click at row y of the timeline list, over the matches
// while its `/` filter is on.
func (m *Model) clickList(y int, double bool) (hit, open bool, cmd tea.Cmd) {
	tl := m.tl()
	if !tl.loaded || len(tl.entries) == 0 {
		return false, false, nil
	}
	header, _ := m.listChrome(tl)
	hit, open = views.ClickFiltered(&tl.win, &tl.filter, y-len(header), len(tl.entries), m.listBodyHeight(tl),
		m.listHeights(tl), m.filteredHeights(tl), double)
	if !hit || open {
		return hit, open, nil
	}
	m.trim(tl)
	return true, false, tea.Batch(m.maybeMore(tl), m.maybeEarlier(tl))
}

// pressOpen presses enter (the list's Open key) on what is shown.
func pressOpen(update func(tea.Msg) tea.Cmd, keys *keymap.KeyMap) (tea.Cmd, bool) {
	press, ok := views.PressOf(keys.List.Open)
	if !ok {
		return nil, false
	}
	return update(press), true
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Model) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}
