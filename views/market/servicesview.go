package market

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
)

// servicesView draws the Services section: the header with the filters,
// the rows (selection in the gutter), the query line.
func (m *Model) servicesView() string {
	if m.svc.order != nil {
		return m.drawForm(m.servicesHeader()[:1], &m.svc.order.paneForm)
	}
	if m.svc.form != nil {
		return m.formView()
	}
	if m.svc.open != nil {
		if m.svc.open.reviews != nil {
			return m.reviewsView()
		}
		return m.serviceScreenView()
	}
	m.cache.Sync(m.width, m.shown.Unix()/60)
	p, s := m.pal, &m.svc
	lines := append(make([]string, 0, m.height), m.servicesHeader()...)
	var footer []string
	if s.query.Active() {
		footer = append(footer, m.searchLine())
	}
	if m.comp.IsOpen() {
		footer = append(footer, strings.Split(m.comp.View(), "\n")...)
	}
	h := max(m.height-len(lines)-len(footer), 1)
	switch {
	case m.src == nil:
		lines = append(lines, p.muted.Render("The marketplace is not available."))
	case !s.loaded && s.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load services: "+views.Describe(s.err), m.width)...)
		lines = append(lines, views.Wrapped(p.muted, m.keys.Global.Refresh.Help().Key+" retries", m.width)...)
	case !s.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(s.items) == 0:
		lines = append(lines, views.Truncate(p.muted.Render("No service matches."), m.width))
	default:
		s.win.Fix(len(s.items), h, svcRowHeight)
		lines = append(lines, s.win.Render(len(s.items), h, m.svcRow)...)
	}
	for len(lines) < m.height-len(footer) {
		lines = append(lines, "")
	}
	return views.Rows(append(lines, footer...), m.height)
}

// filtersName describes the services filters.
func (m *Model) filtersName() string {
	s := &m.svc
	parts := []string{serviceSorts[s.sort].name}
	if s.cat > 0 {
		parts = append(parts, strings.ToLower(serviceCategories[s.cat-1]))
	} else {
		parts = append(parts, "any category")
	}
	if s.featured {
		parts = append(parts, "featured")
	}
	if s.minP > 0 || s.maxP > 0 {
		r := views.Money(s.minP) + "–"
		if s.maxP > 0 {
			r += views.Money(s.maxP)
		}
		parts = append(parts, r)
	}
	return strings.Join(parts, " · ")
}

func (m *Model) servicesHeader() []string {
	p, mk := m.pal, m.keys.Market
	t := p.title.Render("Market") + p.muted.Render(" · services · "+m.filtersName())
	if m.svc.loading {
		t += p.faint.Render(" · loading…")
	}
	hint := p.faint.Render(mk.Section.Help().Key + " orders · " + mk.Category.Help().Key + " category · " + mk.Sort.Help().Key + " sort")
	out := []string{views.Spread(t, hint, m.width)}
	if m.svc.err != nil && m.svc.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't load: "+views.Describe(m.svc.err)+" · showing what was loaded"), m.width))
	}
	return out
}

// svcRow is the service at i, the selection in the gutter.
func (m *Model) svcRow(i int, sel bool) []string {
	return m.gut.Mark(m.svcRowBody(&m.svc.items[i]), sel)
}

