package feed

import (
	"fmt"
	"reflect"

	"imagine/theme"
	"imagine/views"
	"imagine/views/postkit"

	"charm.land/lipgloss/v2"
)

// View implements ui.Pane. Only the visible window of the screen on top is
// drawn, from cached renderings.
func (m *Model) View() string {
	if m.ComposerOpen() || m.Depth() > 0 {
		return m.Kit.View()
	}
	m.SyncCache()
	return views.Rows(m.WithLinks(m.listLines()), m.height)
}

// chromeKey is everything the list's header and footer depend on; they are
// rebuilt only when it changes, so a frame does not restyle them.
type chromeKey struct {
	src              source
	posts, pending   int
	rows             int
	gap, more        bool
	width            int
	pal              *palette
	hasHome, hasList bool
	note             string // startupNote
	visit            string // visitNote
}

// chrome memoizes the list's header and footer lines.
type chrome struct {
	key            chromeKey
	err, moreErr   error
	header, footer []string
}

// sameErr compares errors by identity without panicking on error values of
// uncomparable types (those never match, which only costs a rebuild).
func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return reflect.TypeOf(a).Comparable() && reflect.TypeOf(b).Comparable() && a == b
}

// listChrome is the list's header lines (title, refresh error, new-posts
// banner) and footer lines (next page loading or failed).
func (m *Model) listChrome(tl *timeline) (header, footer []string) {
	k := chromeKey{
		src: tl.src, posts: tl.count, rows: len(tl.entries), pending: len(tl.pending), gap: tl.gap,
		more: tl.more, width: m.width, pal: m.pal,
		hasHome: m.tls[home].list != nil, hasList: tl.loaded, note: m.startupNote(tl), visit: m.visitNote(tl),
	}
	c := &m.chrome
	if c.header != nil && c.key == k && sameErr(c.err, tl.err) && sameErr(c.moreErr, tl.moreErr) {
		return c.header, c.footer
	}
	header, footer = m.buildChrome(tl)
	m.chrome = chrome{key: k, err: tl.err, moreErr: tl.moreErr, header: header, footer: footer}
	return header, footer
}

func (m *Model) buildChrome(tl *timeline) (header, footer []string) {
	p := m.pal
	title := p.title.Render(tl.src.String())
	if n := tl.count; n > 0 {
		title += p.muted.Render(fmt.Sprintf(" · %d posts", n))
	}
	if note := m.startupNote(tl); note != "" {
		title += p.muted.Render(" · " + note)
	}
	if note := m.visitNote(tl); note != "" {
		title += p.accent.Render(" · " + note)
	}
	other := "public timeline"
	if tl.src == public {
		other = "home feed"
	}
	hint := ""
	if m.tls[home].list != nil {
		hint = p.faint.Render(m.keys.Feed.Timeline.Help().Key + " " + other)
	}
	header = append(header, views.Spread(title, hint, m.width))
	if tl.err != nil && tl.loaded {
		header = append(header, views.Truncate(p.warn.Render("couldn't refresh: "+views.Describe(tl.err)+" · showing what was loaded"), m.width))
	}
	if n := len(tl.pending); n > 0 {
		label := fmt.Sprintf("%d new posts", n)
		if n == 1 {
			label = "1 new post"
		}
		if tl.gap {
			label = fmt.Sprintf("%d+ new posts", n)
		}
		banner := p.accent.Render("↑ "+label) + p.muted.Render(" · press "+m.keys.Feed.ShowNew.Help().Key+" to show")
		header = append(header, views.Truncate(banner, m.width))
	}
	switch {
	case tl.more && len(tl.entries) == 0:
		// The body says "loading…" already.
	case tl.more:
		footer = append(footer, p.muted.Render("loading more…"))
	case tl.moreErr != nil:
		footer = append(footer, views.Truncate(p.errs.Render("couldn't load more: "+views.Describe(tl.moreErr)+" · move to retry"), m.width))
	}
	return header, footer
}

// listBodyHeight is the room left for posts in the list.
func (m *Model) listBodyHeight(tl *timeline) int {
	header, footer := m.listChrome(tl)
	return max(m.height-len(header)-len(footer)-filterRows(tl), 1)
}

// listLines renders the timeline list.
func (m *Model) listLines() []string {
	tl := m.tl()
	p := m.pal
	header, footer := m.listChrome(tl)
	lines := append(make([]string, 0, m.height), header...)
	h := max(m.height-len(header)-len(footer)-filterRows(tl), 1)
	switch {
	case !tl.loaded && tl.err != nil:
		lines = append(lines, views.Truncate(p.errs.Render("couldn't load the "+tl.src.String()+": "+views.Describe(tl.err)), m.width),
			p.muted.Render("retrying in the background; r retries now"))
	case !tl.loaded, len(tl.entries) == 0 && tl.more:
		lines = append(lines, p.muted.Render("loading…"))
	case len(tl.entries) == 0 && tl.src == home:
		lines = append(lines, p.muted.Render("Your home feed is empty: follow agents to fill it."),
			p.muted.Render(views.Truncate("Press "+m.keys.Feed.Timeline.Help().Key+" for the public timeline, "+m.keys.Feed.Compose.Help().Key+" to write a post.", m.width)))
	case len(tl.entries) == 0:
		lines = append(lines, p.muted.Render("No posts yet."))
	case tl.filter.Active():
		lines = append(lines, m.filteredBody(tl, h)...)
	default:
		n := len(tl.entries)
		tl.win.Fix(n, h, m.listHeights(tl))
		body := tl.win.Render(n, h, func(i int, sel bool) []string { return m.listRow(tl.entries[i], sel) })
		lines = append(lines, body...)
		for len(lines) < len(header)+h {
			lines = append(lines, "")
		}
	}
	lines = append(lines, footer...)
	if tl.filter.Active() {
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, m.filterLine(tl))
	}
	return lines
}

// palette is the styles the list's header, footer and placeholders are
// drawn with; the posts are drawn by the kit, as the screens draw theirs.
type palette struct {
	title, muted, faint, warn, errs, accent lipgloss.Style
}

func newPalette(s *theme.Styles) *palette {
	return &palette{title: s.Title, muted: s.Muted, faint: s.Faint, warn: s.Warn, errs: s.Error, accent: s.Accent}
}

// Raw implements views.RawSource: the screen on top, else the selected
// post of the list.
func (m *Model) Raw() (string, []views.RawPart) {
	if m.Depth() > 0 {
		return m.Kit.Raw()
	}
	if e := m.selected(); e != nil {
		return postkit.PostRaw(&e.Post)
	}
	return "", nil
}
