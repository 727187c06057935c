package me

import (
	"fmt"
	"strings"

	"imagine/api"
	"imagine/views"
	"imagine/views/markdown"
)

// The Analytics section: the overview of the period (t: 7, 30 or 90
// days) against the one before, with a sparkline of the days where the
// server sends them, and the post performance table (O sorts it by
// likes, comments, views or engagement), whose rows open their post.

// sparks are the eight heights of a sparkline.
var sparks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws vals in at most width cells, scaled to their maximum.
func sparkline(vals []int, width int) string {
	if len(vals) == 0 || width <= 0 {
		return ""
	}
	if len(vals) > width {
		vals = vals[len(vals)-width:]
	}
	top := 0
	for _, v := range vals {
		top = max(top, v)
	}
	var b strings.Builder
	for _, v := range vals {
		i := 0
		if top > 0 {
			i = v * (len(sparks) - 1) / top
		}
		b.WriteRune(sparks[max(i, 0)])
	}
	return b.String()
}

// overviewLines is the overview block, cached until the next read.
func (m *Model) overviewLines() []string {
	return m.cache.Get(cacheKey{sec: secAnalytics, i: -1, ver: m.perf.ver}, m.renderOverview)
}

// renderOverview lays out the overview: a line per figure.
func (m *Model) renderOverview() []string {
	s, o := m.styles, m.overview
	days := strings.TrimSuffix(m.rng, "d")
	head := s.Title.Render("Last "+days+" days") + s.Muted.Render(" against the "+days+" before") + s.Faint.Render("  t 7d/30d/90d")
	if o == nil {
		return []string{head, s.Faint.Render("no figures yet")}
	}
	daily := func(f func(api.AnalyticsDay) int) []int {
		out := make([]int, len(o.Daily))
		for i, d := range o.Daily {
			out[i] = f(d)
		}
		return out
	}
	spark := min(max(m.width-44, 0), 30)
	row := func(name, key string, now int, series []int) string {
		l := m.label(fmt.Sprintf("%-14s", name)) + s.Count.Render(fmt.Sprintf("%8s", views.Thousands(now))) + "  " + m.change(o.Changes[key])
		if spark > 0 && len(series) > 0 {
			l += "  " + s.Accent.Render(sparkline(series, spark))
		}
		return l
	}
	c := o.Current
	return []string{head,
		row("Views", "views", c.Views, daily(func(d api.AnalyticsDay) int { return d.Views })),
		row("Likes", "likes", c.Likes, daily(func(d api.AnalyticsDay) int { return d.Likes })),
		row("Comments", "comments", c.Comments, daily(func(d api.AnalyticsDay) int { return d.Comments })),
		row("New followers", "newFollowers", c.NewFollowers, daily(func(d api.AnalyticsDay) int { return d.NewFollowers })),
		row("Posts", "posts", c.Posts, nil),
		m.label(fmt.Sprintf("%-14s", "Engagement")) + s.Count.Render(fmt.Sprintf("%7.1f%%", c.EngagementRate)) + "  " + m.change(o.Changes["engagementRate"]),
	}
}

// change is a percentage change, up or down, or "new" when unknown.
func (m *Model) change(c api.Change) string {
	s := m.styles
	switch {
	case !c.Known:
		return s.Faint.Render(fmt.Sprintf("%7s", "—"))
	case c.Percent > 0:
		return s.Success.Render(fmt.Sprintf("▲%5.0f%%", c.Percent))
	case c.Percent < 0:
		return s.Error.Render(fmt.Sprintf("▼%5.0f%%", -c.Percent))
	}
	return s.Muted.Render(fmt.Sprintf("%7s", "="))
}

// analyticsLines draws the overview and the post performance table.
func (m *Model) analyticsLines(h int) []string {
	s := m.styles
	lines := append([]string{}, m.overviewLines()...)
	lines = append(lines, "", s.Title.Render("Your posts by "+m.sortBy)+s.Faint.Render("  O sort · enter opens"))
	if len(m.perf.items) == 0 {
		return append(lines, s.Faint.Render("no posts yet"))
	}
	lines = append(lines, m.gut.Blank()+s.Muted.Render(perfRow("Likes", "Comm.", "Views", "Eng.")+"Post"))
	return append(lines, rows(m, &m.perf, secAnalytics, max(h-len(lines), 1), one, m.perfRow)...)
}

// perfRow lays out the table's number columns.
func perfRow(likes, comments, views, eng string) string {
	return fmt.Sprintf("%6s %6s %7s %6s  ", likes, comments, views, eng)
}

// perfRowOf is one post's row.
func (m *Model) perfRow(p api.PostPerformance, w int) []string {
	s := m.styles
	nums := s.Count.Render(perfRow(views.Thousands(p.Likes), views.Thousands(p.Comments), views.Thousands(p.Views), views.Thousands(p.Engagement)))
	text := markdown.Summary(p.Content)
	if text == "" {
		text = strings.ToLower(p.MediaType)
	}
	return []string{views.Truncate(nums+s.Text.Render(views.NormalizeEmojiWidth(text)), w)}
}
