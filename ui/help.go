package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/keymap"
	"imagine/views"
)

// The help screen (?) lists every key of the screen showing, then the
// global ones, then what the palette does, each key beside the title the
// palette shows for it. Entries are laid out in rows that wrap to the
// width (several to a row when they fit), never in columns that a narrow
// terminal would cut, and the list scrolls with the list keys.

// helpEntry is one key and what it does.
type helpEntry struct{ key, text string }

// helpSection is a heading and its entries, or a paragraph.
type helpSection struct {
	title   string
	entries []helpEntry
	prose   string
}

// helpSections gathers what the help screen lists.
func (m *Model) helpSections() []helpSection {
	var out []helpSection
	if front := m.front(); front != nil {
		titles := map[string]keymap.Action{}
		for _, a := range m.keys.InScope(m.actionScopes()...) {
			titles[a.Key.Help().Key+"\x00"+a.Key.Help().Desc] = a
		}
		var screen []key.Binding
		for _, g := range front.FullHelp() {
			screen = append(screen, g...)
		}
		name := "This screen"
		if p := m.focusedPane(); p != nil {
			name = p.Title() + " · this screen"
		}
		if es := entriesOf(screen, titles); len(es) > 0 {
			out = append(out, helpSection{title: name, entries: es})
		}
	}
	// Every global action of the registry, so a new one shows here once
	// it has a title; the jumps to panes not built yet are left out.
	var global []helpEntry
	for _, a := range m.keys.InScope(keymap.ScopeGlobal) {
		if m.globalDisabled(a) == "not in this version yet" || !a.Key.Enabled() {
			continue
		}
		global = append(global, helpEntry{a.Key.Help().Key, a.Title})
	}
	g := m.keys.Global
	out = append(out, helpSection{title: "Everywhere", entries: global})
	out = append(out, helpSection{
		title: "Palette (" + strings.Join(g.Palette.Keys(), " or ") + ")",
		prose: "Type part of any action's name and press enter. @handle opens that agent's profile or a conversation with them; other text searches posts (with Explore, pane 6).",
	})
	return out
}

// entriesOf turns bindings into entries, once per key, with the
// registry's title when the binding is the registered one (a pane may
// relabel a key for one screen: its own words are kept then).
func entriesOf(bs []key.Binding, titles map[string]keymap.Action) []helpEntry {
	var out []helpEntry
	seen := map[string]bool{}
	for _, b := range bs {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h.Key] {
			continue
		}
		seen[h.Key] = true
		text := h.Desc
		if a, ok := titles[h.Key+"\x00"+h.Desc]; ok {
			text = a.Title
		}
		out = append(out, helpEntry{h.Key, text})
	}
	return out
}

// helpLines lays the sections out for width w.
func (m *Model) helpLines(w int) []string {
	var out []string
	for i, sec := range m.helpSections() {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, m.styles.Title.Render(views.Truncate(sec.title, w)))
		if sec.prose != "" {
			out = append(out, strings.Split(m.styles.HelpDesc.Render(ansi.Wordwrap(sec.prose, w, "")), "\n")...)
		}
		out = append(out, m.entryRows(sec.entries, w)...)
	}
	return out
}

