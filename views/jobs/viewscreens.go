package jobs

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"imagine/api"
	"imagine/views"
)

// historyView is every past job, two lines each, with paging state.
func (m *Model) historyView() string {
	p := m.pal
	k, jk := m.keys.List, m.keys.Jobs
	h := &m.hist
	title := p.title.Render("Jobs") + p.muted.Render(" · history")
	if h.loaded {
		count := fmt.Sprintf("%d jobs", len(h.items))
		switch {
		case h.hasMore:
			count = fmt.Sprintf("%d+ jobs", len(h.items))
		case len(h.items) == 1:
			count = "1 job"
		}
		title += p.muted.Render(" · " + count)
	}
	hint := k.Open.Help().Key + " open post · " + jk.Retry.Help().Key + " retry · " + jk.History.Help().Key + " live"
	lines := append(m.header(title, hint), "")
	footer := m.historyFooter()
	switch {
	case m.gen == nil:
		lines = append(lines, p.muted.Render("Generation is not available."))
	case !h.loaded && h.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load the history: "+views.Describe(h.err), m.width)...)
		lines = append(lines, p.muted.Render("move to retry"))
	case !h.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	case len(h.items) == 0:
		lines = append(lines, views.Wrapped(p.muted, "No generation yet · "+jk.New.Help().Key+" starts one", m.width)...)
	case h.filter.Active() && h.filter.Len() == 0:
		lines = append(lines, p.muted.Render("No loaded job matches."))
	case h.filter.Active():
		f := &h.filter
		ht := max(m.height-len(lines)-len(footer)-1, 1)
		f.Win.Fix(f.Len(), ht, historyHeights)
		lines = append(lines, f.Win.Render(f.Len(), ht, func(j int, sel bool) []string {
			return f.Mark(m.historyRow(&h.items[f.Item(j)], sel))
		})...)
	default:
		ht := max(m.height-len(lines)-len(footer), 1)
		h.win.Fix(len(h.items), ht, func(int) int { return historyRowHeight })
		lines = append(lines, h.win.Render(len(h.items), ht, func(i int, sel bool) []string {
			return m.historyRow(&h.items[i], sel)
		})...)
		for len(lines) < m.height-len(footer) {
			lines = append(lines, "")
		}
	}
	if h.filter.Active() {
		footer = append(footer, h.filter.Line(len(h.items), m.width))
		for len(lines) < m.height-len(footer) {
			lines = append(lines, "")
		}
	}
	return views.Rows(append(lines, footer...), m.height)
}

// historyFooter is the state of the next page: loading, or failed.
func (m *Model) historyFooter() []string {
	p := m.pal
	h := &m.hist
	switch {
	case !h.loaded:
		return nil
	case h.loading:
		return []string{p.muted.Render("loading older…")}
	case h.err != nil:
		return []string{views.Truncate(p.errs.Render("couldn't load older: "+views.Describe(h.err)+" · move to retry"), m.width)}
	}
	return nil
}

// historyBodyHeight is the room for history rows (counted without
// rendering).
func (m *Model) historyBodyHeight() int {
	chrome := 2 + len(m.headerNotice())
	if m.hist.loading || m.hist.err != nil {
		chrome++
	}
	chrome += filterRows(&m.hist.filter)
	return max(m.height-chrome, 1)
}

// servicesView lists the providers with their masked keys.
func (m *Model) servicesView() string {
	p := m.pal
	k, jk := m.keys.List, m.keys.Jobs
	s := &m.svcs
	title := p.title.Render("Jobs") + p.muted.Render(" · AI services")
	hint := jk.Connect.Help().Key + " connect · " + jk.Toggle.Help().Key + " on/off · " +
		jk.Test.Help().Key + " test · " + jk.Disconnect.Help().Key + " disconnect · " + k.Back.Help().Key + " back"
	lines := append(m.header(title, hint), "")
	switch {
	case m.svc == nil:
		lines = append(lines, p.muted.Render("Connected services are not available."))
	case !s.loaded && s.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load your providers: "+views.Describe(s.err), m.width)...)
		lines = append(lines, views.Wrapped(p.muted, m.keys.Global.Refresh.Help().Key+" retries", m.width)...)
	case !s.loaded:
		lines = append(lines, p.muted.Render("loading…"))
	default:
		if s.err != nil {
			lines = append(lines, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(s.err)), m.width))
		}
		if hint := m.noProviderHint(); hint != "" {
			lines = append(lines, views.Truncate(p.warn.Render(hint), m.width), "")
		}
		sel := s.selected()
		for _, prov := range s.providers() {
			lines = append(lines, m.serviceRow(prov, prov == sel)...)
		}
		lines = append(lines, "")
		lines = append(lines, views.Wrapped(p.faint, "Keys are stored encrypted by ImagineAnything and shown only masked, as the server masks them.", m.width)...)
	}
	return views.Rows(lines, m.height)
}

