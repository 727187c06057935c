package jobs

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// history is the history view: every job, newest first, page by page.
type history struct {
	items   []api.GenerationJob
	next    string // cursor of the next (older) page
	hasMore bool
	loaded  bool
	loading bool  // a page is in flight
	err     error // the last page failed; moving retries it
	// stale is set when a job finished since the first page was read; the
	// next visit reloads it.
	stale bool
	gen   int // bumped on every reset; drops pages of an older list
	win   views.Window
	// filter is the `/` filter over the items (filter.go).
	filter views.Filter
}

// reset replaces the list with a fresh first page (page nil and err set:
// the reload failed, the list stays).
func (h *history) reset(page *api.Page[api.GenerationJob], err error) {
	h.loading = false
	h.err = err
	if err != nil || page == nil {
		return
	}
	h.gen++
	h.items = dedupe(nil, page.Items)
	h.next, h.hasMore = page.NextCursor, page.HasMore && page.NextCursor != ""
	h.loaded, h.stale = true, false
	// Keep the cursor's position; the view scrolls to it when drawn.
	h.win = views.Window{Cursor: min(h.win.Cursor, max(len(h.items)-1, 0))}
}

// dedupe appends the items whose IDs are not already in list.
func dedupe(list, items []api.GenerationJob) []api.GenerationJob {
	seen := make(map[string]bool, len(list))
	for _, j := range list {
		seen[j.ID] = true
	}
	for _, j := range items {
		if j.ID == "" || seen[j.ID] {
			continue
		}
		seen[j.ID] = true
		list = append(list, j)
	}
	return list
}

// openHistory switches to the history view, reading the first page when
// it was never read or a job finished since.
func (m *Model) openHistory() tea.Cmd {
	m.screen = viewHistory
	if m.gen == nil || m.hist.loading || (m.hist.loaded && !m.hist.stale) {
		return nil
	}
	return m.historyPage("")
}

// historyPage reads the page at cursor ("" is the first).
func (m *Model) historyPage(cursor string) tea.Cmd {
	m.hist.loading, m.hist.err = true, nil
	ctx, gen, g := m.ctx, m.gen, m.hist.gen
	return func() tea.Msg {
		page, err := gen.History(ctx, &api.ListOptions{Limit: historyPage, Cursor: cursor})
		return historyMsg{gen: g, cursor: cursor, page: page, err: err}
	}
}

// historyLoaded applies a page: the first replaces the list, the others
// append to it.
func (m *Model) historyLoaded(msg historyMsg) tea.Cmd {
	h := &m.hist
	if msg.gen != h.gen {
		return nil
	}
	if msg.cursor == "" {
		h.reset(msg.page, msg.err)
		return nil
	}
	h.loading, h.err = false, msg.err
	if msg.err != nil || msg.page == nil {
		return nil
	}
	h.items = dedupe(h.items, msg.page.Items)
	h.next = msg.page.NextCursor
	h.hasMore = msg.page.HasMore && msg.page.NextCursor != "" && msg.page.NextCursor != msg.cursor
	return nil
}

// moreHistory fetches the next page when the cursor nears the end.
func (m *Model) moreHistory() tea.Cmd {
	h := &m.hist
	switch {
	case m.gen == nil || h.loading:
		return nil
	case !h.loaded:
		if h.err != nil {
			return m.historyPage("") // the first page failed: try it again
		}
		return nil
	case !h.hasMore:
		return nil
	case h.err != nil || h.win.Cursor >= len(h.items)-nearEnd:
		return m.historyPage(h.next)
	}
	return nil
}

// selectedPast is the history job under the cursor, if any.
func (m *Model) selectedPast() *api.GenerationJob {
	h := &m.hist
	if len(h.items) == 0 {
		return nil
	}
	i := h.win.Cursor
	if h.filter.Active() {
		var ok bool
		if i, ok = h.filter.Selected(); !ok {
			return nil
		}
	}
	return &h.items[min(i, len(h.items)-1)]
}
