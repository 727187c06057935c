package messages

import (
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// View implements ui.Pane. Only the visible window of the list or the
// conversation is drawn, from cached renderings.
func (m *Model) View() string {
	if m.stacked {
		return m.crumbLine() + "\n" + m.view()
	}
	return m.view()
}

// view is what the Model shows, under the breadcrumb when stacked.
func (m *Model) view() string {
	m.syncCache()
	switch {
	case (m.preview || m.stacked) && m.open == nil && !m.comp.IsOpen() && !m.prompt.open:
		return views.Rows(m.previewLines(), m.height)
	case m.prompt.open:
		return views.Rows(m.promptLines(), m.height)
	case m.comp.IsOpen() && !m.split():
		return m.comp.View()
	case m.open != nil && m.comp.IsOpen():
		h := m.height - m.composerHeight()
		return views.Rows(m.threadLines(h), h) + "\n" + m.comp.View()
	case m.open != nil:
		return views.Rows(m.links.Over(m.threadLines(m.height), m.width, m.height, m.styles), m.height)
	}
	return views.Rows(m.listLines(), m.height)
}

// listHeader is the list's title line and, after a failed refresh, a
// warning; listFooter the next page loading or failed.
func (m *Model) listHeader() []string {
	p, l := m.pal, &m.list
	title := p.title.Render("Messages")
	if m.unread > 0 {
		title += p.muted.Render(" · " + strconv.Itoa(m.unread) + " unread")
	}
	out := []string{views.Spread(title, p.faint.Render(m.keys.Messages.New.Help().Key+" new conversation"), m.width)}
	if l.err != nil && l.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(l.err)+" · showing what was loaded"), m.width))
	}
	return out
}

func (m *Model) listFooter() []string {
	p, l := m.pal, &m.list
	switch {
	case l.more:
		return []string{p.muted.Render("loading more…")}
	case l.moreErr != nil:
		return []string{views.Truncate(p.errs.Render("couldn't load more: "+views.Describe(l.moreErr)+" · move to retry"), m.width)}
	}
	return nil
}

// listBodyHeight is the room left for conversations in the list.
func (m *Model) listBodyHeight() int {
	return max(m.height-len(m.listHeader())-len(m.listFooter())-filterRows(&m.list.filter), 1)
}

// listLines renders the conversation list.
func (m *Model) listLines() []string {
	p, l := m.pal, &m.list
	header, footer := m.listHeader(), m.listFooter()
	lines := append(make([]string, 0, m.height), header...)
	h := max(m.height-len(header)-len(footer)-filterRows(&l.filter), 1)
	k := m.keys.Messages
	switch {
	case !l.loaded && l.err != nil:
		lines = append(lines, views.Wrapped(p.errs, "couldn't load the conversations: "+views.Describe(l.err), m.width)...)
		lines = append(lines, views.Wrapped(p.muted, "retrying in the background; "+m.keys.Global.Refresh.Help().Key+" retries now", m.width)...)
	case !l.loaded:
		lines = append(lines, p.muted.Render("loading conversations…"))
	case len(l.entries) == 0:
		lines = append(lines, p.muted.Render("No conversations yet."))
		lines = append(lines, views.Wrapped(p.muted, "Press "+k.New.Help().Key+" to write to any agent.", m.width)...)
	case l.filter.Active():
		lines = append(lines, m.filteredList(h)...)
	default:
		n := len(l.entries)
		l.win.Fix(n, h, convHeights)
		lines = append(lines, l.win.Render(n, h, func(i int, sel bool) []string { return m.convLines(l.entries[i], sel) })...)
		for len(lines) < len(header)+h {
			lines = append(lines, "")
		}
	}
	lines = append(lines, footer...)
	if l.filter.Active() {
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, l.filter.Line(len(l.entries), m.width))
	}
	return lines
}

