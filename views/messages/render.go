package messages

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
	"imagine/views/markdown"
)

// palette is the set of styles one row is drawn with. The selection is not
// part of it: views.Gutter marks it beside the row.
type palette struct {
	text, muted, faint, author, handle, time lipgloss.Style
	hashtag, mention, verified, errs, warn   lipgloss.Style
	title, accent, badge, pad                lipgloss.Style
	// md renders messages. It is built with the palette, so new styles
	// (SetStyles) drop its renderers along with the cache.
	md    *markdown.Renderer
	links bool // URLs as OSC 8 hyperlinks (theme.Styles.Hyperlinks)
}

func newPalette(s *theme.Styles) *palette {
	return &palette{
		text: s.Text, muted: s.Muted, faint: s.Faint, author: s.Author,
		handle: s.Handle, time: s.Time, hashtag: s.Hashtag, mention: s.Mention,
		verified: s.Verified, errs: s.Error, warn: s.Warn, title: s.Title,
		accent: s.Accent, badge: s.Badge, pad: lipgloss.NewStyle(),
		md: markdown.New(s), links: s.Hyperlinks,
	}
}

func (p *palette) content(text lipgloss.Style) views.ContentStyles {
	return views.ContentStyles{Text: text, Hashtag: p.hashtag, Mention: p.mention, Links: p.links}
}

// displayName is an agent's name as shown: emoji widths normalised, and
// "(blank name)" for a name that shows nothing.
func displayName(a api.Agent) string {
	return views.Name(views.NormalizeEmojiWidth(a.Name))
}

// summary is a message as one plain line: markdown markers removed,
// whitespace collapsed.
func summary(text string) string {
	return views.NormalizeEmojiWidth(markdown.Summary(text))
}

// convLines is a conversation as the list shows it: who and when, then the
// last message.
func (m *Model) convLines(e *convEntry, sel bool) []string {
	unsent := m.box.count(e.c.ID)
	k := cacheKey{kind: 'c', id: e.c.ID, ver: e.ver, width: m.width, aux: unsent}
	body := m.cache.Get(k, func() []string {
		p, w, c := m.pal, m.width-views.GutterWidth, &e.c
		right := p.time.Render(views.Ago(m.now(), recency(c)))
		if n := c.UnreadCount; n > 0 {
			right = p.badge.Render(strconv.Itoa(n)) + p.text.Render(" ") + right
		}
		var extra strings.Builder
		handle := "@" + c.Participant.Handle
		fixed := ansi.StringWidth(handle) + 1
		if c.Participant.Verified {
			extra.WriteString(p.verified.Render(" ✓"))
			fixed += 2
		}
		if convHidden(c) {
			// In the handle's colour, as the Feed's rows have it: a warning
			// colour costs two more colour changes on every row with it.
			extra.WriteString(p.handle.Render(" " + views.HiddenMark))
			fixed += 2
		}
		if unsent > 0 {
			s := " · " + strconv.Itoa(unsent) + " unsent"
			extra.WriteString(p.warn.Render(s))
			fixed += ansi.StringWidth(s)
		}
		name := displayName(c.Participant)
		if room := w - fixed - 1 - ansi.StringWidth(right); room >= 6 {
			name = views.Truncate(name, room)
		}
		left := p.author.Render(name) + p.text.Render(" ") + p.handle.Render(handle) + extra.String()
		first := spread(left, right, w, p.pad)

		preview := p.faint.Render("no messages yet")
		if last := c.LastMessage; last != nil {
			text := p.muted
			if c.UnreadCount > 0 {
				text = p.author
			}
			prefix := ""
			if m.convWho(e).mine(last) {
				prefix = p.muted.Render("you: ")
			}
			preview = prefix + text.Render(views.Truncate(summary(last.Content), max(w-ansi.StringWidth(prefix), 1)))
		}
		return []string{first, views.Fit(preview, w, p.pad)}
	})
	return m.gut.Mark(body, sel)
}

// spread is left and right on one line of width cells, the gap drawn in
// pad; right is dropped when both do not fit.
func spread(left, right string, width int, pad lipgloss.Style) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if lw+1+rw > width {
		return views.Fit(left, width, pad)
	}
	return left + pad.Render(strings.Repeat(" ", width-lw-rw)) + right
}

// rowHeight is the height of a thread's row i.
func (m *Model) rowHeight(t *thread, i int) int {
	lines, _ := m.rowBody(t, i)
	return len(lines)
}

// groupGap is how close in time a message must follow the previous one
// from the same sender to be drawn under the same header.
const groupGap = 5 * time.Minute

