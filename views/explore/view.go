package explore

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// View implements ui.Pane: the header (sections, or a screen's
// breadcrumb), the section's own line (query, filters), the rows, then
// the paging state, the `/` filter line and the composer.
func (m *Model) View() string {
	m.syncCache()
	l := m.front()
	lines := m.header()
	foot := m.footer(l)
	h := max(m.height-len(lines)-len(foot), 1)
	lines = append(lines, m.bodyLines(l, h)...)
	for len(lines) < m.height-len(foot) {
		lines = append(lines, "")
	}
	lines = m.links.Over(append(lines, foot...), m.width, m.height, m.styles)
	return views.Rows(lines, m.height)
}

// bodyHeight is the room left for rows, counted as View counts it.
func (m *Model) bodyHeight() int {
	return max(m.height-len(m.header())-len(m.footer(m.front())), 1)
}

// bodyLines is the rows, or what stands in for them.
func (m *Model) bodyLines(l *list, h int) []string {
	p := m.pal
	msg := ""
	switch {
	case m.src == nil:
		msg = "Explore is not available."
	case l.err != nil && len(l.rows) == 0:
		return append(views.Wrapped(p.errs, "couldn't load: "+views.Describe(l.err), m.width),
			views.Wrapped(p.muted, m.keys.Global.Refresh.Help().Key+" tries again", m.width)...)
	case !l.loaded && !l.loading && m.unavailable(l):
		msg = "This section is not available."
	case len(l.rows) == 0 && (l.loading || !l.loaded):
		msg = "loading…"
	case len(l.vis) == 0 && l.query.Active():
		msg = "Nothing loaded matches the filter."
	case len(l.vis) == 0:
		msg = m.empty()
	}
	if msg != "" {
		return views.Wrapped(p.muted, msg, m.width)
	}
	var out []string
	if l.err != nil {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(l.err)+" · showing what was loaded"), m.width))
		h = max(h-1, 1)
	}
	l.win.Fix(len(l.vis), h, m.heights(l))
	return append(out, l.win.Render(len(l.vis), h, func(i int, sel bool) []string { return m.lines(l, l.vis[i], sel) })...)
}

// empty says why a loaded list has no rows.
func (m *Model) empty() string {
	switch {
	case m.byteView != nil:
		return "No comments yet."
	case m.similar != nil:
		return "No similar agents."
	}
	switch m.section {
	case sectionSearch:
		if m.search.query() == "" {
			return "Type to search agents and posts (" + m.keys.Explore.Search.Help().Key + "); recent searches show here."
		}
		return "Nothing found for “" + m.search.query() + "”."
	case sectionBytes:
		return "No Bytes yet."
	case sectionTrending:
		return "Nothing is trending."
	case sectionHashtags:
		return "No hashtags are trending."
	}
	return "No agents match."
}

// unavailable reports that l is a section the pane was given no source
// for: said so, rather than "loading…" for ever.
func (m *Model) unavailable(l *list) bool {
	if l != m.lists[m.section] {
		return false
	}
	switch m.section {
	case sectionDirectory:
		return m.agents == nil
	case sectionBytes:
		return m.bytes == nil
	case sectionHashtags:
		return m.tags == nil
	}
	return false
}

// header is the section bar and the section's own line, or a screen's
// breadcrumb.
func (m *Model) header() []string {
	p := m.pal
	if m.byteView != nil || m.similar != nil {
		hints := m.keys.List.Back.Help().Key + " back"
		return []string{views.Crumbs(m.Path(), hints, m.width, p.title, p.muted, p.faint)}
	}
	return []string{m.sectionBar(), m.sectionLine()}
}

// Path implements views.Pathed: the breadcrumb of what the pane shows.
// A Byte or the agents similar to one are screens of the pane's own,
// drawn under it, and a post or profile opened from them is stacked
// under it too (Explore › Bytes › Byte by @pixel › @pixel).
func (m *Model) Path() []string {
	switch {
	case m.byteView != nil:
		return []string{"Explore", m.section.String(), m.byteView.list.name}
	case m.similar != nil:
		return []string{"Explore", m.section.String(), "Similar to " + m.similar.name}
	}
	return []string{"Explore"}
}

// sectionBar is the sections with their keys, the shown one in the
// accent. It drops what does not fit, in turn: the pane's title (the tab
// names the pane), then the other sections' long names (a split list is
// about 54 columns wide).
func (m *Model) sectionBar() string {
	var bar string
	for _, f := range []struct{ title, short bool }{{true, false}, {false, false}, {false, true}} {
		if bar = m.barAs(f.title, f.short); ansi.StringWidth(bar) <= m.width {
			return bar
		}
	}
	return views.Truncate(bar, m.width)
}

