package messages

// Stacked mode (Options.Stacked): the Model the root pushes onto a pane's
// stack when a conversation is opened there (m on a profile, the
// palette's "Message @x"), so the tab does not change. It is the pane's
// own thread, composer and outbox code, not a copy: it opens the
// conversation with the agent as the Messages pane would (or the composer
// of a first message when there is none), with the pane's drafts (the
// same composer ID and drafts directory) and the pane's outbox
// (Options.Outbox), so a reply sent from a stack waits, is retried and is
// reconciled exactly as one sent from the Messages tab, and survives a
// restart: what the pane's polls send from there shows here as sent on
// the next key (followOutbox). What it does not do is what belongs to the
// pane: it is not polled (a message from the other agent shows when the
// conversation is opened again), and it has no conversation list; esc
// from the conversation (or from the composer of a first message) closes
// it, and the root pops it.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/views"
)

// Outbox is the Messages pane's outbox, handed to the Models stacked over
// other panes (Options.Outbox) so that there is one queue and one writer
// of the outbox file.
type Outbox struct{ box *outbox }

// Outbox returns the Model's outbox, to share with stacked Models.
func (m *Model) Outbox() *Outbox { return &Outbox{box: m.box} }

// Crumbs implements views.Screen: the conversation, named after the
// agent.
func (m *Model) Crumbs() []string {
	h := m.asked
	if m.open != nil && m.open.peer.Handle != "" {
		h = m.open.peer.Handle
	}
	if h == "" {
		return nil
	}
	return []string{"DM @" + h}
}

// Path implements views.Pathed: the breadcrumb of what the pane shows,
// under which the root stacks a profile opened from the conversation
// (Messages › Nova @nova_assist › @nova_assist).
func (m *Model) Path() []string {
	if m.open == nil || m.preview || m.stacked {
		return []string{"Messages"}
	}
	return []string{"Messages", displayName(m.open.peer) + " @" + m.open.peer.Handle}
}

// SetTrail implements views.Screen: the breadcrumb a stacked Model draws
// over the conversation.
func (m *Model) SetTrail(trail []string) { m.trail = trail }

// ActionScopes implements views.ActionScoper: a Model stacked over another
// pane answers to the messages keys, not that pane's.
func (m *Model) ActionScopes() []keymap.Scope {
	return []keymap.Scope{keymap.Scope("messages"), keymap.ScopeList}
}

// settle closes a stacked Model once nothing of it shows: the
// conversation was left, the composer of a first message closed, or the
// handle was refused.
func (m *Model) settle() {
	if m.stacked && m.open == nil && !m.comp.IsOpen() && !m.prompt.open && m.want == "" {
		m.closed = true
	}
}

// followOutbox brings a stacked Model's conversation up to date with the
// outbox it shares with the Messages pane, whose polls send what waits
// there, including what was queued here (a stacked Model is not polled).
// An entry shown here that left the outbox without this Model delivering
// it (its own deliveries and discards rebuild the rows at once) was sent
// by the pane: the conversation is read again to show it as sent.
func (m *Model) followOutbox() tea.Cmd {
	t := m.open
	if t == nil {
		return nil
	}
	for _, r := range t.rows {
		if r.out != nil && m.box.find(r.out.ID) == nil {
			m.refreshRows(t.convID)
			return m.fetchNewest(t)
		}
	}
	return nil
}

// crumbLine is a stacked Model's first line: the path from the pane it
// was opened over to the conversation, with the conversation's keys at
// its right; it is the conversation's header too (threadHeader draws no
// second one).
func (m *Model) crumbLine() string {
	path := append(append([]string(nil), m.trail...), m.Crumbs()...)
	hint := ""
	if m.open != nil {
		k := m.keys
		hint = k.Messages.New.Help().Key + " write · " + k.List.Back.Help().Key + " back"
	}
	return views.Crumbs(path, hint, m.width, m.pal.title, m.pal.muted, m.pal.faint)
}

// stackedHelp is the short help of a stacked Model still finding its
// conversation.
func (m *Model) stackedHelp() []key.Binding { return []key.Binding{m.keys.List.Back} }
