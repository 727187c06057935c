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
	// title + context + blank + input + attachments + footer
	used := 1 + len(m.ctxLines) + 1 + 1 + m.attachmentRows()
	if len(m.ctxLines) > 0 {
		used++
	}
	m.ta.SetWidth(m.width)
	m.ta.SetHeight(max(m.height-used, 1))
	m.picker.input.SetWidth(max(m.width-len(m.picker.input.Prompt)-1, 1))
}

// View renders the composer in its area.
func (m *Model) View() string {
	s := m.styles
	lines := make([]string, 0, m.height)
	title := s.Title.Render(views.NormalizeEmojiWidth(m.req.Title))
	switch m.mode {
	case modePicker:
		title += s.Muted.Render(" · attach a file")
	case modeLibrary:
		title += s.Muted.Render(" · attach from your uploads")
	case modePreview:
		title += s.Muted.Render(" · preview")
	}
	lines = append(lines, views.Truncate(title, m.width))
	switch m.mode {
	case modePicker, modeLibrary:
		sub := m.pickerLines
		if m.mode == modeLibrary {
			sub = m.libraryLines
		}
		for _, l := range sub(m.height - 2) {
			lines = append(lines, views.Truncate(l, m.width))
		}
	default:
		if len(m.ctxLines) > 0 {
			lines = append(lines, m.ctxLines...)
			lines = append(lines, "")
		}
		if m.mode == modePreview {
			lines = append(lines, m.previewLines(m.ta.Height())...)
		} else {
			lines = append(lines, strings.Split(m.ta.View(), "\n")...)
		}
		lines = append(lines, m.attachmentLines()...)
		if m.completing() {
			lines = append(lines, m.completionLine())
		} else {
			lines = append(lines, "")
		}
	}
	if len(lines) > m.height-1 {
		lines = lines[:m.height-1]
	}
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.footer())
	return strings.Join(lines, "\n")
}

// footer is the counter and the state or problem. The keys are not
// repeated here: every host puts the composer's ShortHelp in the screen's
// footer, one line below, and two lines of the same hints were noise.
func (m *Model) footer() string {
	s := m.styles
	if m.mode == modePicker || m.mode == modeLibrary {
		return m.subFooter()
	}
	left := m.counterStyle().Render(fmt.Sprintf("%d/%d", m.count, m.req.Limit))
	switch {
	case m.sending:
		left += s.Muted.Render(" · sending…")
	case m.waiting:
		left += s.Muted.Render(" · waiting for uploads, then sends")
	case m.editing:
		left += s.Muted.Render(" · in the editor…")
	case m.problem != "":
		left += s.Error.Render(" · " + m.problem)
	case m.count > m.req.Limit:
		// Said for as long as it is true, not only after a send.
		left += s.Error.Render(fmt.Sprintf(" · %d over: shorten it to send", m.count-m.req.Limit))
	}
	if m.mode == modePreview {
		// The preview looks like the post: say what it is.
		left += s.Muted.Render(" · preview")
	}
	return views.Truncate(left, m.width)
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

// FullHelp is the help screen's list: the keys of the current mode, and
// in the text the completion keys, which the footer names only while a
// word is being completed.
func (m *Model) FullHelp() [][]key.Binding {
	short := m.ShortHelp()
	if m.mode != modeText || m.completing() {
		return [][]key.Binding{short}
	}
	k := m.opts.Keys.Composer
	return [][]key.Binding{short, {k.Complete, k.CompleteBack}}
}

// ShortHelp lists the keys that work in the composer's current mode.
func (m *Model) ShortHelp() []key.Binding {
	k, l := m.opts.Keys.Composer, m.opts.Keys.List
	switch m.mode {
	case modePicker:
		return []key.Binding{completeKey(), l.Up, l.Down, chooseKey(), k.Cancel}
	case modeLibrary:
		return []key.Binding{l.Up, l.Down, l.Open, k.Cancel}
	case modeAttachments:
		return []key.Binding{l.Up, l.Down, k.Remove, k.Retry, k.Cancel}
	case modePreview:
		return m.previewHelp()
	}
	if m.completing() {
		return []key.Binding{k.Complete, k.CompleteBack, k.Send, k.Cancel}
	}
	// Send and the way out first: a narrow footer drops hints from its
	// end, and these two must stay.
	out := []key.Binding{k.Send, k.Cancel, k.Preview}
	if m.mediaOn() {
		if !m.opts.NoLocalFiles {
			out = append(out, k.Attach)
		}
		out = append(out, k.Library)
		if m.Attachments() > 0 {
			out = append(out, k.Attachments)
		}
	}
	// Over SSH (NoLocalFiles) the editor would be the server's.
	if !m.opts.NoLocalFiles {
		out = append(out, k.Editor)
	}
	return out
}
