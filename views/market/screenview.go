package market

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"imagine/api"
	"imagine/views"
)

// screenView draws the open order: the breadcrumb, the body scrolled, and
// the composer under it when open.
func (m *Model) screenView() string {
	p, s := m.pal, m.open
	head := views.Crumbs(m.Path(), m.headHint(), m.width, p.title, p.muted, p.faint)
	var tail []string
	if m.comp.IsOpen() {
		tail = strings.Split(m.comp.View(), "\n")
	}
	h := max(m.height-1-len(tail), 1)
	body := m.body()
	s.off = max(min(s.off, len(body)-h), 0)
	lines := append([]string{head}, body[s.off:min(s.off+h, len(body))]...)
	for len(lines) < m.height-len(tail) {
		lines = append(lines, "")
	}
	return views.Rows(m.withLinks(append(lines, tail...)), m.height)
}

// body is the order screen's lines, rendered once per version and width.
func (m *Model) body() []string {
	s := m.open
	if s.linesDone && s.linesVer == s.ver && s.linesW == m.width {
		return s.lines
	}
	s.lines, s.linesVer, s.linesW, s.linesDone = m.renderBody(), s.ver, m.width, true
	return s.lines
}

func (m *Model) renderBody() []string {
	p, s, w := m.pal, m.open, m.width
	e := m.current()
	if e == nil {
		return []string{p.muted.Render("This order is no longer in your orders list.")}
	}
	o := &e.o
	fit := func(l string) string { return views.Fit(l, w, p.pad) }
	party := func(label string, a api.Agent) string {
		who := views.Name(views.NormalizeEmojiWidth(a.Name))
		return p.muted.Render(label+" ") + p.name.Render(who) + " " + p.handle.Render(handleOf(a))
	}
	var out []string
	out = append(out,
		fit(m.statusStyle(o.Status).Render(statusLabel(o.Status))+p.faint.Render(" · you are the "+e.role.String()+" · ")+p.accent.Render("next: "+m.screenNext(e))),
		fit(party("buyer", o.Buyer)+p.faint.Render(" · ")+party("seller", o.Seller)))
	out = append(out, m.hiddenNote(orderParts(o, s.thread.Items))...)
	facts := []string{p.money.Render(views.Money(o.Price))}
	if o.PaymentMethod != "" {
		facts = append(facts, p.muted.Render(paidBy(o)))
	}
	if a := views.Ago(m.shown, o.CreatedAt); a != "" {
		facts = append(facts, p.time.Render("ordered "+a))
	}
	if d := dueAt(o); !d.IsZero() {
		facts = append(facts, p.time.Render("due "+d.Format("Jan 2 15:04")))
	}
	if o.Revisions > 0 || o.RevisionsUsed > 0 {
		facts = append(facts, p.muted.Render(fmt.Sprintf("revisions %d/%d", o.RevisionsUsed, o.Revisions)))
	}
	out = append(out, fit(strings.Join(facts, p.faint.Render(" · "))))
	out = append(out, fit(m.timeline(e)))
	out = append(out, m.payLines(e)...)
	if acts := m.allowedKeys(e); acts != "" {
		out = append(out, fit(p.faint.Render("now: ")+p.muted.Render(acts)))
	}
	if s.busy != "" {
		out = append(out, fit(p.muted.Render(s.busy+"…")))
	}
	out = append(out, "", fit(p.section.Render("Requirements")))
	out = append(out, m.markdown(o.Requirements, "none given")...)
	out = append(out, "", fit(p.section.Render("Deliverables")))
	out = append(out, m.markdown(o.Deliverables, "not delivered yet")...)
	th := &s.thread
	count := fmt.Sprintf("Messages (%d)", len(th.Items))
	if th.HasOlder {
		count = fmt.Sprintf("Messages (the newest %d)", len(th.Items))
	}
	out = append(out, "", fit(p.section.Render(count)+p.faint.Render(" · "+m.keys.Market.Message.Help().Key+" write")))
	s.threadTop = len(out)
	switch {
	case s.msgsErr != nil:
		out = append(out, fit(p.warn.Render("couldn't load the thread: "+views.Describe(s.msgsErr))))
	case !th.Loaded:
		out = append(out, fit(p.muted.Render("loading…")))
	case len(th.Items) == 0:
		out = append(out, fit(p.muted.Render("No messages yet.")))
	case th.Busy:
		out = append(out, fit(p.muted.Render("loading older messages…")))
	case th.Err != nil:
		out = append(out, fit(p.warn.Render("couldn't load older messages: "+views.Describe(th.Err)+" · scroll up to retry")))
	case th.HasOlder:
		out = append(out, fit(p.faint.Render("older messages above: scroll up to load them")))
	}
	for i := range th.Items {
		msg := &th.Items[i]
		who := views.Name(views.NormalizeEmojiWidth(msg.Sender.Name))
		line := p.name.Render(who) + " " + p.handle.Render(handleOf(msg.Sender)) + m.hiddenMark(msg.Removed != nil || msg.Sender.Removed != nil)
		if a := views.Ago(m.shown, msg.CreatedAt); a != "" {
			line += p.faint.Render(" · ") + p.time.Render(a)
		}
		out = append(out, fit(line))
		for _, l := range m.md.Render(msg.Content, max(w-2, 10)) {
			out = append(out, fit(p.pad.Render("  ")+l))
		}
		out = append(out, m.attachmentLines(msg.Attachments, w)...)
	}
	return out
}

// attachmentLines are a message's attachments, one address a line, each
// a hyperlink where the terminal takes them (o lists them too).
func (m *Model) attachmentLines(urls []string, w int) []string {
	p := m.pal
	st := views.ContentStyles{Text: p.faint, Hashtag: p.faint, Mention: p.faint, Links: m.styles.Hyperlinks}
	var out []string
	for _, u := range urls {
		for _, l := range views.Content("attached "+u, max(w-2, 10), st) {
			out = append(out, views.Fit(p.pad.Render("  ")+l, w, p.pad))
		}
	}
	return out
}

// markdown renders a requirements or deliverables text.
func (m *Model) markdown(text, none string) []string {
	if strings.TrimSpace(text) == "" {
		return []string{views.Fit(m.pal.muted.Render(none), m.width, m.pal.pad)}
	}
	var out []string
	for _, l := range m.md.Render(text, max(m.width-2, 10)) {
		out = append(out, views.Fit(m.pal.pad.Render("  ")+l, m.width, m.pal.pad))
	}
	return out
}

// orderActions are the keys of the order screen with their action.
func (m *Model) orderActions() []struct {
	b *key.Binding
	a api.OrderAction
} {
	k := &m.keys.Market
	return []struct {
		b *key.Binding
		a api.OrderAction
	}{
		{&k.Start, api.ActionStart}, {&k.Deliver, api.ActionDeliver}, {&k.Accept, api.ActionAccept},
		{&k.Revision, api.ActionRequestRevision}, {&k.Dispute, api.ActionDispute},
		{&k.Cancel, api.ActionCancel}, {&k.Review, reviewAction},
	}
}

// allowedKeys lists what the operator can do to e now ("s start · x cancel").
func (m *Model) allowedKeys(e *entry) string {
	var out []string
	for _, oa := range m.orderActions() {
		if m.refusal(e, oa.a) == "" {
			out = append(out, oa.b.Help().Key+" "+oa.b.Help().Desc)
		}
	}
	return strings.Join(out, " · ")
}
