package market

import (
	"fmt"
	"strings"

	"imagine/api"
	"imagine/views"
)

// reviewsHeader is how many lines the reviews screen draws above the
// reviews: the breadcrumb and the summary.
const reviewsHeader = 2

// reviewLines is a review as both the service's screen and its reviews
// screen draw it, w cells wide:
//
//	★★★★★ Quill Writer @quill · quality 5 communication 4 delivery 5 · 2d
//	  Great work, on time.
//
// mark adds the hidden-text mark to the first line (the reviews screen,
// whose rows come and go; the service's screen says it once at its top).
func (m *Model) reviewLines(r *api.Review, w int, mark bool) []string {
	p := m.pal
	fit := func(l string) string { return views.Fit(l, w, p.pad) }
	dot := p.faint.Render(" · ")
	who := views.Name(views.NormalizeEmojiWidth(r.Reviewer.Name))
	line := p.accent.Render(strings.Repeat("★", max(min(r.Rating, api.MaxRating), 0))) + " " + p.name.Render(who) + " " + p.handle.Render(handleOf(r.Reviewer))
	if mark {
		line += m.hiddenMark(views.Hidden(r.Removed, r.Reviewer.Removed))
	}
	var sub []string
	for _, sr := range []struct {
		n string
		v *int
	}{{"quality", r.QualityRating}, {"communication", r.CommunicationRating}, {"delivery", r.DeliveryRating}} {
		if sr.v != nil {
			sub = append(sub, fmt.Sprintf("%s %d", sr.n, *sr.v))
		}
	}
	if len(sub) > 0 {
		line += dot + p.muted.Render(strings.Join(sub, " "))
	}
	if a := views.Ago(m.shown, r.CreatedAt); a != "" {
		line += dot + p.time.Render(a)
	}
	out := []string{fit(line)}
	if strings.TrimSpace(r.Content) != "" {
		for _, l := range m.md.Render(r.Content, max(w-2, 10)) {
			out = append(out, fit(p.pad.Render("  ")+l))
		}
	}
	return out
}

// allReviewsHint is the line under the service's latest reviews when it
// has more than its detail carries: how many in all, and the key that
// reads them.
func (m *Model) allReviewsHint(svc *api.MarketService) []string {
	n := max(svc.ReviewCount, len(svc.Reviews))
	if n <= len(svc.Reviews) && !svc.MoreReviews {
		return nil
	}
	p := m.pal
	what := fmt.Sprintf("all %d %s", n, views.Plural(n, "review"))
	if n <= len(svc.Reviews) {
		what = "more reviews" // the server says so without a count
	}
	k := m.keys.Market.Reviews.Help().Key
	return []string{views.Fit(p.muted.Render(what)+p.faint.Render(" · "+k+" to read them"), m.width, p.pad)}
}

// reviewsView draws the reviews screen: the breadcrumb, the summary, the
// reviews (selection in the gutter).
func (m *Model) reviewsView() string {
	m.cache.Sync(m.width, m.shown.Unix()/60)
	p, rs := m.pal, m.svc.open.reviews
	lk, mk := m.keys.List, m.keys.Market
	hints := mk.Profile.Help().Key + " reviewer · " + lk.Back.Help().Key + " back"
	head := views.Crumbs(m.Path(), hints, m.width, p.title, p.muted, p.faint)
	lines := append(make([]string, 0, m.height), head, m.reviewsSummary())
	h := m.reviewsBodyHeight()
	n := len(rs.items)
	switch {
	case n == 0 && rs.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load the reviews: "+views.Describe(rs.err), m.width)...)
		lines = append(lines, p.muted.Render("move to retry"))
	case n == 0 && !rs.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case n == 0:
		lines = append(lines, p.muted.Render("No reviews yet."))
	default:
		rs.win.Fix(n, h, m.reviewHeight)
		lines = append(lines, rs.win.Render(n, h, m.reviewRow)...)
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return views.Rows(lines, m.height)
}

// reviewsSummary is the line under the breadcrumb: the rating and count,
// what is loaded, and a read under way or failed (with how to retry).
func (m *Model) reviewsSummary() string {
	p, svc, rs := m.pal, &m.svc.open.svc, m.svc.open.reviews
	dot := p.faint.Render(" · ")
	if rs.err != nil && len(rs.items) > 0 {
		return views.Truncate(p.errs.Render("couldn't load more: "+views.Describe(rs.err)+" · move to retry"), m.width)
	}
	total := max(svc.ReviewCount, len(rs.items))
	var parts []string
	if svc.ReviewCount > 0 {
		parts = append(parts, p.accent.Render(fmt.Sprintf("★ %.1f", svc.AvgRating)))
	}
	count := fmt.Sprintf("%d %s", total, views.Plural(total, "review"))
	if rs.more && len(rs.items) < total {
		count = fmt.Sprintf("%d of %d %s loaded", len(rs.items), total, views.Plural(total, "review"))
	}
	parts = append(parts, p.muted.Render(count), p.faint.Render("newest first"))
	if rs.loading {
		parts = append(parts, p.faint.Render("loading…"))
	}
	return views.Truncate(strings.Join(parts, dot), m.width)
}

// reviewsBodyHeight is the room for reviews.
func (m *Model) reviewsBodyHeight() int { return max(m.height-reviewsHeader, 1) }

// reviewBody is review i's lines right of the gutter, cached per width
// and minute (its age moves on).
func (m *Model) reviewBody(i int) []string {
	o := m.svc.open
	r := &o.reviews.items[i]
	return m.cache.Get(cacheKey{id: "rev\x00" + o.svc.ID + "\x00" + reviewKey(r)}, func() []string {
		return m.reviewLines(r, m.width-views.GutterWidth, true)
	})
}

// reviewHeight is review i's height: its lines, then a blank line.
func (m *Model) reviewHeight(i int) int {
	return len(m.reviewBody(i)) + 1
}

// reviewRow is review i with its gutter and the blank line under it, as
// every list draws its items: scrolled, the window then starts on a
// review's first line, never on a blank.
func (m *Model) reviewRow(i int, sel bool) []string {
	return append(m.gut.Mark(m.reviewBody(i), sel), "")
}
