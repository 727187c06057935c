package messages

import (
	"strings"

	"imagine/api"
)

// Read receipts. The operator's newest message in the open conversation
// shows "seen" once the other agent has read it (the message's read flag).
// A poll reads the whole conversation only when the list says it has
// news, which a read does not make; so while the operator's newest
// message is unread, each poll on screen asks for that one message
// (GET /api/messages/{id}), the cheapest request that can tell.

// seenLayout is the layout bit of rowLines for the newest row when it is
// the operator's message and read: it draws "seen" under it.
const seenLayout = 8

// unseenNewest is the ID of the open thread's newest message when it is
// the operator's and not read yet; "" otherwise (nothing to ask).
func (m *Model) unseenNewest(t *thread) string {
	if len(t.msgs) == 0 {
		return ""
	}
	e := t.msgs[len(t.msgs)-1]
	if e.m.Read || !m.who(t).mine(&e.m) {
		return ""
	}
	return e.m.ID
}

// seenArrived takes the answer about the newest message: once it is read,
// its row shows so (its layout changes, so it is drawn again).
func (m *Model) seenArrived(t *thread, msg *api.Message) {
	if msg == nil || !msg.Read {
		return
	}
	e, ok := t.ids[msg.ID]
	if !ok || e.m.Read {
		return
	}
	atEnd := t.win.Cursor >= len(t.rows)-1
	e.m.Read = true
	// The row grows a line at the bottom: keep it in view when the
	// operator is at the end of the conversation.
	t.toBottom = t.toBottom || atEnd
}

// seenRow reports whether row i is drawn with "seen" under it: the last
// row, the operator's message, read.
func (m *Model) seenRow(t *thread, i int) bool {
	r := t.rows[i]
	return i == len(t.rows)-1 && r.msg != nil && r.msg.m.Read && m.who(t).mine(&r.msg.m)
}

// seenLine is the line under a read message of the operator's, at the
// right like the message.
func (m *Model) seenLine(p *palette, w int) string {
	const label = "seen"
	return p.pad.Render(strings.Repeat(" ", max(w-len(label)-2, 0))) + p.faint.Render(label)
}