// svcRowBody is a service's two lines right of the gutter, cached per
// list read and width:
//
//	Logo design · Ada Bot @ada · $25.00 · yours
//	  ★ 4.8 (12 reviews) · 3 days · creative · featured
func (m *Model) svcRowBody(svc *api.MarketService) []string {
	return m.cache.Get(cacheKey{id: "svc\x00" + svc.ID, ver: m.svc.read}, func() []string {
		p, w := m.pal, m.width-views.GutterWidth
		who := views.Name(views.NormalizeEmojiWidth(svc.Seller.Name))
		hdl := ""
		if svc.Seller.Handle != "" {
			hdl = "@" + svc.Seller.Handle
		}
		money := views.Money(svc.Price)
		mark := ""
		if m.mine(svc) {
			mark = "yours"
		}
		hidden := m.hiddenMark(len(serviceParts(svc)) > 0)
		fixed := 3 + ansi.StringWidth(hdl) + ansi.StringWidth(hidden) + 3 + len(money) + 3 + len(mark)
		room := max(w-fixed, 12)
		t := views.NormalizeEmojiWidth(svc.Title)
		tw := min(ansi.StringWidth(t), max(room*3/5, room-ansi.StringWidth(who)-1))
		t = views.Truncate(t, max(tw, 6))
		who = views.Truncate(who, max(room-ansi.StringWidth(t), 4))
		var b strings.Builder
		b.WriteString(p.money.Render(t))
		b.WriteString(p.faint.Render(" · "))
		if who != "" {
			b.WriteString(p.name.Render(who) + p.pad.Render(" "))
		}
		b.WriteString(p.handle.Render(hdl))
		b.WriteString(hidden)
		b.WriteString(p.faint.Render(" · "))
		b.WriteString(p.money.Render(money))
		if mark != "" {
			b.WriteString(p.faint.Render(" · ") + p.accent.Render(mark))
		}
		first := views.Fit(b.String(), w, p.pad)
		second := views.Fit(p.pad.Render("  ")+strings.Join(m.svcFacts(svc), p.faint.Render(" · ")), w, p.pad)
		return []string{first, second}
	})
}

// svcFacts are a service's rating, delivery, category and featured mark.
func (m *Model) svcFacts(svc *api.MarketService) []string {
	p := m.pal
	var parts []string
	if svc.ReviewCount > 0 {
		parts = append(parts, p.accent.Render(fmt.Sprintf("★ %.1f", svc.AvgRating))+p.muted.Render(fmt.Sprintf(" (%d %s)", svc.ReviewCount, views.Plural(svc.ReviewCount, "review"))))
	} else {
		parts = append(parts, p.muted.Render("no reviews"))
	}
	if svc.DeliveryDays > 0 {
		// "in 14 days": a delivery time, which "14 days" under the
		// oldest-first sort read as the listing's age.
		parts = append(parts, p.time.Render(fmt.Sprintf("in %d %s", svc.DeliveryDays, views.Plural(svc.DeliveryDays, "day"))))
	}
	if svc.Category != "" {
		parts = append(parts, p.muted.Render(strings.ToLower(views.Truncate(svc.Category, api.MaxServiceCategoryRunes))))
	}
	if svc.Featured {
		parts = append(parts, p.accent.Render("featured"))
	}
	return parts
}

// serviceScreenView draws the open service.
func (m *Model) serviceScreenView() string {
	p, o := m.pal, m.svc.open
	head := views.Crumbs(m.Path(), m.keys.List.Back.Help().Key+" back", m.width, p.title, p.muted, p.faint)
	var tail []string
	if m.comp.IsOpen() {
		tail = strings.Split(m.comp.View(), "\n")
	}
	h := max(m.height-1-len(tail), 1)
	body := m.svcBody()
	o.off = max(min(o.off, len(body)-h), 0)
	lines := append([]string{head}, body[o.off:min(o.off+h, len(body))]...)
	for len(lines) < m.height-len(tail) {
		lines = append(lines, "")
	}
	return views.Rows(m.withLinks(append(lines, tail...)), m.height)
}

func (m *Model) svcBody() []string {
	o := m.svc.open
	if o.linesDone && o.linesVer == o.ver && o.linesW == m.width {
		return o.lines
	}
	o.lines, o.linesVer, o.linesW, o.linesDone = m.renderSvcBody(), o.ver, m.width, true
	return o.lines
}

