package notifications

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// palette is the set of styles one row is drawn with. The selection is
// not part of it: views.Gutter marks it beside the row.
type palette struct {
	// Unread rows: a dot, an accented icon, bold name and action.
	dot, icon, name, handle, action, snippet lipgloss.Style
	// Read rows: no dot, everything dimmed.
	iconRead, nameRead, handleRead, actionRead, snippetRead lipgloss.Style
	time, faint, muted, title, warn, errs, accent           lipgloss.Style
	pad                                                     lipgloss.Style
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		dot: s.Accent, icon: s.Accent, name: s.Author, handle: s.Handle,
		action: s.Text.Inherit(s.Bold), snippet: s.Muted,
		iconRead: s.Faint, nameRead: s.Muted, handleRead: s.Faint,
		actionRead: s.Muted, snippetRead: s.Faint,
		time: s.Time, faint: s.Faint, muted: s.Muted, title: s.Title,
		warn: s.Warn, errs: s.Error, accent: s.Accent,
		pad: lipgloss.NewStyle(),
	}
}

// cacheKey identifies one rendered row.
type cacheKey struct {
	id  string
	ver int
}

// renderCache keeps rendered rows so a frame only re-renders what changed.
type renderCache = views.RenderCache[cacheKey]

// syncCache aligns the cache with the current width and minute.
func (m *Model) syncCache() { m.cache.Sync(m.width, m.shown.Unix()/60) }

// row is a notification as the list shows it: exactly rowHeight lines of
// exactly the pane's width.
func (m *Model) row(e *entry, sel bool) []string {
	return m.gut.Mark(m.rowBody(e), sel)
}

// rowBody is a notification's lines right of the gutter, rendered once per
// version, width and minute.
func (m *Model) rowBody(e *entry) []string {
	return m.cache.Get(cacheKey{id: e.n.ID, ver: e.ver}, func() []string {
		p, w := m.pal, m.width-views.GutterWidth
		lines := []string{m.headline(p, &e.n, w)}
		if s := snippet(&e.n); s != "" {
			lines = append(lines, snippetLine(p, s, !e.n.Read, w))
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
