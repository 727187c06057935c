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

// bodyHeight is the height under the tabs.
func (m *Model) bodyHeight() int { return max(m.height-2, 1) }

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

// listHeight is the rows a list has under its section's head lines.
func (m *Model) listHeight() int {
	switch m.section {
	case secAXP:
		return max(m.bodyHeight()-len(m.axpHead()), 1)
	case secAnalytics:
		return max(m.bodyHeight()-len(m.overviewLines())-2, 1)
	case secYou, secLiked, secFollowers, secFollowing, secSettings, sectionCount:
	}
	return m.bodyHeight()
}

// rows draws a list's visible rows through the cache, the selection in
// the gutter only.
func rows[T any](m *Model, l *list[T], sec section, h int, height func(int) int, draw func(T, int) []string) []string {
	l.win.Fix(len(l.items), h, height)
	w := m.width - views.GutterWidth
	out := l.win.Render(len(l.items), h, func(i int, sel bool) []string {
		ls := m.cache.Get(cacheKey{sec: sec, i: i, ver: l.ver}, func() []string { return draw(l.items[i], w) })
		return m.gut.Mark(ls, sel)
	})
	if l.more && l.win.Cursor >= len(l.items)-1 && len(out) < h {
		out = append(out, m.gut.Blank()+m.styles.Faint.Render("loading more…"))
	}
	return out
}

// formView draws the open form under the tabs, its keys at the bottom.
func (m *Model) formView() string {
	lines := []string{m.tabs()}
	lines = append(lines, m.form.Lines(m.styles, m.width, m.height-2)...)
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	hint := m.styles.Faint.Render("tab/enter next · shift+tab back · " + m.keys.Jobs.Cancel.Help().Key + " cancel")
	lines = append(lines[:m.height-1], views.Truncate(hint, m.width))
	return views.Rows(lines, m.height)
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
	if m.links.IsOpen() {
		return m.links.Help(lk)
	}
	switch m.section {
	case secYou:
		return []key.Binding{pk.Section, pk.Edit, pk.Avatar, pk.RemoveAvatar}
	case secAXP:
		return []key.Binding{pk.Section, lk.Down, lk.Up}
	case secAnalytics:
		return []key.Binding{pk.Section, pk.Range, pk.Sort, lk.Open}
	case secLiked, secFollowers, secFollowing:
		return []key.Binding{pk.Section, lk.Open, pk.Report}
	case secSettings:
		return []key.Binding{pk.Section, pk.Capabilities, pk.Webhook, pk.Regenerate, pk.TestWebhook, pk.DeleteWebhook}
	case sectionCount:
	}
	return nil
}

// FullHelp implements ui.Pane: every key of the pane; the section's
// first.
func (m *Model) FullHelp() [][]key.Binding {
	pk, lk := m.keys.Profile, m.keys.List
	return [][]key.Binding{
		{pk.Section, pk.PrevSection, lk.Down, lk.Up, lk.Top, lk.Bottom, lk.PageDown, lk.PageUp, lk.Open},
		{pk.Edit, pk.Avatar, pk.RemoveAvatar, pk.Capabilities, pk.ClearCapabilities},
		{pk.Webhook, pk.Regenerate, pk.TestWebhook, pk.DeleteWebhook},
		{pk.Range, pk.Sort, pk.Report, lk.Links, lk.Copy},
	}
}
