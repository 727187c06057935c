package messages

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// Where the unread part of a conversation starts (anchors.md §5.3, "new
// since last visit"): a conversation opened with unread messages shows
// "── 3 new ──" above the first of them, and opens there when they do not
// all fit on screen, so reading starts where it stopped rather than at
// the bottom. The divider stays put while the conversation is open (a
// message arriving meanwhile is read as it comes) and goes when it is
// closed. A preview beside the list leaves it out: the list's row beside
// it counts the unread already, and the split view's byte cost (issue 8)
// is not to grow.

// newLayout is the layout bit of rowLines for the first unread message:
// the divider is drawn above it. The count drawn sits above the bits.
const (
	newLayout = 16
	newShift  = 8
	// newCap bounds the count drawn (and kept in the cache key).
	newCap = 999
)

// markNew remembers, at open, how many of the other agent's newest
// messages are unread; the divider is placed once they are loaded.
func (t *thread) markNew(unread int) {
	t.newCount, t.newID, t.newShort, t.openAtNew = max(unread, 0), "", false, unread > 0
}

// forgetNew drops the divider (the conversation was closed).
func (t *thread) forgetNew() { t.markNew(0) }

// placeNew fixes the divider above the oldest of the other agent's unread
// messages, counted back from the newest, once the newest page is in.
// With more unread than loaded it goes above the oldest loaded for now
// (newShort), and moves up as older pages come in (olderPlaced).
func (m *Model) placeNew(t *thread) {
	if t.newCount == 0 || t.newID != "" {
		return
	}
	who, seen := m.who(t), 0
	for i := len(t.rows) - 1; i >= 0; i-- {
		r := t.rows[i]
		if r.msg == nil || who.mine(&r.msg.m) {
			continue
		}
		t.newID = r.msg.m.ID
		if seen++; seen == t.newCount {
			break
		}
	}
	t.newShort = seen < t.newCount
	if t.newID == "" {
		t.forgetNew() // nothing of theirs loaded: nothing to mark
	}
}

// olderPlaced moves a divider still short of its count up over the older
// page that came in.
func (m *Model) olderPlaced(t *thread) {
	if t.newShort {
		t.newID = ""
		m.placeNew(t)
	}
}

// isNewRow reports whether row r is the first unread message.
func (t *thread) isNewRow(r row) bool {
	return t.newID != "" && r.msg != nil && r.msg.m.ID == t.newID
}

// newLine is the divider, centred like the day separator.
func (m *Model) newLine(n, w int) string {
	label := fmt.Sprintf("── %d new ──", n)
	lw := ansi.StringWidth(label)
	if lw >= w {
		return views.Fit(m.pal.accent.Render(label), w, m.pal.pad)
	}
	left := (w - lw) / 2
	return strings.Repeat(" ", left) + m.pal.accent.Render(label) + strings.Repeat(" ", w-lw-left)
}

// placeAtNew opens the thread at the divider when the unread messages do
// not fit in a body of h lines: the divider at the top, the cursor on the
// first unread message. It reports whether it placed the view.
func (m *Model) placeAtNew(t *thread, h int) bool {
	if !t.openAtNew || t.newID == "" {
		return false
	}
	t.openAtNew = false
	at := slices.IndexFunc(t.rows, t.isNewRow)
	if at < 0 {
		return false
	}
	hf, used := m.rowHeights(t), 0
	for i := at; i < len(t.rows); i++ {
		if used += hf(i); used > h {
			t.win.Cursor, t.win.Top, t.win.Skip = at, at, 0
			return true
		}
	}
	return false
}
