package market

import (
	"strconv"
	"strings"

	"imagine/views"
)

// searchLine is the `/` line under the services: the query, what the
// server found for it, and the keys that end it. The search runs on the
// server (titles, descriptions, tags), so every service listed is a
// match: the line counts what was found rather than filtering what was
// loaded (views.Filter's line would count the matches of its own,
// client-side filter, which the services never run: "no match in 5
// loaded" over five services found).
func (m *Model) searchLine() string {
	p, s := m.pal, &m.svc
	left := p.accent.Render("/") + p.text.Render(views.NormalizeEmojiWidth(s.query.Query()))
	hint := m.keys.List.Filter.Help().Key + " edit · " + m.keys.List.Back.Help().Key + " clear"
	if s.query.Editing() {
		// A reverse-video cell, as views.Filter draws its cursor: it does
		// not blink, so an idle screen writes nothing.
		left += "\x1b[7m \x1b[27m"
		hint = m.keys.List.Open.Help().Key + " keep · " + m.keys.List.Back.Help().Key + " clear"
	}
	q := strings.TrimSpace(s.query.Query())
	n := len(s.items)
	switch {
	case q == "":
		left += p.faint.Render("  type to search the marketplace")
	case s.loading || q != s.asked:
		left += p.faint.Render("  searching…")
	case !s.loaded:
	case n == 0:
		left += p.muted.Render("  no service found")
	case s.more:
		left += p.muted.Render("  " + strconv.Itoa(n) + "+ found")
	default:
		left += p.muted.Render("  " + strconv.Itoa(n) + " found")
	}
	return views.Spread(left, p.faint.Render(hint), m.width)
}