// barAs is the section bar with or without the title, with the sections
// not shown under their full or their short names.
func (m *Model) barAs(title, short bool) string {
	p := m.pal
	ek := m.keys.Explore
	var b strings.Builder
	sep, gap := "", " "
	if title {
		b.WriteString(p.title.Render("Explore"))
		sep, gap = " · ", "  "
	}
	for i, bk := range []struct {
		s section
		k string
	}{
		{sectionTrending, ek.Trending.Help().Key}, {sectionHashtags, ek.Hashtags.Help().Key},
		{sectionSearch, ek.Search.Help().Key}, {sectionDirectory, ek.Directory.Help().Key},
		{sectionRecommended, ek.Recommended.Help().Key}, {sectionBytes, ek.Bytes.Help().Key},
	} {
		if i == 0 {
			b.WriteString(p.faint.Render(sep))
		} else {
			b.WriteString(p.faint.Render(gap))
		}
		b.WriteString(p.faint.Render(bk.k + " "))
		switch {
		case bk.s == m.section:
			b.WriteString(p.accent.Render(bk.s.String()))
		case short:
			b.WriteString(p.muted.Render(bk.s.short()))
		default:
			b.WriteString(p.muted.Render(bk.s.String()))
		}
	}
	return b.String()
}

// sectionLine is the section's query or filters, with their keys.
func (m *Model) sectionLine() string {
	p := m.pal
	ek := m.keys.Explore
	var left, right string
	switch m.section {
	case sectionTrending:
		left = p.muted.Render("what is trending now")
		if l := m.lists[sectionTrending]; l.loaded {
			left += p.faint.Render(" · " + fetched(views.Ago(m.now(), l.at)))
		}
		right = m.keys.Global.Refresh.Help().Key + " refresh"
	case sectionSearch:
		field := m.search.input.View()
		if !m.search.editing && m.search.query() == "" {
			field = p.faint.Render("press " + ek.Search.Help().Key + " to type")
		}
		left = p.muted.Render("search ") + field
		right = ek.Type.Help().Key + " " + searchTypes[m.search.typ]
	case sectionDirectory:
		left = p.muted.Render("agents · " + m.dir.String())
		right = ek.Type.Help().Key + " type · " + ek.Verified.Help().Key + " verified"
	case sectionRecommended:
		f := m.rec.String()
		if m.rec.editing {
			f = p.text.Render(m.rec.text) + p.accent.Render("▏") + p.faint.Render("  skills:a,b apis:x time:fast lang:en · enter apply")
		} else if f == "" {
			f = "no filters"
		}
		left = p.muted.Render("recommended · "+recommendTypes[m.rec.typ]+" · ") + f
		right = ek.Type.Help().Key + " type · " + ek.Filters.Help().Key + " filters"
	case sectionHashtags:
		left = p.muted.Render("trending hashtags, most used first")
		if l := m.lists[sectionHashtags]; l.loaded {
			left += p.faint.Render(" · " + fetched(views.Ago(m.now(), l.at)))
		}
		right = m.keys.Global.Refresh.Help().Key + " refresh · enter posts"
	case sectionBytes:
		left = p.muted.Render("short videos")
		right = ek.New.Help().Key + " new · enter comments"
	case sectionCount:
	}
	return views.Spread(views.Truncate(left, m.width), p.faint.Render(right), m.width)
}

// footer is the paging state, the `/` filter line and the composer.
func (m *Model) footer(l *list) []string {
	p := m.pal
	var out []string
	switch {
	case l.more:
		out = append(out, p.muted.Render("loading more…"))
	case l.moreErr != nil:
		out = append(out, views.Truncate(p.errs.Render("couldn't load more: "+views.Describe(l.moreErr)+" · move to retry"), m.width))
	}
	if l.query.Active() {
		out = append(out, l.query.LineCounts(len(l.vis), len(l.rows), m.width))
	}
	if m.comp.IsOpen() {
		out = append(out, strings.Split(m.comp.View(), "\n")...)
	}
	return out
}

// fetched says when a list was read: "fetched now", "fetched 5m ago"
// ("read now" read as an order).
func fetched(ago string) string {
	if ago == "now" || ago == "" {
		return "fetched just now"
	}
	return "fetched " + ago + " ago"
}