// threadHeader is the open conversation's title line (with the state of
// older messages or key hints) and, after a failed refresh, a warning.
func (m *Model) threadHeader(t *thread) []string {
	p := m.pal
	k := m.keys
	handle := "@" + t.peer.Handle
	var right string
	switch {
	case t.olderBusy:
		right = p.muted.Render("loading older…")
	case t.olderErr != nil:
		right = p.errs.Render("couldn't load older: " + views.Describe(t.olderErr))
	case m.preview:
		// Beside the list, the preview's keys are the list's: enter opens.
		right = p.faint.Render(k.List.Open.Help().Key + " opens it")
	default:
		right = p.faint.Render(k.Messages.New.Help().Key + " write · " + k.List.Back.Help().Key + " back")
	}
	lead := ""
	if !m.preview && !m.stacked {
		// The pane's own conversation: the breadcrumb's first step, as a
		// stacked screen's header has it (a stacked Model's is above).
		lead = p.muted.Render("Messages") + p.faint.Render(" › ")
	}
	name := displayName(t.peer)
	if room := m.width - ansi.StringWidth(lead) - ansi.StringWidth(handle) - 1; room >= 6 {
		name = views.Truncate(name, room)
	}
	var out []string
	if !m.stacked {
		// A stacked Model's breadcrumb line is its header (crumbLine).
		out = append(out, views.Spread(lead+p.author.Render(name)+" "+p.handle.Render(handle), right, m.width))
	}
	if t.err != nil && t.loaded {
		out = append(out, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(t.err)+" · showing what was loaded"), m.width))
	}
	return out
}

// threadBodyHeight is the room for messages when the composer is closed.
func (m *Model) threadBodyHeight() int {
	return max(m.height-len(m.threadHeader(m.open))-filterRows(&m.open.filter), 1)
}

// threadLines renders the open conversation in height lines: the newest
// message at the bottom, a short conversation pushed down against it.
func (m *Model) threadLines(height int) []string {
	t, p := m.open, m.pal
	header := m.threadHeader(t)
	h := max(height-len(header), 1)
	lines := append(make([]string, 0, height), header...)
	n := len(t.rows)
	if t.filter.Active() {
		h = max(h-1, 1)
		lines = append(lines, m.filteredThread(t, h)...)
		for len(lines) < height-1 {
			lines = append(lines, "")
		}
		return append(lines, t.filter.Line(n, m.width))
	}
	switch {
	case n == 0 && t.err != nil:
		return append(lines, views.Wrapped(p.errs, "couldn't load the conversation: "+views.Describe(t.err), m.width)...)
	case n == 0 && !t.loaded:
		return append(lines, p.muted.Render("loading messages…"))
	case n == 0:
		return append(lines, views.Wrapped(p.muted, "No messages yet. Press "+m.keys.Messages.New.Help().Key+" to write the first one.", m.width)...)
	}
	hf := m.rowHeights(t)
	m.place(t, h)
	draw := func(i int, sel bool) []string { return m.rowLines(t, i, sel) }
	body := t.win.Render(n, h, draw)
	if len(body) < h && (t.win.Top > 0 || t.win.Skip > 0) {
		// The view grew (the composer closed) or rows went: the newest
		// row comes down to the bottom and older ones fill the top.
		cur := t.win.Cursor
		fillWindow(&t.win, n, h, hf)
		t.win.Cursor = cur
		body = t.win.Render(n, h, draw)
	}
	if len(body) < h && t.win.Top == 0 && t.win.Skip == 0 {
		lines = append(lines, make([]string, h-len(body))...)
	}
	return append(lines, body...)
}

// place scrolls a thread for a body of h lines: to the newest row when
// asked (toBottom), else so that the cursor shows.
func (m *Model) place(t *thread, h int) {
	n := len(t.rows)
	if n == 0 {
		return
	}
	if t.toBottom {
		if !m.placeAtNew(t, h) {
			fillWindow(&t.win, n, h, m.rowHeights(t))
		}
		t.toBottom = false
		return
	}
	t.win.Fix(n, h, m.rowHeights(t))
}

// fill selects the last item and scrolls so its last line is the view's
// bottom line, measuring only the items that show.
func fillWindow(w *views.Window, n, height int, h views.HeightFunc) {
	w.Cursor = n - 1
	used := 0
	for i := n - 1; i >= 0; i-- {
		used += h(i)
		if used >= height {
			w.Top, w.Skip = i, used-height
			return
		}
	}
	w.Top, w.Skip = 0, 0
}
