package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// News of a change (views/changed.go) reaches every place that shows
// what changed: every pane, every screen of every pane's stack and every
// preview kept for the split view. Whoever sent it gets it back too and
// finds nothing to do. A preview also gets news when the list it stands
// beside holds a newer copy of what it shows than the one it was made
// from or last told of (resyncDetail): a post whose counts a poll moved,
// a conversation with a newer message, an order that moved on.

// isNews reports whether msg is news of a change to spread.
func isNews(msg tea.Msg) bool {
	switch msg.(type) {
	case views.PostChangedMsg, views.FollowChangedMsg, views.ConversationChangedMsg, views.OrderChangedMsg:
		return true
	}
	return false
}

// spread hands news to every pane, stacked screen and kept preview.
func (m *Model) spread(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.broadcast(msg)}
	for _, id := range m.order {
		if s := m.stacks[id]; s != nil {
			for _, sid := range s.IDs() {
				cmds = append(cmds, m.deliver(id, sid, msg))
			}
		}
	}
	for key, d := range m.split.details {
		cmds = append(cmds, d.wrap(key, d.stack.Update(msg)))
	}
	return tea.Batch(cmds...)
}

// resyncDetail tells preview d, shown for target t, what the list beside
// it holds now when that is newer than what d was made from or last
// told: the list's copy of a post, or a conversation whose newest message
// is another. It costs a comparison when nothing moved.
func (m *Model) resyncDetail(key string, d *detail, t tea.Msg) tea.Cmd {
	var news tea.Msg
	switch t := t.(type) {
	case views.OpenPostMsg:
		if t.Post == nil || (d.post != nil && views.SamePost(d.post, t.Post)) {
			break
		}
		seen := d.post != nil
		p := *t.Post
		d.post = &p
		if seen {
			news = views.PostChangedMsg{Post: p}
		}
	case views.OpenOrderMsg:
		if o := t.Order; o != nil {
			// The preview takes the list's newer copy and reads the
			// thread again.
			news = d.restamp(fmt.Sprintf("%s/%d/%d/%d", o.Status, o.RevisionsUsed, o.UpdatedAt.UnixNano(), len(o.Deliverables)), t)
		}
	case views.OpenConversationMsg:
		if c := t.Conversation; c != nil && c.LastMessage != nil {
			news = d.restamp(c.LastMessage.ID, views.ConversationChangedMsg{ConversationID: c.ID, Handle: c.Participant.Handle, Conversation: c})
		}
	}
	if news == nil {
		return nil
	}
	return d.wrap(key, d.stack.Update(news))
}

// restamp records stamp, what the list's copy of the target stands at,
// and returns news when it moved from what was recorded before (the
// first stamp is what the preview was made from: no news).
func (d *detail) restamp(stamp string, news tea.Msg) tea.Msg {
	if stamp == d.stamp {
		return nil
	}
	seen := d.stamp != ""
	d.stamp = stamp
	if !seen {
		return nil
	}
	return news
}
