package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/outguard"
	"imagine/views"
)

// View implements tea.Model. Every return path sets the same View fields:
// a View without AltScreen would leave the alternate screen (charm-v2.md).
func (m *Model) View() tea.View {
	// The last check before the terminal (security.md §4.3): a line holding
	// anything but text, SGR and OSC 8 is cleaned and counted.
	frame, _ := outguard.Guard(m.render())
	v := tea.NewView(frame)
	v.AltScreen = true
	v.ReportFocus = true
	v.MouseMode = m.mouseMode()
	// The title is built from trusted text only: the handle is the
	// server-validated ASCII handle (security.md D1).
	v.WindowTitle = "imagine"
	if m.handle != "" {
		v.WindowTitle = "imagine · @" + m.handle
	}
	return v
}

// render draws the whole screen as a string.
func (m *Model) render() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	l := m.lay
	var body string
	switch {
	case m.fatal != nil:
		body = m.fatalView(l.body.w, l.body.h)
	case m.dialog != nil:
		body = m.dialogView(l.body.w, l.body.h)
	case m.reportOpen():
		body = m.report.View(l.body.w, l.body.h)
	case m.switcher != nil:
		body = m.switcherView(l.body.w, l.body.h)
	case m.showHelp:
		body = m.helpView(l.body.w, l.body.h)
	case m.activity != nil:
		body = m.activityView(l.body.w, l.body.h)
	case m.raw != nil:
		body = m.rawView(l.body.w, l.body.h)
	case m.splitting():
		body = m.splitView(m.front().View())
	case m.front() != nil:
		body = m.front().View()
	}
	body = fit(body, l.body.w, l.body.h)
	if m.palette != nil && m.dialog == nil && m.switcher == nil && m.fatal == nil {
		body = fit(m.paletteOver(body, l.body.w, l.body.h), l.body.w, l.body.h)
	}
	parts := []string{m.tabsView(l.tabs.w), body}
	if l.footer.h > 0 {
		parts = append(parts, m.footerView(l.footer.w))
	}
	parts = append(parts, m.statusView(l.status.w))
	return strings.Join(parts, "\n")
}