// entryRows lays entries out in rows of equal cells, as many to a row as
// the width holds; with one to a row, a long title wraps under itself.
func (m *Model) entryRows(es []helpEntry, w int) []string {
	keyW, textW := 0, 0
	for _, e := range es {
		keyW = max(keyW, ansi.StringWidth(e.key))
		textW = max(textW, ansi.StringWidth(e.text))
	}
	keyW = min(keyW, max(w/3, 1))
	const gap = 3
	cell := keyW + 2 + textW
	perRow := max((w+gap)/(cell+gap), 1)
	var out []string
	if perRow == 1 {
		textW = max(w-keyW-2, 1)
		for _, e := range es {
			wrapped := strings.Split(ansi.Wordwrap(e.text, textW, ""), "\n")
			for i, ln := range wrapped {
				k := strings.Repeat(" ", keyW)
				if i == 0 {
					k = m.styles.HelpKey.Render(padRight(ansi.Truncate(e.key, keyW, "…"), keyW))
				}
				out = append(out, k+"  "+m.styles.HelpDesc.Render(views.Truncate(ln, textW)))
			}
		}
		return out
	}
	for i := 0; i < len(es); i += perRow {
		var b strings.Builder
		for j, e := range es[i:min(i+perRow, len(es))] {
			if j > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(m.styles.HelpKey.Render(padRight(e.key, keyW)) + "  ")
			b.WriteString(m.styles.HelpDesc.Render(padRight(e.text, textW)))
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// padRight pads s with spaces to w cells.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// helpView draws the help screen in w x h cells from the scroll position.
func (m *Model) helpView(w, h int) string {
	lines := m.helpLines(w)
	rows := max(h-2, 1)
	top := min(m.helpTop, max(len(lines)-rows, 0))
	end := min(top+rows, len(lines))
	where := "esc close"
	if len(lines) > rows {
		where = strconv.Itoa(top+1) + "-" + strconv.Itoa(end) + " of " + strconv.Itoa(len(lines)) + " · j/k scroll · esc close"
	}
	head := views.Spread(m.styles.Title.Render("Keys"), m.styles.Faint.Render(where), w)
	return head + "\n\n" + strings.Join(lines[top:end], "\n")
}

// helpKey handles a key while help is shown: the list keys scroll it, ?
// and esc close it, the global keys work as ever (handled false), and
// any other key closes it and goes on to the screen, so help is a cheat
// sheet one can act from.
func (m *Model) helpKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	l, g := m.keys.List, m.keys.Global
	page := max(m.lay.body.h-3, 1)
	switch {
	case key.Matches(msg, g.Help, l.Back):
		m.showHelp = false
	case key.Matches(msg, l.Down):
		m.scrollHelp(1)
	case key.Matches(msg, l.Up):
		m.scrollHelp(-1)
	case key.Matches(msg, l.PageDown):
		m.scrollHelp(page)
	case key.Matches(msg, l.PageUp):
		m.scrollHelp(-page)
	case key.Matches(msg, l.Top):
		m.helpTop = 0
	case key.Matches(msg, l.Bottom):
		m.scrollHelp(1 << 20)
	case m.isGlobalKey(msg):
		return nil, false
	default:
		m.showHelp = false
		return nil, false
	}
	return nil, true
}

// scrollHelp moves the help screen by d lines, within its length.
func (m *Model) scrollHelp(d int) {
	n := len(m.helpLines(m.lay.body.w))
	m.helpTop = min(max(m.helpTop+d, 0), max(n-max(m.lay.body.h-2, 1), 0))
}

// isGlobalKey reports whether msg is one of the global keys.
func (m *Model) isGlobalKey(msg tea.KeyPressMsg) bool {
	if key.Matches(msg, m.keys.Global.ForceQuit) {
		return true
	}
	for _, a := range m.keys.InScope(keymap.ScopeGlobal) {
		if key.Matches(msg, *a.Key) {
			return true
		}
	}
	return false
}

// applyHelpStyles points the help component at the semantic styles.
func (m *Model) applyHelpStyles() {
	st := help.DefaultStyles(m.styles.Dark)
	st.ShortKey = m.styles.HelpKey
	st.FullKey = m.styles.HelpKey
	st.ShortDesc = m.styles.HelpDesc
	st.FullDesc = m.styles.HelpDesc
	// Bullets in the descriptions' own style: one colour change fewer per
	// hint, on a line redrawn whenever the screen changes (bytes over SSH).
	st.ShortSeparator = m.styles.HelpDesc
	st.FullSeparator = m.styles.HelpDesc
	m.help.Styles = st
}