// rowLines is row i of a thread as drawn: a blank line (unless the
// message continues the previous sender's run, or is the first), a day
// separator when the day changes, then the message under a header (which a
// continuation leaves out). Everything depends only on the row and the one
// before, so appending never changes a row above.
func (m *Model) rowLines(t *thread, i int, sel bool) []string {
	lines, lead := m.rowBody(t, i)
	return m.gut.MarkFrom(lines, lead, sel)
}

// rowBody is row i's lines right of the gutter, rendered once per version
// and width, and how many of them are drawn above the message itself.
func (m *Model) rowBody(t *thread, i int) (lines []string, lead int) {
	return m.rowBodyAfter(t, i-1, i)
}

// rowBodyAfter is rowBody for row i laid out after row prev (-1: as the
// first), as the `/` filter shows a match after the match above it.
func (m *Model) rowBodyAfter(t *thread, prev, i int) (lines []string, lead int) {
	r := t.rows[i]
	brk := prev < 0 || !sameDay(t.rows[prev].at(), r.at(), m.now().Location())
	cont := !brk && m.continues(t, t.rows[prev], r)
	k := cacheKey{width: m.width}
	if brk {
		k.aux = 1
	}
	if cont {
		k.aux |= 2
	}
	if prev < 0 {
		k.aux |= 4
	}
	if m.seenRow(t, i) {
		k.aux |= seenLayout
	}
	if t.isNewRow(r) {
		// The divider parts the first unread message from the run above.
		k.aux = k.aux&^2 | newLayout | min(t.newCount, newCap)<<newShift
	}
	if r.msg != nil {
		k.kind, k.id, k.ver = 'm', r.msg.m.ID, r.msg.ver
	} else {
		k.kind, k.id, k.ver = 'o', r.out.ID, r.out.ver
	}
	return m.cache.Get(k, func() []string { return m.renderRow(t, r, k.aux) }), leadLines(k.aux)
}

// leadLines is the number of lines a row draws above its message (a blank
// line, a day separator), from the layout bits of rowLines.
func leadLines(layout int) int {
	n := 0
	if layout&2 == 0 && layout&4 == 0 {
		n++
	}
	if layout&1 != 0 {
		n++
	}
	if layout&newLayout != 0 {
		n++
	}
	return n
}

// continues reports whether message r follows prev from the same sender
// closely enough to share its header. Unsent messages always show theirs,
// which says where they stand.
func (m *Model) continues(t *thread, prev, r row) bool {
	if prev.msg == nil || r.msg == nil || r.at().Sub(prev.at()) > groupGap {
		return false
	}
	who := m.who(t)
	a, b := &prev.msg.m, &r.msg.m
	if who.mine(a) || who.mine(b) {
		return who.mine(a) && who.mine(b)
	}
	return senderHandle(a, t) == senderHandle(b, t)
}

// senderHandle is who sent a message of the other side.
func senderHandle(msg *api.Message, t *thread) string {
	if msg.Sender != nil && msg.Sender.Handle != "" {
		return msg.Sender.Handle
	}
	return t.peer.Handle
}

// renderRow draws one row; layout holds the bits of rowLines (1 day
// separator, 2 continuation, 4 first row). The other agent's messages sit
// on the left under their name; the operator's sit on the right under
// "you", with a bar on their right edge, so they read apart without colour.
func (m *Model) renderRow(t *thread, r row, layout int) []string {
	p, w := m.pal, m.width-views.GutterWidth
	brk, cont, first := layout&1 != 0, layout&2 != 0, layout&4 != 0
	var lines []string
	if !cont && !first {
		lines = append(lines, strings.Repeat(" ", w))
	}
	if brk {
		lines = append(lines, m.separator(r.at(), w))
	}
	if layout&newLayout != 0 {
		lines = append(lines, m.newLine(layout>>newShift, w))
	}
	var body []string
	switch {
	case r.out != nil:
		body = m.pendingLines(p, w, r.out)
	case m.who(t).mine(&r.msg.m):
		hdr := p.muted.Render("you") + p.faint.Render(" · ") + p.time.Render(m.clockTime(r.msg.m.CreatedAt))
		body = m.mineLines(p, w, hdr, p.md.Render(r.msg.m.Content, max(bubble(w)-2, 1)), p.accent)
	default:
		body = m.theirLines(p, w, t, &r.msg.m)
	}
	if cont {
		body = body[1:]
	}
	if layout&seenLayout != 0 {
		body = append(body, m.seenLine(p, w))
	}
	return append(lines, body...)
}

// bubble is the widest a message's text runs, leaving the other side of
// the pane visibly free.
func bubble(w int) int { return min(max(w*3/4, min(w, 24)), 96) }

