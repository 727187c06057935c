package notifications

import (
	"fmt"
	"strings"

	"imagine/views"
)

// View implements ui.Pane: a title line (filter, unread count, new rows
// above), a refresh error if any, the visible rows, and the paging state.
// Only the visible rows are drawn, from cached renderings.
func (m *Model) View() string {
	m.syncCache()
	p := m.pal
	lines := append(make([]string, 0, m.height), m.header()...)
	footer := m.footer()
	if m.query.Active() {
		footer = append(footer, m.query.LineCounts(len(m.vis), m.typed, m.width))
	}
	h := max(m.height-len(lines)-len(footer), 1)
	l := &m.list
	switch {
	case m.src == nil:
		lines = append(lines, p.muted.Render("Notifications are not available."))
	case !l.loaded && m.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load notifications: "+views.Describe(m.err), m.width)...)
		lines = append(lines, views.Wrapped(p.muted, "retrying in the background; "+m.keys.Global.Refresh.Help().Key+" retries now", m.width)...)
	case !l.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(l.entries) == 0:
		lines = append(lines, p.muted.Render("No notifications yet."))
	case len(m.vis) == 0 && m.query.Active():
		lines = append(lines, p.muted.Render("No loaded notification matches."))
	case len(m.vis) == 0:
		lines = append(lines, views.Wrapped(p.muted, m.emptyFiltered(), m.width)...)
		lines = append(lines, views.Wrapped(p.faint, m.filterKeys()+" change the filter", m.width)...)
	default:
		m.win.Fix(len(m.vis), h, m.rowHeights())
		body := m.win.Render(len(m.vis), h, func(i int, sel bool) []string { return m.query.Mark(m.row(m.vis[i], sel)) })
		lines = append(lines, body...)
		for len(lines) < m.height-len(footer) {
			lines = append(lines, "")
		}
	}
	for m.query.Active() && len(lines) < m.height-len(footer) {
		lines = append(lines, "") // the filter line stays at the bottom
	}
	return views.Rows(append(lines, footer...), m.height)
}

// bodyHeight is the room left for rows: the height less the header and
// footer lines (counted without rendering them).
func (m *Model) bodyHeight() int {
	chrome := 1
	if m.err != nil && m.list.loaded {
		chrome++
	}
	if m.list.more || m.list.moreErr != nil {
		chrome++
	}
	if m.query.Active() {
		chrome++
	}
	return max(m.height-chrome, 1)
}

// header is the title line (and the refresh error line when a poll failed
// after the list loaded). The title names the filter; its right side says
// how many new rows wait above the view, or how to change the filter.
func (m *Model) header() []string {
	p := m.pal
	title := p.title.Render(m.Title()) + p.muted.Render(" · "+m.filter.String())
	if n := m.Badge(); n > 0 {
		title += p.muted.Render(fmt.Sprintf(" · %d unread", n))
	}
	hint := p.faint.Render(m.keys.Notifications.Filter.Help().Key + " filter")
	if m.newAbove > 0 {
		hint = p.accent.Render(fmt.Sprintf("↑ %d new", m.newAbove)) +
			p.faint.Render(" · "+m.keys.List.Top.Help().Key+" top")
	}
	out := []string{views.Spread(title, hint, m.width)}
	if m.err != nil && m.list.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(m.err)+" · showing what was loaded"), m.width))
	}
	return out
}

// footer is the state of the next page: loading, or failed.
func (m *Model) footer() []string {
	p := m.pal
	switch {
	case m.list.more:
		return []string{p.muted.Render("loading older…")}
	case m.list.moreErr != nil:
		return []string{views.Truncate(p.errs.Render("couldn't load older: "+views.Describe(m.list.moreErr)+" · move to retry"), m.width)}
	}
	return nil
}

// emptyFiltered explains an empty list under a filter.
func (m *Model) emptyFiltered() string {
	more := ""
	if m.list.hasMore {
		more = " in what is loaded"
	}
	switch m.filter {
	case filterUnread:
		return "Nothing unread" + more + "."
	case filterMarket():
		// "No market." read as if there were no marketplace.
		return "No marketplace notifications" + more + "."
	}
	return "No " + strings.ToLower(m.filter.String()) + more + "."
}

// filterKeys is the filter keys as help shows them, e.g. "f/F".
func (m *Model) filterKeys() string {
	nk := m.keys.Notifications
	return nk.Filter.Help().Key + "/" + nk.FilterBack.Help().Key
}
