package composer

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The preview (anchors.md §5.9, "a rendered preview"): ctrl+r shows the
// text as it will read once sent, rendered by the same markdown renderer
// as the post view, DMs and bios (emphasis, lists, code, quotes, links),
// in place of the text area. ctrl+r or esc goes back to writing; ctrl+s
// sends from there; the arrows scroll a text longer than the area. The
// rendering is made once on entering, not per frame.

// preview is the rendered text shown in preview mode.
type preview struct {
	lines []string
	top   int
}

// togglePreview goes into the preview, or back to writing.
func (m *Model) togglePreview() tea.Cmd {
	if m.mode == modePreview {
		return m.setMode(modeText)
	}
	m.endCompletion()
	m.renderPreview()
	return m.setMode(modePreview)
}

// renderPreview renders the text at the composer's width.
func (m *Model) renderPreview() {
	m.prev = preview{lines: m.md.Render(m.ta.Value(), max(m.width-2, 1))}
	if len(m.prev.lines) == 0 {
		m.prev.lines = []string{m.styles.Muted.Render("(nothing written yet)")}
	}
}

// previewKey handles a key in preview mode.
func (m *Model) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	k, l := m.opts.Keys.Composer, m.opts.Keys.List
	h := m.ta.Height()
	last := max(len(m.prev.lines)-h, 0)
	switch {
	case key.Matches(msg, k.Preview), key.Matches(msg, k.Cancel):
		return m.setMode(modeText)
	case key.Matches(msg, k.Send):
		return m.send()
	case key.Matches(msg, l.Down):
		m.prev.top = min(m.prev.top+1, last)
	case key.Matches(msg, l.Up):
		m.prev.top = max(m.prev.top-1, 0)
	case key.Matches(msg, l.PageDown):
		m.prev.top = min(m.prev.top+h, last)
	case key.Matches(msg, l.PageUp):
		m.prev.top = max(m.prev.top-h, 0)
	}
	return nil
}

// previewLines are the preview's lines in the text area's place: h of
// them, from the scroll position, behind a bar as the context block is.
func (m *Model) previewLines(h int) []string {
	bar := m.styles.Faint.Render("│ ")
	lines := make([]string, 0, h)
	for i := m.prev.top; i < len(m.prev.lines) && len(lines) < h; i++ {
		lines = append(lines, views.Truncate(bar+m.prev.lines[i], m.width))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// previewHelp is the keys of preview mode.
func (m *Model) previewHelp() []key.Binding {
	k, l := m.opts.Keys.Composer, m.opts.Keys.List
	back := key.NewBinding(key.WithKeys(k.Preview.Keys()...), key.WithHelp(k.Preview.Help().Key, "back to writing"))
	return []key.Binding{back, k.Send, l.Down, l.Up}
}
