package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// The raw view (security.md §4.5 E2): the original text of the item in
// focus, escaped by the api package at decode (sanitize.Removed), for an
// operator to see what cleaning removed. It is drawn over the pane like
// the help screen, plain (no styles in the text), scrolled with the list
// keys and closed with esc or the raw key. It never holds raw bytes: the
// record is printable text, and the output guard checks every frame.

// rawScreen is the open raw view.
type rawScreen struct {
	what  string
	lines []string // the records' lines, unwrapped
	top   int      // first wrapped line shown
}

// openRaw opens the raw view of what the screen in front shows, or says
// why there is nothing to show.
func (m *Model) openRaw() tea.Cmd {
	src, ok := m.front().(views.RawSource)
	if !ok {
		return m.status.set(levelInfo, "nothing here has a raw view", 0)
	}
	what, parts := src.Raw()
	var lines []string
	seen := map[string]bool{} // the same agent behind several messages shows once
	for _, p := range parts {
		if p.Rec == nil || seen[p.Rec.Raw] {
			continue
		}
		seen[p.Rec.Raw] = true
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, "── "+p.Label)
		lines = append(lines, p.Rec.Lines()...)
	}
	if len(lines) == 0 {
		return m.status.set(levelInfo, "no hidden characters were removed from this", 0)
	}
	m.raw = &rawScreen{what: what, lines: lines}
	m.showHelp = false
	return nil
}

// wrapped is the view's lines wrapped to w cells.
func (r *rawScreen) wrapped(w int) []string {
	var out []string
	for _, ln := range r.lines {
		out = append(out, strings.Split(ansi.Hardwrap(ln, max(w, 1), true), "\n")...)
	}
	return out
}

// rawKey scrolls or closes the raw view; other keys close it and fall
// through to the globals (done is false).
func (m *Model) rawKey(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	l := m.keys.List
	r := m.raw
	page := max(m.lay.body.h-3, 1)
	last := max(len(r.wrapped(m.lay.body.w))-page, 0)
	switch {
	case key.Matches(msg, l.Back), key.Matches(msg, m.keys.Global.Raw):
		m.raw = nil
	case key.Matches(msg, l.Down):
		r.top = min(r.top+1, last)
	case key.Matches(msg, l.Up):
		r.top = max(r.top-1, 0)
	case key.Matches(msg, l.PageDown):
		r.top = min(r.top+page, last)
	case key.Matches(msg, l.PageUp):
		r.top = max(r.top-page, 0)
	case key.Matches(msg, l.Top):
		r.top = 0
	case key.Matches(msg, l.Bottom):
		r.top = last
	default:
		// Any other key closes the view and then acts: the record is of
		// the item in focus, which that key may change.
		m.raw = nil
		return nil, false
	}
	return nil, true
}

// rawView draws the raw view in w x h cells: a title, a note, then the
// escaped text.
func (m *Model) rawView(w, h int) string {
	s, r := m.styles, m.raw
	b := m.keys.Global.Raw.Help()
	out := []string{
		views.Truncate(s.DialogTitle.Render("Raw text · "+r.what), w),
		views.Truncate(s.HelpDesc.Render("as sent; each \\x1b, \\u202e… escape was removed · esc/"+b.Key+" close"), w),
		"",
	}
	lines := r.wrapped(w)
	top := min(r.top, max(len(lines)-1, 0))
	for _, ln := range lines[top:] {
		if len(out) >= h {
			break
		}
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}
