package me

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The `/` filter (views.Filter) of the list sections: AXP (the history's
// descriptions), Analytics (the posts' text), Liked (the posts and their
// authors), Followers and Following (names, handles, types, bios). Each
// list keeps its own filter, as Explore's sections do, so s and S leave
// it in place. The list's window stays its selection among all the
// items; the filter's window scrolls the matches, and once the filter is
// applied the item under its cursor is the list's selection, so enter, !,
// o and y act on what the screen shows. While the query is typed the
// selection is the one from before, which esc returns to. You and
// Settings are no lists: `/` says so there.

// filterable is a section's list as the filter sees it: *list[T].
type filterable interface {
	query() *views.Filter
	window() *views.Window
	size() int
	folded(i int) string
}

func (l *list[T]) query() *views.Filter  { return &l.filter }
func (l *list[T]) window() *views.Window { return &l.win }
func (l *list[T]) size() int             { return len(l.items) }

// folded is item i's text as the filter compares it, folded again only
// after the items changed.
func (l *list[T]) folded(i int) string {
	if len(l.folds) != len(l.items) {
		l.folds = make([]views.Folded, len(l.items))
	}
	return l.folds[i].Get(l.ver, func() string { return l.text(l.items[i]) })
}

// What the filter looks in, for each kind of row.

func historyText(t api.AXPTransaction) string { return t.Description + "\n" + reasonText(t.Reason) }

func perfText(p api.PostPerformance) string { return p.Content + "\n" + strings.ToLower(p.MediaType) }

func postText(p api.Post) string {
	return p.Agent.Name + "\n@" + p.Agent.Handle + "\n" + p.Content
}

func agentText(a api.Agent) string {
	return a.Name + "\n@" + a.Handle + "\n" + strings.ToLower(a.AgentType) + "\n" + a.Bio
}

// initFilters gives every list its filter and what it looks in.
func (m *Model) initFilters() {
	m.history.text, m.perf.text, m.liked.text = historyText, perfText, postText
	m.follower.text, m.follows.text = agentText, agentText
	for sec := range sectionCount {
		if l := m.listOf(sec); l != nil {
			*l.query() = views.NewFilter(nil, m.keys.List)
		}
	}
}

// listOf is the list of a section, nil for You and Settings.
func (m *Model) listOf(sec section) filterable {
	switch sec {
	case secAXP:
		return &m.history
	case secAnalytics:
		return &m.perf
	case secLiked:
		return &m.liked
	case secFollowers:
		return &m.follower
	case secFollowing:
		return &m.follows
	case secYou, secSettings, sectionCount:
	}
	return nil
}

// rowHeight measures the rows of a section's list, filtered or not.
func rowHeight(sec section) views.HeightFunc {
	if sec == secAXP || sec == secAnalytics {
		return one
	}
	return two
}

// shownFilter is the filter of the section on screen, nil on You and
// Settings.
func (m *Model) shownFilter() *views.Filter {
	if l := m.listOf(m.section); l != nil {
		return l.query()
	}
	return nil
}

// filterOn reports whether the section on screen is filtered: its filter
// line then takes the pane's last row.
func (m *Model) filterOn() bool {
	f := m.shownFilter()
	return f != nil && f.Active()
}

// filterTyping reports whether the query of the section's filter is being
// typed: the pane then captures input, so no letter runs a section key.
func (m *Model) filterTyping() bool {
	f := m.shownFilter()
	return f != nil && f.Editing() && m.form == nil && !m.comp.IsOpen() && !m.links.IsOpen()
}

// refilter brings the matches of sec's list up to date (looking at every
// item again with force, after its items changed) and puts the filter's
// cursor on the selection, or the match nearest to it; once the filter is
// applied, the match under its cursor is the selection.
func (m *Model) refilter(sec section, force bool) {
	l := m.listOf(sec)
	if l == nil || !l.query().Active() {
		return
	}
	f, win := l.query(), l.window()
	if force {
		f.Invalidate()
	}
	f.Refresh(l.size(), l.folded)
	f.Follow(win.Cursor, m.listHeight(sec), rowHeight(sec))
	if i, ok := f.Selected(); ok && !f.Editing() {
		win.Cursor = i
	}
}

// filterInput types a key or a paste into the section's filter.
func (m *Model) filterInput(msg tea.Msg) {
	sec := m.section
	m.shownFilter().Input(msg, func() { m.refilter(sec, false) }, func() { m.closeFilter(sec) })
}

// closeFilter drops sec's filter; the selection stays, on the row it had
// among the matches.
func (m *Model) closeFilter(sec section) {
	l := m.listOf(sec)
	h := rowHeight(sec)
	l.query().Close(l.window(), l.size(), m.listHeight(sec), h, h)
}

// filterKey handles the list keys that concern the section's filter: /
// starts or edits it (or, on You and Settings, says there is nothing to
// filter); while it is applied, esc drops it and the movement keys move
// over the matches. It reports whether it took the key.
func (m *Model) filterKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	lk, sec := m.keys.List, m.section
	l := m.listOf(sec)
	if key.Matches(msg, lk.Filter) {
		if l == nil {
			return views.Status(views.LevelInfo, m.noFilter()), true
		}
		l.query().Start(*l.window())
		m.refilter(sec, true)
		return nil, true
	}
	if l == nil || !l.query().Active() {
		return nil, false
	}
	f := l.query()
	switch {
	case key.Matches(msg, lk.Back):
		m.closeFilter(sec)
	case f.Win.Navigate(msg, lk, f.Len(), m.listHeight(sec), rowHeight(sec)):
		if i, ok := f.Selected(); ok {
			l.window().Cursor = i
		}
	default:
		return nil, false
	}
	return nil, true
}

// noFilter says why `/` does nothing in the section on screen.
func (m *Model) noFilter() string {
	return "nothing to filter in " + m.section.String() + ": " + m.keys.List.Filter.Help().Key +
		" filters Analytics, AXP, Liked, Followers and Following"
}

// filterHelp is the filter's keys for the section's help: nil on You
// and Settings.
func (m *Model) filterHelp() []key.Binding {
	if f := m.shownFilter(); f != nil {
		return f.Help()
	}
	return nil
}

// filteredRows draws the matches of l's filter in h lines, the selection
// in the gutter and the matched text marked; row draws item i.
func (m *Model) filteredRows(l filterable, h int, height views.HeightFunc, row func(i int, sel bool) []string) []string {
	f := l.query()
	f.Refresh(l.size(), l.folded)
	n := f.Len()
	if n == 0 {
		return []string{m.styles.Muted.Render("Nothing loaded matches the filter.")}
	}
	f.Win.Fix(n, h, height)
	return f.Win.Render(n, h, func(j int, sel bool) []string { return f.Mark(row(f.Item(j), sel)) })
}
