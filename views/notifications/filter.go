package notifications

import (
	"slices"

	"imagine/api"
	"imagine/views"
)

// filter is what the list shows: everything, the unread, one type, or
// the marketplace's types together (the last filter). The filtering is
// local: the API documents no type filter.
type filter int

const (
	filterAll filter = iota
	filterUnread
	// filterTypes is the first of one filter per api.NotificationTypes
	// entry, in the spec's order.
	filterTypes
)

// filterMarket is the marketplace's notifications, after the types.
func filterMarket() filter { return filterTypes + filter(len(api.NotificationTypes)) }

// filterCount is the number of filters the key cycles through.
func filterCount() filter { return filterMarket() + 1 }

// next is the filter after f, wrapping around.
func (f filter) next() filter { return (f + 1) % filterCount() }

// prev is the filter before f, wrapping around.
func (f filter) prev() filter { return (f + filterCount() - 1) % filterCount() }

// typ is the notification type f keeps, or "" for All, Unread and Market.
func (f filter) typ() string {
	if f < filterTypes || f >= filterMarket() {
		return ""
	}
	return api.NotificationTypes[f-filterTypes]
}

// String is the filter's name in the pane's title.
func (f filter) String() string {
	switch f {
	case filterAll:
		return "All"
	case filterUnread:
		return "Unread"
	case filterMarket():
		return "Market"
	}
	return kindOf(f.typ()).plural
}

// match reports whether f shows n.
func (f filter) match(n *api.Notification) bool {
	switch f {
	case filterAll:
		return true
	case filterUnread:
		return !n.Read
	case filterMarket():
		return slices.Contains(api.MarketNotificationTypes, n.Type)
	}
	return n.Type == f.typ()
}

// refilter rebuilds the visible rows. With keep, the selected notification
// stays selected and at the same place on screen: rows inserted above it
// push the window's top down with it, and are counted in newAbove.
func (m *Model) refilter(keep bool) {
	sel := m.anchor()
	before := m.win
	idx, exact := m.rebuildVis(sel)
	if !keep || idx < 0 {
		m.win.Home()
		m.newAbove = 0
		m.fixWindow()
		return
	}
	if !exact {
		// The `/` filter hides the selection now: the nearest row.
		m.placeAt(idx, before)
		return
	}
	above := idx - before.Cursor
	m.win = views.Window{Cursor: idx, Top: max(before.Top+above, 0), Skip: before.Skip}
	if above > 0 {
		m.newAbove += above
	}
	m.fixWindow()
}

// rebuildVis rebuilds the visible rows: those the type filter shows (or
// showed, stick) that the `/` filter keeps. It returns the row of sel, or
// when the `/` filter hides sel, the row nearest to it in the list (exact
// false); -1 when there is neither.
func (m *Model) rebuildVis(sel *entry) (idx int, exact bool) {
	vis := make([]*entry, 0, len(m.list.entries))
	at := make([]int, 0, len(m.list.entries)) // each row's index in the list
	stick := make(map[string]bool, len(m.stick)+8)
	typed, selAt := 0, -1
	idx = -1
	for i, e := range m.list.entries {
		if !m.filter.match(&e.n) && !m.stick[e.n.ID] {
			continue
		}
		stick[e.n.ID] = true
		typed++
		if e == sel {
			selAt = i
		}
		if !m.shows(e) {
			continue
		}
		if e == sel {
			idx = len(vis)
		}
		vis = append(vis, e)
		at = append(at, i)
	}
	m.vis, m.stick, m.typed = vis, stick, typed
	if idx >= 0 || selAt < 0 {
		return idx, idx >= 0
	}
	return views.Nearest(at, selAt), false
}

// setFilter switches the filter, keeping the selected notification when
// the new filter shows it.
func (m *Model) setFilter(f filter) {
	sel := m.selected()
	m.filter = f
	m.stick = map[string]bool{}
	m.refilter(false)
	if idx := m.indexOf(sel); idx > 0 {
		m.win = views.Window{Cursor: idx}
		m.fixWindow()
	}
}

// indexOf is the visible row of e, or -1.
func (m *Model) indexOf(e *entry) int {
	if e == nil {
		return -1
	}
	for i, v := range m.vis {
		if v == e {
			return i
		}
	}
	return -1
}

// fixWindow keeps the window valid for the rows and the room on screen, and
// forgets the "new above" count once those rows are in view.
func (m *Model) fixWindow() {
	m.win.Fix(len(m.vis), m.bodyHeight(), m.rowHeights())
	m.newAbove = min(m.newAbove, m.win.Top)
}

// rowHeights measures visible rows without rendering them.
func (m *Model) rowHeights() views.HeightFunc {
	return func(i int) int { return rowHeight(&m.vis[i].n) }
}
