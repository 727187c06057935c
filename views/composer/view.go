package composer

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"imagine/views"
)

// maxContextLines caps the context block so the input keeps most of the room.
const maxContextLines = 6

// layout renders the context block and sizes the textarea for the current
// request and size. It runs on Open, SetSize and SetStyles, never in View.
func (m *Model) layout() {
	s := m.styles
	m.ctxLines = m.ctxLines[:0]
	if m.req.Context != "" || m.req.ContextTitle != "" {
		bar := s.Faint.Render("│ ")
		inner := max(m.width-2, 1)
		limit := min(maxContextLines, max(m.height/3, 1))
		if m.req.ContextTitle != "" {
			m.ctxLines = append(m.ctxLines, bar+s.Muted.Render(views.Truncate(views.NormalizeEmojiWidth(m.req.ContextTitle), inner)))
		}
		body := views.Content(m.req.Context, inner, views.ContentStyles{Text: s.Muted, Hashtag: s.Hashtag, Mention: s.Mention})
		for i, l := range body {
			if len(m.ctxLines) >= limit {
				break
			}
			if len(m.ctxLines) == limit-1 && i < len(body)-1 {
				l = s.Faint.Render("…")
			}
			m.ctxLines = append(m.ctxLines, bar+l)
		}
	}
	// title + context + blank + input + footer
	used := 1 + len(m.ctxLines) + 1 + 1
	if len(m.ctxLines) > 0 {
		used++
	}
	m.ta.SetWidth(m.width)
	m.ta.SetHeight(max(m.height-used, 1))
}

// View renders the composer in its area.
func (m *Model) View() string {
	s := m.styles
	lines := make([]string, 0, m.height)
	lines = append(lines, views.Truncate(s.Title.Render(views.NormalizeEmojiWidth(m.req.Title)), m.width))
	if len(m.ctxLines) > 0 {
		lines = append(lines, m.ctxLines...)
		lines = append(lines, "")
	}
	lines = append(lines, strings.Split(m.ta.View(), "\n")...)
	lines = append(lines, "")
	if len(lines) > m.height-1 {
		lines = lines[:m.height-1]
	}
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.footer())
	return strings.Join(lines, "\n")
}

// footer is the counter, the state or problem, and the key hints.
func (m *Model) footer() string {
	s := m.styles
	left := m.counterStyle().Render(fmt.Sprintf("%d/%d", m.count, m.req.Limit))
	switch {
	case m.sending:
		left += s.Muted.Render(" · sending…")
	case m.editing:
		left += s.Muted.Render(" · in the editor…")
	case m.problem != "":
		left += s.Error.Render(" · " + m.problem)
	}
	k := m.opts.Keys.Composer
	hints := s.Faint.Render(hint(k.Send) + " · " + hint(k.Editor) + " · " + hint(k.Cancel))
	return views.Spread(left, hints, m.width)
}

func hint(b key.Binding) string {
	h := b.Help()
	return h.Key + " " + h.Desc
}

// counterStyle is Muted below 90 % of the limit, Warn from 90 %, Error over.
func (m *Model) counterStyle() lipgloss.Style {
	switch {
	case m.count > m.req.Limit:
		return m.styles.Error
	case m.count*10 >= m.req.Limit*9:
		return m.styles.Warn
	}
	return m.styles.Muted
}

// ShortHelp lists the composer's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.opts.Keys.Composer
	return []key.Binding{k.Send, k.Editor, k.Cancel}
}