func (m *Model) renderSvcBody() []string {
	p, o, w := m.pal, m.svc.open, m.width
	svc := &o.svc
	fit := func(l string) string { return views.Fit(l, w, p.pad) }
	dot := p.faint.Render(" · ")
	var out []string
	out = append(out, fit(p.money.Render(views.NormalizeEmojiWidth(svc.Title))))
	out = append(out, m.hiddenNote(serviceParts(svc))...)
	facts := []string{p.money.Render(views.Money(svc.Price))}
	if svc.DeliveryDays > 0 {
		facts = append(facts, p.time.Render(fmt.Sprintf("delivered in %d %s", svc.DeliveryDays, views.Plural(svc.DeliveryDays, "day"))))
	}
	facts = append(facts, p.muted.Render(fmt.Sprintf("%d %s", svc.Revisions, views.Plural(svc.Revisions, "revision"))))
	if svc.OrderCount > 0 {
		facts = append(facts, p.muted.Render(fmt.Sprintf("%d %s", svc.OrderCount, views.Plural(svc.OrderCount, "order"))))
	}
	out = append(out, fit(strings.Join(facts, dot)))
	out = append(out, fit(strings.Join(m.svcFacts(svc), dot)))
	if len(svc.Tags) > 0 {
		tags := make([]string, 0, len(svc.Tags))
		for _, t := range svc.Tags {
			tags = append(tags, "#"+views.NormalizeEmojiWidth(t))
		}
		out = append(out, fit(p.muted.Render("tags ")+p.handle.Render(strings.Join(tags, " "))))
	}
	who := views.Name(views.NormalizeEmojiWidth(svc.Seller.Name))
	seller := p.muted.Render("seller ") + p.name.Render(who) + " " + p.handle.Render(handleOf(svc.Seller))
	if m.mine(svc) {
		seller += dot + p.accent.Render("yours")
	}
	out = append(out, fit(seller))
	if st := svc.SellerStats; st != nil {
		var ss []string
		ss = append(ss, fmt.Sprintf("%d completed %s", st.CompletedOrders, views.Plural(st.CompletedOrders, "order")))
		if st.ReviewCount > 0 {
			ss = append(ss, fmt.Sprintf("★ %.1f over %d %s", st.AvgRating, st.ReviewCount, views.Plural(st.ReviewCount, "review")))
		}
		if st.ServiceCount > 0 {
			ss = append(ss, fmt.Sprintf("%d %s", st.ServiceCount, views.Plural(st.ServiceCount, "service")))
		}
		if st.ResponseTime != "" {
			ss = append(ss, "responds in "+st.ResponseTime)
		}
		out = append(out, fit(p.pad.Render("  ")+p.muted.Render(strings.Join(ss, " · "))))
	}
	mk := m.keys.Market
	if m.mine(svc) {
		out = append(out, fit(p.faint.Render("your listing: ")+p.muted.Render(mk.Edit.Help().Key+" edit · "+mk.Delete.Help().Key+" delete")))
	} else {
		out = append(out, fit(p.faint.Render("now: ")+p.muted.Render(mk.Buy.Help().Key+" order · "+mk.Profile.Help().Key+" seller's profile")))
	}
	if o.err != nil {
		out = append(out, fit(p.warn.Render("couldn't load the details: "+views.Describe(o.err))))
	}
	out = append(out, "", fit(p.section.Render("Description")))
	desc := svc.Description
	if strings.TrimSpace(desc) == "" {
		desc = svc.ShortDesc
	}
	out = append(out, m.markdown(desc, "no description")...)
	if pics := serviceImages(svc); len(pics) > 0 {
		out = append(out, "", fit(p.section.Render("Images")+p.faint.Render(" · "+m.keys.List.Links.Help().Key+" opens one")))
		for _, u := range pics {
			out = append(out, m.linkLines(u, p.muted)...)
		}
	}
	out = append(out, "", fit(p.section.Render(fmt.Sprintf("Reviews (%d)", max(svc.ReviewCount, len(svc.Reviews))))))
	switch {
	case !o.detail && o.err == nil:
		out = append(out, fit(p.muted.Render("loading…")))
	case len(svc.Reviews) == 0 && svc.ReviewCount == 0 && !svc.MoreReviews:
		out = append(out, fit(p.muted.Render("No reviews yet.")))
	}
	for i := range svc.Reviews {
		out = append(out, m.reviewLines(&svc.Reviews[i], w, false)...)
	}
	if o.detail || o.err != nil {
		// Not while the detail loads: the list's count is not yet
		// compared with the reviews the detail carries.
		out = append(out, m.allReviewsHint(svc)...)
	}
	return out
}

// serviceImages are a service's pictures: its thumbnail, then its images,
// each address once.
func serviceImages(svc *api.MarketService) []string {
	var out []string
	for _, u := range append([]string{svc.ThumbnailURL}, svc.Images...) {
		if u = strings.TrimSpace(u); u != "" && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}
