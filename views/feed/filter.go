package feed

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/postkit"
)

// The timeline's `/` filter (views.Filter) over the posts held. The
// timeline's own window stays the selection in the whole list: the
// filter's window scrolls the matches, and once the filter is applied the
// post under its cursor is the timeline's selection, so every action acts
// on what the screen shows. While the query is typed the selection is the
// one from before, which esc returns to.

// postText is what the filter looks in: who wrote the post and what it
// says, and the same of the post it reposts or quotes.
func postText(p *api.Post) string {
	var b strings.Builder
	for p != nil {
		b.WriteString(p.Agent.Name)
		b.WriteString("\n@")
		b.WriteString(p.Agent.Handle)
		b.WriteString("\n")
		b.WriteString(p.Content)
		b.WriteString("\n")
		p = p.RepostOf
	}
	return b.String()
}

// foldedText is the folded text of the timeline's entry i, refolded only
// when the entry changed.
func foldedText(tl *timeline) func(i int) string {
	return func(i int) string {
		e := tl.entries[i]
		if e.Hole {
			return ""
		}
		return e.Fold.Get(e.Ver, func() string { return postText(&e.Post) })
	}
}

// listSig identifies the entries a timeline's matches were found in: every
// change of the list replaces its backing array or its length, so a
// different signature means the matches must be looked for again.
type listSig struct {
	n           int
	first, last *postkit.Entry
}

func (tl *timeline) sig() listSig {
	if len(tl.entries) == 0 {
		return listSig{}
	}
	return listSig{n: len(tl.entries), first: tl.entries[0], last: tl.entries[len(tl.entries)-1]}
}

// filteredHeights measures the matches of tl's filter.
func (m *Model) filteredHeights(tl *timeline) views.HeightFunc {
	return func(j int) int { return m.rowHeight(tl.entries[tl.filter.Item(j)]) }
}

// filterRows is the room the filter line takes under the list.
func filterRows(tl *timeline) int {
	if tl.filter.Active() {
		return 1
	}
	return 0
}

// refilter brings tl's matches up to date (looking at every post again
// with force, after a message that may have changed one) and puts the
// filter's cursor on the selection, or the match nearest to it.
func (m *Model) refilter(tl *timeline, force bool) {
	f := &tl.filter
	if !f.Active() {
		return
	}
	if sig := tl.sig(); force || sig != tl.fsig {
		f.Invalidate()
		tl.fsig = sig
	}
	f.Refresh(len(tl.entries), foldedText(tl))
	f.Follow(tl.win.Cursor, m.listBodyHeight(tl), m.filteredHeights(tl))
	if !f.Editing() {
		if i, ok := f.Selected(); ok {
			tl.win.Cursor = i
		}
	}
}

// filterTyping reports whether msg is typed into the timeline's filter.
func (m *Model) filterTyping(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return m.typingFilter()
	}
	return false
}

// typingFilter reports whether the list is on screen with its filter's
// query being typed: the pane then captures input.
func (m *Model) typingFilter() bool {
	return !m.ComposerOpen() && m.Depth() == 0 && m.tl().filter.Editing()
}

// filterInput types a key or a paste into the filter.
func (m *Model) filterInput(msg tea.Msg) tea.Cmd {
	tl := m.tl()
	tl.filter.Input(msg, func() { m.refilter(tl, false) }, func() { m.closeFilter(tl) })
	return nil
}

// filteredKey handles the list keys that concern the filter: / starts or
// edits it; while it is applied, esc drops it and the movement keys move
// over the matches. It reports whether it took the key.
func (m *Model) filteredKey(tl *timeline, msg tea.KeyPressMsg) bool {
	k, f := m.keys.List, &tl.filter
	switch {
	case key.Matches(msg, k.Filter):
		f.Start(tl.win)
		m.refilter(tl, true)
	case !f.Active():
		return false
	case key.Matches(msg, k.Back):
		m.closeFilter(tl)
	case f.Win.Navigate(msg, k, f.Len(), m.listBodyHeight(tl), m.filteredHeights(tl)):
		if i, ok := f.Selected(); ok {
			tl.win.Cursor = i
		}
	default:
		return false
	}
	return true
}

// closeFilter drops tl's filter; the selection stays, on the row it had
// among the matches (views.Filter.Close).
func (m *Model) closeFilter(tl *timeline) {
	tl.filter.Close(&tl.win, len(tl.entries), m.listBodyHeight(tl), m.listHeights(tl), m.filteredHeights(tl))
}

// filteredBody is the matches of tl's filter in h lines, the matched text
// marked.
func (m *Model) filteredBody(tl *timeline, h int) []string {
	f := &tl.filter
	m.refilter(tl, false)
	var body []string
	if n := f.Len(); n == 0 {
		body = []string{m.pal.muted.Render("No loaded post matches.")}
	} else {
		f.Win.Fix(n, h, m.filteredHeights(tl))
		body = f.Win.Render(n, h, func(j int, sel bool) []string {
			return f.Mark(m.listRow(tl.entries[f.Item(j)], sel))
		})
	}
	for len(body) < h {
		body = append(body, "")
	}
	return body
}

// filterLine is the filter's line under the list.
func (m *Model) filterLine(tl *timeline) string {
	return tl.filter.Line(len(tl.entries)-tl.holes(), m.width)
}

// refilterAfter brings the matches of the timeline on screen up to date
// after msg: a key changes the posts only by replacing or resizing the
// list (listSig), any other message may have changed one in place.
func (m *Model) refilterAfter(msg tea.Msg) {
	_, isKey := msg.(tea.KeyPressMsg)
	m.refilter(m.tl(), !isKey)
}
