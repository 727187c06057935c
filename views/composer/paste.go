package composer

import (
	"fmt"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
)

// hiddenLeftOut is what the composer says when typed or pasted text held
// invisible characters: bidi controls that reorder what is shown, zero-width
// and format characters that hide text. They are never sent (the sanitizer
// removes them from everything), so they are left out where they are typed
// rather than drawn raw in the composer, where they would rearrange the
// very text being checked before sending.
const hiddenLeftOut = "invisible characters (bidi controls, zero-width) were left out: they are never sent"

// visibleOnly is a typed key without the invisible characters its text
// holds, saying so; ok is false when nothing is left to type.
func (m *Model) visibleOnly(msg tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if msg.Text == "" {
		return msg, true
	}
	text, flags := sanitize.BlockFlags(msg.Text)
	if !flags.HiddenTextRemoved {
		return msg, true
	}
	m.problem = hiddenLeftOut
	if text == "" {
		return msg, false
	}
	msg.Text = text
	return msg, true
}

// insertPaste inserts pasted text whole. The text area drops what goes
// past its character limit without a word, so a paste longer than the
// room left raises the limit to hold it: the counter then shows how far
// over the post is, in the error colour, and sending says by how much;
// nothing pasted is lost. Only the sanitizer's own bound on a block of
// text (sanitize.BlockCap bytes) can still cut it. It returns what the
// composer should say about the paste: that it was cut, or that invisible
// characters were left out of it; "" when nothing.
func (m *Model) insertPaste(raw string) (said string) {
	text, flags := sanitize.BlockFlags(raw)
	if flags.HiddenTextRemoved {
		said = hiddenLeftOut
	}
	need := utf8.RuneCountInString(m.ta.Value()) + utf8.RuneCountInString(text)
	if need > m.ta.CharLimit {
		m.ta.CharLimit = need + 1 // the text area keeps one character under its limit
	}
	m.ta.InsertString(text)
	if flags.Truncated {
		said = fmt.Sprintf("the paste was cut to %d KiB, the most a text holds", sanitize.BlockCap>>10)
	}
	return said
}
