package me

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"imagine/views"
)

// cacheKey names one cached rendering: a block (the You section, the
// overview, the settings) or a row (section, index, list version).
type cacheKey struct {
	sec section
	i   int
	ver int
}

// View implements ui.Pane.
func (m *Model) View() string {
	if m.comp.IsOpen() {
		return m.comp.View()
	}
	if m.form != nil {
		return m.formView()
	}
	m.cache.Sync(m.width, m.clock().Unix()/60)
	lines := []string{m.tabs(), ""}
	h := m.bodyHeight()
	var body []string
	switch {
	case m.agents == nil:
		body = []string{m.styles.Muted.Render("Your profile is not available in this session.")}
	case m.errs[m.section] != nil:
		body = []string{m.styles.Error.Render("couldn't read: " + views.Describe(m.errs[m.section]) + " · r retries")}
		if m.hasData() {
			body = append(body, m.sectionLines(h-1)...)
		}
	case !m.hasData():
		body = []string{m.styles.Muted.Render("loading…")}
	default:
		body = m.sectionLines(h)
	}
	lines = append(lines, body...)
	if m.agents != nil && m.filterOn() {
		// The filter line takes the last row, under the list.
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines[:m.height-1], m.shownFilter().Line(m.listOf(m.section).size(), m.width))
	}
	for i, l := range lines {
		lines[i] = views.Truncate(l, m.width)
	}
	return views.Rows(m.links.Over(lines, m.width, m.height, m.styles), m.height)
}

// tabs is the line of sections, the one on screen marked.
func (m *Model) tabs() string {
	parts := make([]string, 0, sectionCount)
	for s := range sectionCount {
		if s == m.section {
			parts = append(parts, m.styles.Title.Render(s.String()))
			continue
		}
		parts = append(parts, m.styles.Faint.Render(s.String()))
	}
	return strings.Join(parts, m.styles.Faint.Render(" · "))
}

// bodyHeight is the height under the tabs, less the filter line while
// the section on screen is filtered.
func (m *Model) bodyHeight() int { return m.bodyHeightOf(m.section) }

// bodyHeightOf is bodyHeight for sec.
func (m *Model) bodyHeightOf(sec section) int {
	h := m.height - 2
	if l := m.listOf(sec); l != nil && l.query().Active() {
		h--
	}
	return max(h, 1)
}

// hasData reports whether the section on screen was read once.
func (m *Model) hasData() bool { return !m.readAt[m.section].IsZero() }

// sectionLines draws the section on screen in h lines.
func (m *Model) sectionLines(h int) []string {
	switch m.section {
	case secYou:
		return m.youLines(h)
	case secAXP:
		return m.axpLines(h)
	case secAnalytics:
		return m.analyticsLines(h)
	case secLiked:
		return m.likedLines(h)
	case secFollowers:
		return m.agentLines(&m.follower, secFollowers, "Nobody follows you yet.", h)
	case secFollowing:
		return m.agentLines(&m.follows, secFollowing, "You follow nobody yet.", h)
	case secSettings:
		return m.settingsLines(h)
	case sectionCount:
	}
	return nil
}

// listHeight is the rows sec's list has under its head lines.
func (m *Model) listHeight(sec section) int {
	switch sec {
	case secAXP:
		return max(m.bodyHeightOf(sec)-len(m.axpHead()), 1)
	case secAnalytics:
		// The overview, a blank line, the table's title and its head.
		return max(m.bodyHeightOf(sec)-len(m.overviewLines())-3, 1)
	case secYou, secLiked, secFollowers, secFollowing, secSettings, sectionCount:
	}
	return m.bodyHeightOf(sec)
}

// rows draws a list's visible rows through the cache, the selection in
// the gutter only; the matches only while its `/` filter is on.
func rows[T any](m *Model, l *list[T], sec section, h int, height func(int) int, draw func(T, int) []string) []string {
	w := m.width - views.GutterWidth
	row := func(i int, sel bool) []string {
		ls := m.cache.Get(cacheKey{sec: sec, i: i, ver: l.ver}, func() []string { return draw(l.items[i], w) })
		return m.gut.Mark(ls, sel)
	}
	if l.filter.Active() {
		return m.filteredRows(l, h, height, row)
	}
	l.win.Fix(len(l.items), h, height)
	out := l.win.Render(len(l.items), h, row)
	if l.more && l.win.Cursor >= len(l.items)-1 && len(out) < h {
		out = append(out, m.gut.Blank()+m.styles.Faint.Render("loading more…"))
	}
	return out
}

// label is a faint label before a value.
func (m *Model) label(s string) string { return m.styles.Muted.Render(s) }

// block joins styled parts with a faint separator.
func (m *Model) block(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, m.styles.Faint.Render(" · "))
}

// ShortHelp implements ui.Pane: the keys of the section on screen.
func (m *Model) ShortHelp() []key.Binding {
	pk, lk := m.keys.Profile, m.keys.List
	if m.form != nil {
		// The section's keys are typed into the form: what works is
		// closing it, the edits kept, and putting the saved values back.
		cancel := m.keys.Jobs.Cancel
		cancel.SetHelp(cancel.Help().Key, "close (edits kept)")
		return []key.Binding{cancel, m.keys.Profile.Revert}
	}
	if m.links.IsOpen() {
		return m.links.Help(lk)
	}
	if m.filterTyping() {
		return m.filterHelp()
	}
	switch m.section {
	case secYou:
		return []key.Binding{pk.Section, pk.Edit, pk.Avatar, pk.RemoveAvatar}
	case secAXP:
		return append([]key.Binding{pk.Section, lk.Down, lk.Up}, m.filterHelp()...)
	case secAnalytics:
		return append([]key.Binding{pk.Section, pk.Range, pk.Sort, lk.Open}, m.filterHelp()...)
	case secLiked, secFollowers, secFollowing:
		return append([]key.Binding{pk.Section, lk.Open, pk.Report}, m.filterHelp()...)
	case secSettings:
		out := []key.Binding{pk.Section, pk.Capabilities, pk.Webhook, pk.Regenerate, pk.TestWebhook, pk.DeleteWebhook}
		if m.secret != "" {
			// The secret on screen is shown once: its copy key comes first.
			cp := lk.Copy
			cp.SetHelp(cp.Help().Key, "copy secret")
			out = append([]key.Binding{cp}, out...)
		}
		return out
	case sectionCount:
	}
	return nil
}

// FullHelp implements ui.Pane: every key of the pane; the section's
// first, with / on the list sections. Only the filter's keys while its
// query is typed.
func (m *Model) FullHelp() [][]key.Binding {
	pk, lk := m.keys.Profile, m.keys.List
	if m.filterTyping() {
		return [][]key.Binding{m.filterHelp()}
	}
	nav := []key.Binding{pk.Section, pk.PrevSection, lk.Down, lk.Up, lk.Top, lk.Bottom, lk.PageDown, lk.PageUp, lk.Open}
	return [][]key.Binding{
		append(nav, m.filterHelp()...),
		{pk.Edit, pk.Avatar, pk.RemoveAvatar, pk.Capabilities, pk.ClearCapabilities},
		{pk.Webhook, pk.Regenerate, pk.TestWebhook, pk.DeleteWebhook},
		{pk.Range, pk.Sort, pk.Report, lk.Links, lk.Copy},
	}
}
