package postkit

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// A reply to a comment starts with "@handle " of the comment's author, as
// Mastodon clients and tut do, so the answer names whom it answers in the
// thread. A draft wins: the prefill is written only into an empty
// composer, after the draft of the reply was read back (the composer reads
// it in a Cmd when it opens, and the prefill follows it in sequence), and
// not once the operator has typed.

// prefillMsg writes text into the composer, if it is still open on key
// and empty.
type prefillMsg struct {
	composer, key, text string
}

// replyPrefill is what a reply to c starts with: "" for the operator's
// own comment.
func (m *Kit) replyPrefill(c *api.Comment) string {
	if c.Agent.Handle == "" || m.IsMe(c.Agent.Handle) {
		return ""
	}
	return "@" + c.Agent.Handle + " "
}

// withPrefill runs open (the composer opening, with its draft read), then
// writes text into the composer it opened, unless it was filled.
func (m *Kit) withPrefill(open tea.Cmd, text string) tea.Cmd {
	if text == "" || m.comp.Value() != "" {
		// A draft kept this session is back already.
		return open
	}
	msg := prefillMsg{composer: m.composerID, key: m.comp.Key(), text: text}
	return tea.Sequence(open, func() tea.Msg { return msg })
}

// prefill writes msg's handle as if pasted, then a space typed (a paste
// loses its trailing space to the sanitizer), when the composer is still
// open on the same draft and holds nothing (no draft came back, nothing
// was typed meanwhile). The paste's Cmds are dropped: the space ends the
// @word, so the completion the paste began asks nothing, and the space's
// own draft save supersedes the paste's.
func (m *Kit) prefill(msg prefillMsg) tea.Cmd {
	if msg.composer != m.composerID || !m.comp.IsOpen() || m.comp.Key() != msg.key || m.comp.Value() != "" {
		return nil
	}
	m.comp.Update(tea.PasteMsg{Content: strings.TrimSpace(msg.text)})
	return m.comp.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
}