// fit clips s to w x h cells and pads it to exactly h lines, so a pane can
// never push the status line off screen.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, ln := range lines {
		if ansi.StringWidth(ln) > w {
			lines[i] = ansi.Truncate(ln, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// tabsView draws the tab bar: number, title and unread badge per pane.
func (m *Model) tabsView(w int) string {
	k := new(chromeKey).int(m.chrome.styleGen).int(w).int(int(m.focus))
	for _, id := range m.order {
		k.int(int(id)).str(m.panes[id].Title()).int(m.panes[id].Badge())
	}
	return m.chrome.tabs.get(k.String(), func() string { return m.drawTabs(w) })
}

// drawTabs draws the tab bar, every tab on it: when the titles do not
// fit, the other panes' titles are shortened, then left out (tabCells).
func (m *Model) drawTabs(w int) string {
	brand := m.styles.Accent.Render("imagine ")
	bar := strings.Join(m.tabCells(w), " ")
	gap := w - ansi.StringWidth(bar) - ansi.StringWidth(brand)
	if gap < 1 {
		return ansi.Truncate(bar, w, "…")
	}
	return bar + strings.Repeat(" ", gap) + brand
}

// tabTitleCuts are the widths the titles are cut to, in turn, until the
// tab bar fits: those of the panes not in front whole, four letters
// ("Noti"), two ("No": two tell Messages from Market, and keep a badge
// from reading as part of the pane's number), none (the number and the
// badge only); then the front pane's too, to four letters and to none, so
// that every tab stays on the bar (at 50 columns "Notifications" in front
// once pushed tabs 6 and 7 off it). -1 leaves a title whole.
var tabTitleCuts = []struct{ others, front int }{{-1, -1}, {4, -1}, {2, -1}, {0, -1}, {0, 4}, {0, 0}}

// tabCells are the tabs as drawn in w columns: the first cut of
// tabTitleCuts with which every tab fits. The mouse measures the same
// cells (tabAt).
func (m *Model) tabCells(w int) []string {
	var cells []string
	for _, cut := range tabTitleCuts {
		cells = cells[:0]
		width := len(m.order) - 1 // the spaces between tabs
		for _, id := range m.order {
			c := m.tabCell(id, cut.others, cut.front)
			cells = append(cells, c)
			width += ansi.StringWidth(c)
		}
		if width <= w {
			break
		}
	}
	return cells
}

// tabCell draws pane id's tab: number, title (cut to cut cells, or to
// frontCut for the pane in front; -1 leaves it whole) and badge.
func (m *Model) tabCell(id PaneID, cut, frontCut int) string {
	p := m.panes[id]
	st := m.styles.TabInactive
	title := p.Title()
	if id == m.focus {
		st = m.styles.TabActive
		cut = frontCut
	}
	if cut >= 0 {
		title = ansi.Truncate(title, cut, "")
	}
	label := strconv.Itoa(int(id) + 1)
	if title != "" {
		label += " " + title
	}
	t := st.Render(label)
	if n := p.Badge(); n > 0 {
		t += m.styles.Badge.Render(badgeText(n))
	}
	return t
}

// badgeText caps a badge so a flood cannot widen the tab bar.
func badgeText(n int) string {
	if n > 99 {
		return "99+"
	}
	return strconv.Itoa(n)
}

// statusView draws the status line: who is signed in, whether the client
// is online, any back-off, and the transient message.
func (m *Model) statusView(w int) string {
	k := new(chromeKey).int(m.chrome.styleGen).int(w).str(m.handle).bool(m.online).bool(m.anyFailing())
	k.bool(m.fatal != nil).str(m.presenceText()).bool(m.pacing.on)
	k.int(int(m.lastOK().Unix())).int(int(m.status.level)).str(m.status.text)
	if m.opts.Rate != nil {
		if r := m.opts.Rate(); r.Limit > 0 && r.Remaining < rateReserve {
			k.int(r.Remaining).int(r.Limit)
		}
	}
	return m.chrome.status.get(k.String(), func() string { return m.drawStatus(w) })
}

// drawStatus draws the status line.
func (m *Model) drawStatus(w int) string {
	s := m.styles
	left := s.StatusKey.Render(" @" + m.handle + " ")
	if m.handle == "" {
		left = s.StatusKey.Render(" signing in… ")
	}
	if m.opts.Operator != "" {
		left += s.StatusBar.Render(" " + m.opts.Operator + " ")
	}
	if p := m.presenceText(); p != "" {
		left += s.StatusWarn.Render(" " + p + " ")
	}
	var conn string
	switch {
	case m.fatal != nil:
		// Nothing is retried once the credentials are refused.
		left = s.StatusKey.Render(" signed out ")
		conn = s.StatusError.Render(" ✕ credentials refused ")
	case !m.online:
		conn = s.StatusError.Render(" ○ offline ")
		if last := m.lastOK(); !last.IsZero() {
			conn += s.StatusBar.Render("· data from " + last.Format("15:04:05") + " ")
		}
	case m.anyFailing():
		conn = s.StatusWarn.Render(" ◐ retrying ")
		if last := m.lastOK(); !last.IsZero() {
			conn += s.StatusBar.Render("· data from " + last.Format("15:04:05") + " ")
		}
	case m.lastOK().IsZero():
		// Nothing has answered yet: "live" would be a promise.
		conn = s.StatusBar.Render(" ◌ connecting ")
	default:
		conn = s.StatusInfo.Render(" ● live ")
	}
	if m.opts.Rate != nil {
		if r := m.opts.Rate(); r.Limit > 0 && r.Remaining < rateReserve {
			conn += s.StatusWarn.Render(" rate " + strconv.Itoa(r.Remaining) + "/" + strconv.Itoa(r.Limit) + " ")
		}
	}
	if m.pacing.on && m.fatal == nil {
		// What was asked waits its turn within the rate limit (pacing.go).
		conn += s.StatusWarn.Render(" pacing requests ")
	}
	msg := ""
	if m.status.text != "" {
		st := s.StatusBar
		switch m.status.level {
		case levelWarn:
			st = s.StatusWarn
		case levelError:
			st = s.StatusError
		case levelInfo:
			st = s.StatusBar
		}
		msg = st.Render(" " + m.status.text + " ")
	}
	line := left + conn + msg
	pad := w - ansi.StringWidth(line)
	if pad < 0 {
		return ansi.Truncate(line, w, "…")
	}
	return line + s.StatusBar.Render(strings.Repeat(" ", pad))
}

// lastOK is the newest successful fetch of any pane.
func (m *Model) lastOK() (t time.Time) {
	for _, id := range m.order {
		if m.poll[id].lastOK.After(t) {
			t = m.poll[id].lastOK
		}
	}
	return t
}

// anyFailing reports whether a pane's last fetch failed.
func (m *Model) anyFailing() bool {
	for _, id := range m.order {
		if m.poll[id].err != nil {
			return true
		}
	}
	return false
}

// fatalView is the full-screen error for what the client cannot recover
// from on its own (credentials rejected).
func (m *Model) fatalView(w, h int) string {
	hint := "Check IMAGINEANYTHING_CLIENT_ID and IMAGINEANYTHING_CLIENT_SECRET, or run `imagine --demo`."
	if m.opts.Rejected != "" {
		hint = strings.ToUpper(m.opts.Rejected[:1]) + m.opts.Rejected[1:] + "."
	}
	text := m.styles.Error.Render("Signed out: the server rejected the credentials.") + "\n\n" +
		views.Describe(m.fatal) + "\n\n" + hint + "\n\n" +
		m.styles.HelpKey.Render("q") + " " + m.styles.HelpDesc.Render("quit")
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().Width(min(w, 70)).Render(text))
}