// genFormView is the generation form: a header (saying where the values
// came from when it opened filled in), a note line, the form, the
// counters and the hints.
func (m *Model) genFormView() string {
	p := m.pal
	f := m.form
	k := m.keys.Jobs
	title := p.title.Render("Jobs") + p.muted.Render(" · new generation")
	hint := k.Cancel.Help().Key + " cancel"
	if f.d.from != "" {
		title += p.muted.Render(" · ") + p.accent.Render(f.d.from)
	}
	if f.blankable() {
		hint = m.keys.Jobs.Blank.Help().Key + " " + m.keys.Jobs.Blank.Help().Desc + " · " + hint
	}
	lines := []string{views.Spread(title, p.faint.Render(hint), m.width)}
	lines = append(lines, views.Truncate(m.formNotice(f), m.width))
	body := max(m.height-formChrome, 1)
	switch f.step {
	case stepProviders:
		lines = append(lines, p.muted.Render("Reading your connected AI providers…"))
	case stepLoading:
		lines = append(lines, p.muted.Render("Reading the models of "+views.ProviderName(f.d.provider)+"…"))
	case stepChoose, stepDetails:
		lines = append(lines, m.formLines(f.host, body)...)
	}
	for len(lines) < m.height-2 {
		lines = append(lines, "")
	}
	counters := ""
	if f.step == stepDetails {
		counters = m.counter(p, "prompt", f.d.prompt, api.MaxPromptRunes) + p.faint.Render(" · ") +
			m.counter(p, "post text", f.d.content, api.MaxGeneratedPostRunes)
	}
	keyLine := "enter next · shift+tab back · " + k.Cancel.Help().Key + " cancel"
	if (f.step == stepChoose || f.step == stepDetails) && f.host != nil {
		keyLine = views.FormKeyLine(f.host.form, f.last, m.sendWord(), k.Cancel.Help().Key)
	}
	lines = append(lines[:m.height-2], views.Truncate(counters, m.width), views.Truncate(p.faint.Render(keyLine), m.width))
	return views.Rows(lines, m.height)
}

// formNotice is the generation form's note line: why the last submit was
// refused, the generation slots (slotsNotice), and what could not be
// loaded, in that order, the most pressing first where the line is cut.
func (m *Model) formNotice(f *genForm) string {
	p := m.pal
	var parts []string
	if f.problem != "" {
		parts = append(parts, p.errs.Render(f.problem))
	}
	if s := m.slotsNotice(f); s != "" {
		parts = append(parts, s)
	}
	if f.note != "" {
		parts = append(parts, p.warn.Render(f.note))
	}
	return strings.Join(parts, p.faint.Render(" · "))
}

// counter is "prompt 34/1000", in the error style past the limit.
func (m *Model) counter(p *palette, what, s string, limit int) string {
	n := utf8.RuneCountInString(s)
	text := fmt.Sprintf("%s %d/%d", what, n, limit)
	if n > limit {
		return p.errs.Render(fmt.Sprintf("%s · %d over", text, n-limit))
	}
	return p.muted.Render(text)
}

// formLines is an open form's view cut to the pane: at most height lines
// of at most the pane's width.
func (m *Model) formLines(h *formHost, height int) []string {
	if h == nil {
		return nil
	}
	lines := strings.Split(strings.TrimRight(h.form.View(), "\n"), "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = views.Truncate(strings.TrimRight(l, " "), m.width)
	}
	return lines
}

// keyFormView is the key form: the provider, the masked input, and what
// happens to the key.
func (m *Model) keyFormView() string {
	p := m.pal
	k := m.keys.Jobs
	lines := []string{views.Spread(p.title.Render("Jobs")+p.muted.Render(" · AI services"),
		p.faint.Render(k.Cancel.Help().Key+" cancel"), m.width), ""}
	lines = append(lines, m.formLines(m.keyForm.host, max(m.height-formChrome, 1))...)
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:m.height-1], views.Truncate(p.faint.Render("enter saves the key · "+k.Cancel.Help().Key+" cancels; nothing is sent before enter"), m.width))
	return views.Rows(lines, m.height)
}

// noProviderHint says how to make a provider usable when none is
// connected and turned on, or is "".
func (m *Model) noProviderHint() string {
	s := &m.svcs
	k := m.keys.Jobs
	switch {
	case len(s.usable()) > 0:
		return ""
	case len(s.list) > 0:
		return "No AI provider is turned on: select one and press " + k.Toggle.Help().Key +
			" to turn it on, or " + k.Connect.Help().Key + " to connect another."
	}
	return "No AI provider is connected: select one and press " + k.Connect.Help().Key + " to connect its API key."
}
