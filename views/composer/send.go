package composer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
)

// send validates the text and emits SendMsg, or refuses with a reason and
// keeps the text.
func (m *Model) send() tea.Cmd {
	if m.busy() {
		return nil
	}
	text := sanitize.Block(m.ta.Value())
	n := utf8.RuneCountInString(text)
	switch {
	case strings.TrimSpace(text) == "" && m.Attachments() == 0:
		m.problem = "nothing to send yet"
		return nil
	case n > m.req.Limit:
		m.problem = fmt.Sprintf("too long by %d (limit %d): shorten it to send", n-m.req.Limit, m.req.Limit)
		return nil
	}
	if !m.sendMedia() {
		return nil
	}
	return m.emitSend()
}

// emitSend marks the composer sending and emits SendMsg with the text and
// the ready attachments.
func (m *Model) emitSend() tea.Cmd {
	m.sending = true
	m.problem = ""
	msg := SendMsg{ID: m.opts.ID, Key: m.req.Key, Text: sanitize.Block(m.ta.Value())}
	switch set := m.cur(); {
	case set == nil || len(set.items) == 0:
	case m.req.Files > 0:
		msg.MediaURLs = set.urls()
	default:
		msg.MediaIDs, msg.MediaType = set.mediaIDs(), set.kind()
	}
	return func() tea.Msg { return msg }
}
