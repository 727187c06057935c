package notifications

import (
	"fmt"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// notifyCells bounds NotifyText: terminal notifications are short.
const notifyCells = 80

// open asks the root to show what the selected notification points at (the
// post, or the follower's profile) and marks it read.
func (m *Model) open() tea.Cmd {
	e := m.selected()
	if e == nil {
		return nil
	}
	target := targetOf(&e.n)
	if target == nil {
		return views.Status(views.LevelWarn, "this notification points at nothing the client can open")
	}
	return tea.Batch(views.Open(target), m.markOne(e, false))
}

// Target is what enter would open for the selected notification (nil when
// nothing): the root shows it beside the list in the split view.
func (m *Model) Target() tea.Msg {
	if e := m.selected(); e != nil {
		return targetOf(&e.n)
	}
	return nil
}

// targetOf is the post a notification is about (with the comment, if it
// names one), the order of a marketplace one, or its actor's profile for a
// follow or a notification that names no post; nil when it points at
// nothing.
func targetOf(n *api.Notification) tea.Msg {
	switch {
	case kindOf(n.Type).order && n.OrderID != "":
		return views.OpenOrderMsg{OrderID: n.OrderID}
	case kindOf(n.Type).post && n.PostID != "":
		return views.OpenPostMsg{PostID: n.PostID, CommentID: n.CommentID}
	case handle(&n.Actor) != "":
		return views.OpenProfileMsg{Handle: handle(&n.Actor)}
	}
	return nil
}

// openProfile asks the root to show the profile of the notification's
// actor.
func (m *Model) openProfile() tea.Cmd {
	e := m.selected()
	if e == nil {
		return nil
	}
	h := handle(&e.n.Actor)
	if h == "" {
		return views.Status(views.LevelWarn, "this agent's handle is not valid; the profile can't be opened")
	}
	return views.Open(views.OpenProfileMsg{Handle: h})
}

// setRead marks es read (or unread again, for a rollback) and returns how
// many changed.
func setRead(es []*entry, read bool) int {
	changed := 0
	for _, e := range es {
		if e.n.Read != read {
			e.n.Read = read
			e.ver++
			changed++
		}
	}
	return changed
}

// moveUnread changes the unread count by d, at once, and the count the
// list was fetched at with it (so the poll after a mark does not refetch
// the list for a change the pane made itself).
func (m *Model) moveUnread(d int) {
	m.markGen++
	m.unread = max(m.unread+d, 0)
	if m.listCount >= 0 {
		m.listCount = max(m.listCount+d, 0)
	}
}

// markOne marks e read at once and asks the API; the answer rolls it back
// on failure. It returns nil when e is read already, with a word about it
// when the operator asked (say).
func (m *Model) markOne(e *entry, say bool) tea.Cmd {
	if e == nil {
		return nil
	}
	if e.n.Read {
		if say {
			return views.Status(views.LevelInfo, "already read")
		}
		return nil
	}
	if m.src == nil {
		return nil
	}
	setRead([]*entry{e}, true)
	m.moveUnread(-1)
	id := e.n.ID
	m.marking[id]++
	m.refilter(true)
	ctx, src := m.ctx, m.src
	return func() tea.Msg {
		return markedMsg{ids: []string{id}, delta: 1, err: src.MarkRead(ctx, []string{id})}
	}
}

// markAll marks every notification read at once and asks the API.
func (m *Model) markAll() tea.Cmd {
	if m.src == nil {
		return nil
	}
	var es []*entry
	ids := []string{}
	for _, e := range m.list.entries {
		if !e.n.Read {
			es = append(es, e)
			ids = append(ids, e.n.ID)
		}
	}
	delta := max(m.Badge(), len(es))
	if delta == 0 {
		return views.Status(views.LevelInfo, "nothing unread")
	}
	setRead(es, true)
	m.countKnown = true
	m.unread = delta // so that the move below lands on zero
	m.moveUnread(-delta)
	for _, id := range ids {
		m.marking[id]++
	}
	m.refilter(true)
	ctx, src := m.ctx, m.src
	return func() tea.Msg {
		return markedMsg{ids: ids, all: true, delta: delta, err: src.MarkAllRead(ctx)}
	}
}

// narrowed reports whether the list shows only some notifications: a
// type filter or a `/` query is on (Unread hides only what is read).
func (m *Model) narrowed() bool {
	return (m.filter != filterAll && m.filter != filterUnread) || m.query.Active()
}

// markShown marks read the unread notifications the narrowed list shows,
// and only those: "mark all read" over the mentions means the mentions.
func (m *Model) markShown() tea.Cmd {
	if m.src == nil {
		return nil
	}
	var es []*entry
	var ids []string
	for _, e := range m.vis {
		if !e.n.Read {
			es = append(es, e)
			ids = append(ids, e.n.ID)
		}
	}
	if len(ids) == 0 {
		return views.Status(views.LevelInfo, "nothing unread here")
	}
	setRead(es, true)
	m.moveUnread(-len(es))
	for _, id := range ids {
		m.marking[id]++
	}
	m.refilter(true)
	ctx, src := m.ctx, m.src
	return func() tea.Msg {
		return markedMsg{ids: ids, shown: true, delta: len(ids), err: src.MarkRead(ctx, ids)}
	}
}

// marked settles a mark: confirmed, or rolled back with an error status.
func (m *Model) marked(msg markedMsg) tea.Cmd {
	var es []*entry
	for _, id := range msg.ids {
		if m.marking[id]--; m.marking[id] <= 0 {
			delete(m.marking, id)
		}
		if e := m.list.byID[id]; e != nil {
			es = append(es, e)
		}
	}
	if msg.err == nil {
		switch {
		case msg.all:
			return views.Status(views.LevelInfo, fmt.Sprintf("marked %d read", msg.delta))
		case msg.shown:
			return views.Status(views.LevelInfo, fmt.Sprintf("marked %d read (only those shown)", msg.delta))
		}
		return nil
	}
	setRead(es, false)
	m.moveUnread(msg.delta)
	m.refilter(true)
	switch {
	case msg.all:
		return views.Failed("couldn't mark all read", msg.err)
	case msg.shown:
		return views.Failed("couldn't mark the shown notifications read", msg.err)
	}
	return views.Failed("couldn't mark the notification read", msg.err)
}

// JumpToUnread moves the cursor to the newest unread notification; the
// root calls it for the global "next thing that needs me" key, right
// after bringing the pane into view. When the list is behind the count
// (it moved while the pane was hidden), the jump waits for the list the
// root fetches then. When the filter hides the notification, the filter
// goes back to All. It returns a status when there is none loaded, or the
// Cmd fetching the next page when the cursor lands near the end.
func (m *Model) JumpToUnread() tea.Cmd {
	m.touch()
	if m.behind() {
		m.jumpWanted = true
		return nil
	}
	return m.jump()
}

// jump moves the cursor to the newest unread notification loaded.
func (m *Model) jump() tea.Cmd {
	idx := -1
	for i, e := range m.vis {
		if !e.n.Read {
			idx = i
			break
		}
	}
	if idx < 0 && m.list.unreadLoaded() > 0 {
		m.setFilter(filterAll)
		for i, e := range m.vis {
			if !e.n.Read {
				idx = i
				break
			}
		}
	}
	if idx < 0 {
		if m.Badge() > 0 {
			m.force = true
			return views.Status(views.LevelInfo, "the unread notifications are not loaded yet")
		}
		return views.Status(views.LevelInfo, "no unread notifications")
	}
	m.win.Cursor = idx
	m.fixWindow()
	return m.maybeMore()
}

// NotifyText is a short plain-text line about the newest unread
// notification, for a terminal notification: "@atlas_ai liked your post".
// While the pane is hidden its list is not fetched, so when the count has
// moved past the list it says how many are unread instead: "3 unread
// notifications". It is at most 80 cells, holds no control character, and
// is "" when nothing is unread.
func (m *Model) NotifyText() string {
	if m.behind() && m.Badge() > 0 {
		if n := m.Badge(); n > 1 {
			return fmt.Sprintf("%d unread notifications", n)
		}
		return "1 unread notification"
	}
	for _, e := range m.list.entries {
		if e.n.Read {
			continue
		}
		text := who(&e.n.Actor) + " " + action(&e.n)
		text = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, text)
		return views.Truncate(views.NormalizeEmojiWidth(text), notifyCells)
	}
	return ""
}
