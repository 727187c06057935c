package feed

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// Pages dropped above the list (bound.go) come back one at a time as the
// cursor nears the placeholder standing for them; each lands above the
// list without moving what is on screen.

// maybeEarlier fetches the dropped page just above the list again when the
// cursor nears the placeholder or the placeholder shows, unless it is in
// flight already.
func (m *Model) maybeEarlier(tl *timeline) tea.Cmd {
	if tl.lo == 0 || tl.up || tl.list == nil {
		return nil
	}
	if tl.win.Cursor >= nearEnd && tl.win.Top > 0 {
		return nil
	}
	tl.up = true
	if tl.hole.Err != nil {
		tl.hole.Err = nil
		tl.hole.Ver++
	}
	ctx, list, src, gen, index, cursor := m.ctx, tl.list, tl.src, tl.gen, tl.lo-1, tl.pages[tl.lo-1].cursor
	return func() tea.Msg {
		page, err := list.List(ctx, &api.ListOptions{Cursor: cursor})
		return earlierMsg{src: src, gen: gen, index: index, cursor: cursor, page: page, err: err}
	}
}

// earlierPage puts a page fetched again by maybeEarlier above the list.
// The selected post stays selected on the same screen row; when the
// placeholder itself was selected, the post just above the old first one
// is.
func (m *Model) earlierPage(msg earlierMsg) tea.Cmd {
	tl := m.tls[msg.src]
	if msg.gen != tl.gen || tl.lo == 0 || msg.index != tl.lo-1 || msg.cursor != tl.pages[msg.index].cursor {
		return nil
	}
	tl.up = false
	if msg.err != nil {
		tl.hole.Err = msg.err
		tl.hole.Ver++
		return nil
	}
	var items []api.Post
	if msg.page != nil {
		items = msg.page.Items
	}
	header, _ := m.listChrome(tl)
	row := tl.cursorRow(m.listHeights(tl))
	onHole := tl.win.Cursor == 0
	fresh := make([]*postkit.Entry, 0, len(items))
	for _, p := range items {
		if p.ID == "" || tl.ids[p.ID] {
			continue
		}
		tl.ids[p.ID] = true
		fresh = append(fresh, m.Intern(p))
	}
	tl.lo--
	tl.setN(tl.lo, len(fresh))
	entries := make([]*postkit.Entry, 0, 1+len(fresh)+len(tl.entries))
	if tl.lo > 0 {
		entries = append(entries, tl.hole)
	} else {
		tl.topIDs = nil
	}
	entries = append(append(entries, fresh...), tl.entries[1:]...)
	shift := len(entries) - len(tl.entries)
	tl.entries = entries
	switch {
	case onHole:
		tl.win.Cursor = max(tl.holes()+len(fresh)-1, 0)
	default:
		tl.win.Cursor += shift
	}
	tl.prunePending()
	// The banner may have gone with the posts it announced: the body then
	// starts higher, and the selected post's row in it is one lower.
	after, _ := m.listChrome(tl)
	tl.anchor(row+len(header)-len(after), m.listHeights(tl))
	return m.maybeEarlier(tl)
}

// cursorRow is the row of the selected item's first line in the list body
// (negative when it starts above the view). It walks the visible items
// only.
func (tl *timeline) cursorRow(h views.HeightFunc) int {
	w := tl.win
	if w.Cursor < w.Top {
		return 0
	}
	row := -w.Skip
	for i := w.Top; i < w.Cursor; i++ {
		row += h(i)
	}
	return row
}

// anchor scrolls so that the selected item's first line is at row of the
// list body, as far as there are items above to fill it.
func (tl *timeline) anchor(row int, h views.HeightFunc) {
	w := &tl.win
	w.Top, w.Skip = w.Cursor, 0
	for row > 0 && w.Top > 0 {
		w.Top--
		row -= h(w.Top)
	}
	if row < 0 {
		w.Skip = -row
	}
}

// listRow is an item of the list as shown: a post, or the placeholder.
func (m *Model) listRow(e *postkit.Entry, sel bool) []string {
	if e.Hole {
		return m.HoleLines(e, sel)
	}
	if at, n, _ := m.divider(m.tl()); e == at {
		return append([]string{m.dividerLine(n)}, m.ListItem(e, sel)...)
	}
	return m.ListItem(e, sel)
}

// rowHeight is the height of an item of the list.
func (m *Model) rowHeight(e *postkit.Entry) int {
	if e.Hole {
		return 1
	}
	if at, _, _ := m.divider(m.tl()); e == at {
		return 1 + m.ListHeight(e)
	}
	return m.ListHeight(e)
}
