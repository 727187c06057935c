package composer

import (
	"fmt"
	"unicode/utf8"

	"imagine/api/sanitize"
)

// insertPaste inserts pasted text whole. The text area drops what goes
// past its character limit without a word, so a paste longer than the
// room left raises the limit to hold it: the counter then shows how far
// over the post is, in the error colour, and sending says by how much;
// nothing pasted is lost. Only the sanitizer's own bound on a block of
// text (sanitize.BlockCap bytes) can still cut it, and that is said.
func (m *Model) insertPaste(raw string) {
	text := sanitize.Block(raw)
	need := utf8.RuneCountInString(m.ta.Value()) + utf8.RuneCountInString(text)
	if need > m.ta.CharLimit {
		m.ta.CharLimit = need + 1 // the text area keeps one character under its limit
	}
	m.ta.InsertString(text)
	if len(text) < len(raw) && len(raw) > sanitize.BlockCap {
		m.problem = fmt.Sprintf("the paste was cut to %d KiB, the most a text holds", sanitize.BlockCap>>10)
	}
}
