package notifications

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// palette is the set of styles one row is drawn with. The selected row
// uses a copy of every style with the selection background inherited, so
// the highlight spans styled words and padding alike.
type palette struct {
	// Unread rows: a dot, an accented icon, bold name and action.
	dot, icon, name, handle, action, snippet lipgloss.Style
	// Read rows: no dot, everything dimmed.
	iconRead, nameRead, handleRead, actionRead, snippetRead lipgloss.Style
	time, faint, muted, title, warn, errs, accent           lipgloss.Style
	pad                                                     lipgloss.Style
	gutter                                                  string
}

func newPalette(s *theme.Styles, selected bool) *palette {
	p := &palette{
		dot: s.Accent, icon: s.Accent, name: s.Author, handle: s.Handle,
		action: s.Text.Inherit(s.Bold), snippet: s.Muted,
		iconRead: s.Faint, nameRead: s.Muted, handleRead: s.Faint,
		actionRead: s.Muted, snippetRead: s.Faint,
		time: s.Time, faint: s.Faint, muted: s.Muted, title: s.Title,
		warn: s.Warn, errs: s.Error, accent: s.Accent,
		pad: lipgloss.NewStyle(), gutter: "  ",
	}
	if !selected {
		return p
	}
	for _, st := range []*lipgloss.Style{
		&p.dot, &p.icon, &p.name, &p.handle, &p.action, &p.snippet,
		&p.iconRead, &p.nameRead, &p.handleRead, &p.actionRead, &p.snippetRead,
		&p.time, &p.faint, &p.muted, &p.title, &p.warn, &p.errs, &p.accent,
	} {
		*st = st.Inherit(s.Selected)
	}
	p.pad = s.Selected
	p.gutter = s.Cursor.Inherit(s.Selected).Render("▌") + s.Selected.Render(" ")
	return p
}

// cacheKey identifies one rendered row.
type cacheKey struct {
	id  string
	ver int
	sel bool
}

// renderCache keeps rendered rows so a frame only re-renders what changed.
type renderCache = views.RenderCache[cacheKey]

// syncCache aligns the cache with the current width and minute.
func (m *Model) syncCache() { m.cache.Sync(m.width, m.shown.Unix()/60) }

// row is a notification as the list shows it: exactly rowHeight lines of
// exactly the pane's width.
func (m *Model) row(e *entry, sel bool) []string {
	return m.cache.Get(cacheKey{id: e.n.ID, ver: e.ver, sel: sel}, func() []string {
		p := m.pal[0]
		if sel {
			p = m.pal[1]
		}
		w := m.width - 2
		lines := []string{m.headline(p, &e.n, w)}
		if s := snippet(&e.n); s != "" {
			lines = append(lines, snippetLine(p, s, !e.n.Read, w))
		}
		for i, l := range lines {
			lines[i] = p.gutter + l
		}
		return lines
	})
}

// headline is "● ♥ Name @handle liked your post · 3m": the unread dot, the
// type's icon, who (the display name gives way first when the line is too
// narrow; the handle always shows, so a name cannot pass for someone
// else), what, and when.
func (m *Model) headline(p *palette, n *api.Notification, w int) string {
	unread := !n.Read
	icon, name, hdl, act := p.iconRead, p.nameRead, p.handleRead, p.actionRead
	dot := p.pad.Render("  ")
	if unread {
		icon, name, hdl, act = p.icon, p.name, p.handle, p.action
		dot = p.dot.Render("●") + p.pad.Render(" ")
	}
	h := ""
	if v := handle(&n.Actor); v != "" {
		h = "@" + v
	}
	verb := views.NormalizeEmojiWidth(action(n))
	ago := views.Ago(m.shown, n.CreatedAt)
	fixed := 4 + 1 + ansi.StringWidth(verb)
	if h != "" {
		fixed += 1 + ansi.StringWidth(h)
	}
	if ago != "" {
		fixed += 3 + ansi.StringWidth(ago)
	}
	who := views.Name(views.NormalizeEmojiWidth(n.Actor.Name))
	who = views.Truncate(who, max(w-fixed, 6))

	var b strings.Builder
	b.WriteString(dot)
	b.WriteString(icon.Render(kindOf(n.Type).icon))
	b.WriteString(p.pad.Render(" "))
	b.WriteString(name.Render(who))
	if h != "" {
		b.WriteString(p.pad.Render(" "))
		b.WriteString(hdl.Render(h))
	}
	b.WriteString(p.pad.Render(" "))
	b.WriteString(act.Render(verb))
	if ago != "" {
		b.WriteString(p.faint.Render(" · "))
		b.WriteString(p.time.Render(ago))
	}
	return views.Fit(b.String(), w, p.pad)
}

// snippetLine is the quoted start of the post or comment, under the name.
func snippetLine(p *palette, s string, unread bool, w int) string {
	st := p.snippetRead
	if unread {
		st = p.snippet
	}
	const indent = 4
	text := views.Truncate("“"+views.NormalizeEmojiWidth(s)+"”", max(w-indent, 1))
	return views.Fit(p.pad.Render(strings.Repeat(" ", indent))+st.Render(text), w, p.pad)
}
