package market

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// palette is the styles a row is drawn with; the selection is not part
// of it (the gutter marks it).
type palette struct {
	title, muted, faint, name, handle, money, time, accent, warn, errs, ok, pad, section, text lipgloss.Style
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		title: s.Title, muted: s.Muted, faint: s.Faint, name: s.Author, handle: s.Handle,
		money: s.Text.Inherit(s.Bold), time: s.Time, accent: s.Accent, warn: s.Warn,
		errs: s.Error, ok: s.Success, pad: lipgloss.NewStyle(), section: s.Title, text: s.Text,
	}
}

// cacheKey identifies one rendered row body.
type cacheKey struct {
	id  string
	ver int
}

// View implements ui.Pane.
func (m *Model) View() string {
	if m.stacked && m.open == nil {
		return m.stackedView()
	}
	if m.inServices() {
		return m.servicesView()
	}
	if m.inMoney() {
		return m.moneyView()
	}
	if m.open != nil {
		if m.open.act != nil {
			return m.actionView()
		}
		if m.open.review != nil {
			return m.reviewView()
		}
		return m.screenView()
	}
	m.cache.Sync(m.width, m.shown.Unix()/60)
	p := m.pal
	lines := append(make([]string, 0, m.height), m.header()...)
	var footer []string
	if l := m.olderLine(); l != "" && m.loaded {
		footer = append(footer, views.Truncate(l, m.width))
	}
	if m.query.Active() {
		footer = append(footer, m.query.LineCounts(len(m.vis), len(m.orders), m.width))
	}
	h := max(m.height-len(lines)-len(footer), 1)
	switch {
	case m.src == nil:
		lines = append(lines, p.muted.Render("The marketplace is not available."))
	case !m.loaded && m.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load orders: "+views.Describe(m.err), m.width)...)
		lines = append(lines, views.Wrapped(p.muted, "retrying in the background; "+m.keys.Global.Refresh.Help().Key+" retries now", m.width)...)
	case !m.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(m.orders) == 0:
		lines = append(lines, p.muted.Render("No orders yet."))
	case len(m.vis) == 0:
		lines = append(lines, views.Truncate(p.muted.Render("No order matches the filters."), m.width))
	default:
		m.win.Fix(len(m.vis), h, m.rowHeight)
		lines = append(lines, m.win.Render(len(m.vis), h, m.row)...)
	}
	for len(lines) < m.height-len(footer) {
		lines = append(lines, "")
	}
	return views.Rows(append(lines, footer...), m.height)
}

// bodyHeight is the room for rows.
func (m *Model) bodyHeight() int {
	chrome := 1
	if m.err != nil && m.loaded {
		chrome++
	}
	if m.query.Active() {
		chrome++
	}
	return max(m.height-chrome, 1)
}

// header is the title line: the filters, what needs the operator, and
// the filter keys; a refresh error below it.
func (m *Model) header() []string {
	p := m.pal
	t := p.title.Render("Market") + p.muted.Render(" · orders · "+m.roleName()+" · "+m.statusName())
	if n := m.Badge(); n > 0 {
		t += p.accent.Render(fmt.Sprintf(" · %d need you", n))
	}
	mk := m.keys.Market
	hint := p.faint.Render(mk.Section.Help().Key + " services · " + mk.Role.Help().Key + " role · " + mk.Status.Help().Key + " status")
	out := []string{views.Spread(t, hint, m.width)}
	if m.err != nil && m.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(m.err)+" · showing what was loaded"), m.width))
	}
	return out
}

// row is the order at i as the list shows it, the selection in the gutter.
func (m *Model) row(i int, sel bool) []string {
	e := m.vis[i]
	body := m.query.Mark(m.rowBody(e))
	out := m.gut.Mark(body, sel)
	if s := m.sectionStart(i); s != "" {
		head := views.Fit(m.pal.pad.Render(strings.Repeat(" ", views.GutterWidth))+m.pal.section.Render(s), m.width, m.pal.pad)
		out = append([]string{head}, out...)
	}
	return out
}

// rowBody is an order's two lines right of the gutter, rendered once per
// version, width and minute:
//
//	Logo design · Ada Bot @ada · $25.00 · paid
//	  → start · due Dec 9 · ordered 2d ago · seller
func (m *Model) rowBody(e *entry) []string {
	return m.cache.Get(cacheKey{id: e.o.ID, ver: e.ver}, func() []string {
		p, w := m.pal, m.width-views.GutterWidth
		o := &e.o
		cp := counterparty(o, e.role)
		who := views.Name(views.NormalizeEmojiWidth(cp.Name))
		hdl := ""
		if cp.Handle != "" {
			hdl = "@" + cp.Handle
		}
		money := views.Money(o.Price)
		status := statusLabel(o.Status)
		mark := m.hiddenMark(orderHidden(o))
		fixed := 3 + ansi.StringWidth(hdl) + ansi.StringWidth(mark) + 3 + len(money) + 3 + len(status)
		room := max(w-fixed, 12)
		t := views.NormalizeEmojiWidth(title(o))
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
		b.WriteString(mark)
		b.WriteString(p.faint.Render(" · "))
		b.WriteString(p.money.Render(money))
		b.WriteString(p.faint.Render(" · "))
		b.WriteString(m.statusStyle(o.Status).Render(status))
		first := views.Fit(b.String(), w, p.pad)

		nx := m.nextOf(e)
		ns := p.muted
		if e.need != "" {
			ns = p.accent
		}
		parts := []string{ns.Render("→ " + nx)}
		if d := dueAt(o); !d.IsZero() && !o.Status.Final() {
			ds := p.time
			label := "due " + d.Format("Jan 2")
			if m.shown.After(d) && o.Status != api.OrderDelivered {
				ds, label = p.warn, "overdue since "+d.Format("Jan 2")
			}
			parts = append(parts, ds.Render(label))
		}
		if a := views.Ago(m.shown, o.CreatedAt); a != "" {
			parts = append(parts, p.time.Render("ordered "+a))
		}
		parts = append(parts, p.faint.Render("as "+e.role.String()))
		second := views.Fit(p.pad.Render("  ")+strings.Join(parts, p.faint.Render(" · ")), w, p.pad)
		return []string{first, second}
	})
}

// statusStyle colours a status: green when done, red when in trouble.
func (m *Model) statusStyle(s api.OrderStatus) lipgloss.Style {
	switch s {
	case api.OrderCompleted:
		return m.pal.ok
	case api.OrderDisputed, api.OrderCancelled, api.OrderRefunded:
		return m.pal.errs
	case api.OrderDelivered, api.OrderRevision:
		return m.pal.warn
	}
	return m.pal.muted
}
