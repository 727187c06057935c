package messages

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The `/` filter (views.Filter) of the conversation list (who, and the
// last message) and of the open conversation (the messages' text). Each
// list's own window stays its selection in the whole list; the filter's
// window scrolls the matches, and once the filter is applied the item
// under its cursor is the list's selection, so every action acts on what
// the screen shows. While the query is typed the selection is the one
// from before, which esc returns to.

// convText is what the filter looks in for a conversation.
func convText(c *api.Conversation) string {
	s := c.Participant.Name + "\n@" + c.Participant.Handle
	if c.LastMessage != nil {
		s += "\n" + c.LastMessage.Content
	}
	return s
}

// convFolded is the folded text of conversation i of the list.
func (m *Model) convFolded(i int) string {
	e := m.list.entries[i]
	return e.fold.Get(e.ver, func() string { return convText(&e.c) })
}

// rowFolded is the folded text of row i of t: the message's.
func rowFolded(t *thread) func(i int) string {
	return func(i int) string {
		r := t.rows[i]
		if r.msg != nil {
			return r.msg.fold.Get(r.msg.ver, func() string { return r.msg.m.Content })
		}
		return views.Fold(r.out.Text)
	}
}

// filter is the filter of the list on screen: the open conversation's,
// or the conversation list's.
func (m *Model) filter() *views.Filter {
	if m.open != nil {
		return &m.open.filter
	}
	return &m.list.filter
}

// filterTyping reports whether the filter of the list on screen is being
// typed: the pane then captures input.
func (m *Model) filterTyping() bool {
	return !m.comp.IsOpen() && !m.prompt.open && m.filter().Editing()
}

// filterRows is the room a filter line takes under its list.
func filterRows(f *views.Filter) int {
	if f.Active() {
		return 1
	}
	return 0
}

// refilter brings the matches of the list on screen up to date (looking
// at every item again with force, after a message that may have changed
// one) and puts the filter's cursor on the selection, or the match nearest
// to it.
func (m *Model) refilter(force bool) {
	if t := m.open; t != nil {
		m.refilterThread(t, force)
		return
	}
	m.refilterList(force)
}

// refilterList is refilter for the conversation list.
func (m *Model) refilterList(force bool) {
	l := &m.list
	f := &l.filter
	if !f.Active() {
		return
	}
	if force {
		f.Invalidate()
	}
	f.Refresh(len(l.entries), m.convFolded)
	f.Follow(l.win.Cursor, m.listBodyHeight(), convHeights)
	if i, ok := f.Selected(); ok && !f.Editing() {
		l.win.Cursor = i
	}
}

// refilterThread is refilter for the open conversation t.
func (m *Model) refilterThread(t *thread, force bool) {
	f := &t.filter
	if !f.Active() {
		return
	}
	if force {
		f.Invalidate()
	}
	if t.toBottom && len(t.rows) > 0 {
		// The newest message was selected and a newer one came: it is
		// the selection now, as it would be unfiltered.
		t.win.Cursor, t.toBottom = len(t.rows)-1, false
	}
	f.Refresh(len(t.rows), rowFolded(t))
	f.Follow(t.win.Cursor, m.threadBodyHeight(), m.matchHeights(t))
	if i, ok := f.Selected(); ok && !f.Editing() {
		t.win.Cursor = i
	}
}

// refilterAfter brings the matches up to date after msg. A key changes no
// item (only which list shows), any other message may have changed any
// of them: both lists are looked at again.
func (m *Model) refilterAfter(msg tea.Msg) {
	if _, isKey := msg.(tea.KeyPressMsg); isKey {
		m.refilter(false)
		return
	}
	if m.open != nil {
		m.list.filter.Invalidate() // refiltered when the list shows again
	}
	m.refilter(true)
}

// filterInput types a key or a paste into the filter on screen.
func (m *Model) filterInput(msg tea.Msg) tea.Cmd {
	m.filter().Input(msg, func() { m.refilter(false) }, m.closeFilter)
	return nil
}

// closeFilter drops the filter on screen; the selection stays, on the row
// it had among the matches.
func (m *Model) closeFilter() {
	if t := m.open; t != nil {
		t.filter.Close(&t.win, len(t.rows), m.threadBodyHeight(), m.rowHeights(t), m.matchHeights(t))
		return
	}
	m.list.filter.Close(&m.list.win, len(m.list.entries), m.listBodyHeight(), convHeights, convHeights)
}

// filteredKey handles the list keys that concern the filter on screen: /
// starts or edits it; while it is applied, esc drops it and the movement
// keys move over the matches. It reports whether it took the key.
func (m *Model) filteredKey(msg tea.KeyPressMsg) bool {
	k, f := m.keys.List, m.filter()
	win, h, hf := &m.list.win, m.listBodyHeight(), views.HeightFunc(convHeights)
	if t := m.open; t != nil {
		win, h, hf = &t.win, m.threadBodyHeight(), m.matchHeights(t)
	}
	switch {
	case key.Matches(msg, k.Filter):
		f.Start(*win)
		m.refilter(true)
	case !f.Active():
		return false
	case key.Matches(msg, k.Back):
		m.closeFilter()
	case f.Win.Navigate(msg, k, f.Len(), h, hf):
		if i, ok := f.Selected(); ok {
			win.Cursor = i
		}
	default:
		return false
	}
	return true
}

// matchHeights measures the matches of t's filter as they are drawn: each
// after the match above it (matchBody).
func (m *Model) matchHeights(t *thread) views.HeightFunc {
	return func(j int) int {
		lines, _ := m.matchBody(t, j)
		return len(lines)
	}
}

// matchBody is match j of t's filter as drawn: laid out after the match
// above it, as if the messages between were not there, so each match
// shows its sender, and its day when the day changes.
func (m *Model) matchBody(t *thread, j int) ([]string, int) {
	f := &t.filter
	prev := -1
	if j > 0 {
		prev = f.Item(j - 1)
	}
	return m.rowBodyAfter(t, prev, f.Item(j))
}

// filteredThread is the matches of t's filter in h lines, the matched text
// marked, pushed down against the bottom when they are few, as the
// conversation is.
func (m *Model) filteredThread(t *thread, h int) []string {
	f := &t.filter
	m.refilter(false)
	n := f.Len()
	if n == 0 {
		return []string{m.pal.muted.Render("No loaded message matches.")}
	}
	f.Win.Fix(n, h, m.matchHeights(t))
	body := f.Win.Render(n, h, func(j int, sel bool) []string {
		lines, lead := m.matchBody(t, j)
		return f.Mark(m.gut.MarkFrom(lines, lead, sel))
	})
	if len(body) < h && f.Win.Top == 0 && f.Win.Skip == 0 {
		body = append(make([]string, h-len(body)), body...)
	}
	return body
}

// filteredList is the conversations matching the list's filter in h
// lines, the matched text marked.
func (m *Model) filteredList(h int) []string {
	l := &m.list
	f := &l.filter
	m.refilter(false)
	n := f.Len()
	if n == 0 {
		return []string{m.pal.muted.Render("No loaded conversation matches.")}
	}
	f.Win.Fix(n, h, convHeights)
	return f.Win.Render(n, h, func(j int, sel bool) []string {
		return f.Mark(m.convLines(l.entries[f.Item(j)], sel))
	})
}

// filterHelp is the filter's keys for the help of the list on screen.
func (m *Model) filterHelp() []key.Binding { return m.filter().Help() }