// theirLines draws a message from the other agent.
func (m *Model) theirLines(p *palette, w int, t *thread, msg *api.Message) []string {
	from := t.peer
	if msg.Sender != nil && msg.Sender.Handle != "" {
		from = *msg.Sender
	}
	handle := "@" + from.Handle
	when := m.clockTime(msg.CreatedAt)
	name := displayName(from)
	hidden := views.Hidden(msg.Removed, from.Removed)
	mark := ""
	if hidden {
		// In the handle's colour, as on the conversation's row: a thread
		// with such an agent repeats the mark on every message.
		mark = p.handle.Render(" " + views.HiddenMark)
	}
	if room := w - ansi.StringWidth(handle) - 4 - len(when) - ansi.StringWidth(mark); room >= 6 {
		name = views.Truncate(name, room)
	}
	hdr := p.author.Render(name) + p.text.Render(" ") + p.handle.Render(handle) + mark + p.faint.Render(" · ") + p.time.Render(when)
	lines := []string{views.Fit(hdr, w, p.pad)}
	bar := p.faint.Render("│ ")
	for _, l := range p.md.Render(msg.Content, max(bubble(w)-2, 1)) {
		lines = append(lines, views.Fit(bar+l, w, p.pad))
	}
	return lines
}

// mineLines draws one of the operator's messages: the header and the body
// (the text laid out bubble(w)-2 wide) right-aligned, the body as a block
// ending in a bar.
func (m *Model) mineLines(p *palette, w int, hdr string, body []string, barStyle lipgloss.Style) []string {
	hdr = views.Truncate(hdr, w)
	lines := []string{p.pad.Render(strings.Repeat(" ", w-ansi.StringWidth(hdr))) + hdr}
	block := 0
	for _, l := range body {
		block = max(block, ansi.StringWidth(l))
	}
	indent := p.pad.Render(strings.Repeat(" ", max(w-block-2, 0)))
	bar := p.text.Render(" ") + barStyle.Render("│")
	for _, l := range body {
		lines = append(lines, views.Fit(indent+views.Fit(l, block, p.pad)+bar, w, p.pad))
	}
	return lines
}

// pendingLines draws an unsent message with where it stands.
func (m *Model) pendingLines(p *palette, w int, e *outboxEntry) []string {
	k := m.keys.Messages
	var state string
	style := p.warn
	switch {
	case e.Sending && !e.quiet:
		state, style = "sending…", p.muted
	case e.State == stateFailed:
		state, style = "not sent: "+e.Reason+" · "+k.Retry.Help().Key+" retry · "+k.Delete.Help().Key+" discard", p.errs
	case e.State == stateUnknown:
		state = "not confirmed (" + orText(e.Reason, "no answer") + ") · checked before any resend"
	case e.Reason != "":
		state = "waiting to send · " + e.Reason + " · retried when back online"
	default:
		state, style = "waiting to send", p.muted
	}
	hdr := p.muted.Render("you") + p.faint.Render(" · ") + style.Render(state)
	// Unsent text is the operator's own draft: shown as typed, muted.
	return m.mineLines(p, w, hdr, views.Content(e.Text, max(bubble(w)-2, 1), p.content(p.muted)), style)
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// clockTime is a message's time of day ("15:04") in the local zone.
func (m *Model) clockTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(m.now().Location()).Format("15:04")
}

// sameDay reports whether a and b fall on the same calendar day in loc.
func sameDay(a, b time.Time, loc *time.Location) bool {
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return ay == by && am == bm && ad == bd
}

// separator is the centred day line, e.g. "── Today ──".
func (m *Model) separator(at time.Time, w int) string {
	label := "── " + dayLabel(m.now(), at) + " ──"
	lw := ansi.StringWidth(label)
	if lw >= w {
		return views.Fit(m.pal.faint.Render(label), w, m.pal.pad)
	}
	left := (w - lw) / 2
	return strings.Repeat(" ", left) + m.pal.faint.Render(label) + strings.Repeat(" ", w-lw-left)
}

// dayLabel names the day of t as seen from now: Today, Yesterday, the
// weekday within a week, else the date.
func dayLabel(now, t time.Time) string {
	loc := now.Location()
	ny, nm, nd := now.Date()
	ty, tm, td := t.In(loc).Date()
	days := int(time.Date(ny, nm, nd, 12, 0, 0, 0, loc).Sub(time.Date(ty, tm, td, 12, 0, 0, 0, loc)).Hours()+12) / 24
	lt := t.In(loc)
	switch {
	case days == 0:
		return "Today"
	case days == 1:
		return "Yesterday"
	case days > 1 && days < 7:
		return lt.Format("Monday")
	case ty == ny:
		return lt.Format("Mon Jan 2")
	}
	return lt.Format("Mon Jan 2 2006")
}
