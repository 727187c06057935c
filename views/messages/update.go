package messages

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Update implements ui.Pane. Keys go to the composer or the handle prompt
// while one is open, else to the conversation or the list on screen;
// results of the pane's Cmds are matched to what they were for; everything
// else reaches the composer (drafts, editor). A stacked Model first
// catches up with the outbox it shares with the pane (stacked.go).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.stacked {
		return tea.Batch(m.followOutbox(), m.update(msg))
	}
	return m.update(msg)
}

// update is Update for the message itself.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	// Whatever changed the lists, the filter's matches follow.
	defer m.refilterAfter(msg)
	// A stacked Model closes once nothing of it shows (stacked.go).
	defer m.settle()
	if _, poll := msg.(polledMsg); !poll {
		m.shown = m.clock()
	}
	m.syncCache()
	switch msg := msg.(type) {
	case polledMsg:
		return m.advanceClockIfChanged(func() tea.Cmd { return m.polled(msg) })
	case listMsg:
		return m.listLoaded(msg)
	case threadMsg:
		return m.threadLoaded(msg)
	case markedReadMsg:
		return m.markedRead(msg)
	case stepMsg:
		return m.stepDone(msg.res)
	case startedMsg:
		return m.started(msg)
	case messageDeletedMsg:
		return m.messageDeleted(msg)
	case conversationDeletedMsg:
		return m.conversationDeleted(msg)
	case discardMsg:
		return m.discarded(msg)
	case restoreTextMsg:
		return m.restoreText(msg)
	case outboxLoadedMsg:
		return m.outboxLoaded(msg)
	case outboxSavedMsg:
		if msg.err != nil {
			return views.Failed("couldn't save the outbox (unsent messages may not survive a restart)", msg.err)
		}
		return nil
	case views.OpenConversationMsg:
		return m.openHandle(msg)
	case views.ConversationChangedMsg:
		return m.conversationChanged(msg)
	case handleCheckedMsg:
		return m.handleChecked(msg)
	case composer.SendMsg:
		if msg.ID != composerID {
			return nil
		}
		return m.send(msg)
	case tea.KeyPressMsg:
		if m.preview {
			return m.previewKey(msg)
		}
		if m.want == wantUnread {
			m.want = "" // the operator moved on before the list arrived
		}
		switch {
		case m.comp.IsOpen():
			return m.comp.Update(msg)
		case m.prompt.open:
			return m.promptKey(msg)
		case m.filterTyping():
			return m.filterInput(msg)
		case m.open != nil:
			return m.threadKey(msg)
		case m.stacked:
			// No list under a stacked conversation: esc gives up
			// waiting for it.
			if key.Matches(msg, m.keys.List.Back) {
				m.want = ""
			}
			return nil
		}
		return m.listKey(msg)
	case tea.PasteMsg:
		if m.preview {
			return nil
		}
		if m.prompt.open {
			return m.promptPaste(msg)
		}
		if m.filterTyping() {
			return m.filterInput(msg)
		}
	}
	return m.comp.Update(msg)
}

// convHeight is the height of a conversation row in the list.
const convHeight = 2

func convHeights(int) int { return convHeight }

// listKey handles a key on the conversation list.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k, x := m.keys.List, m.keys.Messages
	l := &m.list
	if m.filteredKey(msg) {
		return nil
	}
	n, h := len(l.entries), m.listBodyHeight()
	switch {
	case l.win.Navigate(msg, k, n, h, convHeights):
	case key.Matches(msg, k.Open):
		if e := m.selectedConv(); e != nil {
			return m.showConversation(e)
		}
		return nil
	case key.Matches(msg, x.New):
		return m.openPrompt()
	case key.Matches(msg, x.Reply):
		if e := m.selectedConv(); e != nil {
			open := m.showConversation(e)
			return tea.Batch(open, m.openReply(m.open))
		}
		return nil
	case key.Matches(msg, x.DeleteConversation):
		return m.deleteConversation(m.selectedConv())
	case key.Matches(msg, x.Profile):
		if e := m.selectedConv(); e != nil {
			return views.Open(views.OpenProfileMsg{Handle: e.c.Participant.Handle})
		}
		return nil
	case key.Matches(msg, x.Delete):
		return views.Status(views.LevelInfo, "open a conversation to delete one of your messages; "+
			x.DeleteConversation.Help().Key+" deletes the whole conversation")
	default:
		return nil
	}
	return m.maybeMoreList()
}

// threadKey handles a key in an open conversation.
func (m *Model) threadKey(msg tea.KeyPressMsg) tea.Cmd {
	k, x := m.keys.List, m.keys.Messages
	t := m.open
	n, h, hf := len(t.rows), m.threadBodyHeight(), m.rowHeights(t)
	m.place(t, h)
	if m.links.IsOpen() {
		return m.links.Key(msg, m.keys)
	}
	if m.filteredKey(msg) {
		return nil
	}
	down := false
	switch {
	case key.Matches(msg, k.Back):
		m.closeConversation()
		return nil
	case key.Matches(msg, k.Down):
		t.win.Down(n, h, hf)
		down = true
	case key.Matches(msg, k.Up):
		t.win.Up(n, h, hf)
	case key.Matches(msg, k.Top):
		t.win.Home()
	case key.Matches(msg, k.Bottom):
		t.toBottom = true
		return nil
	case key.Matches(msg, k.PageDown):
		t.win.PageDown(n, h, hf)
		down = true
	case key.Matches(msg, k.PageUp):
		t.win.PageUp(n, h, hf)
	case key.Matches(msg, k.Open, x.New, x.Reply):
		return m.openReply(t)
	case key.Matches(msg, x.Delete):
		return m.deleteSelected()
	case key.Matches(msg, x.Retry):
		return m.retrySelected()
	case key.Matches(msg, x.DeleteConversation):
		e, ok := m.list.ids[t.convID]
		if !ok {
			e = &convEntry{c: api.Conversation{ID: t.convID, Participant: t.peer}}
		}
		return m.deleteConversation(e)
	case key.Matches(msg, x.Profile):
		return views.Open(views.OpenProfileMsg{Handle: t.peer.Handle})
	case key.Matches(msg, k.Links):
		return m.links.Show(views.FindLinks(m.selectedText()))
	case key.Matches(msg, k.Copy):
		if text := m.selectedText(); text != "" {
			return views.Copy(text)
		}
		return nil
	default:
		return nil
	}
	if down && n > 0 && t.win.Cursor == n-1 {
		// Reaching the newest message shows its end at the bottom.
		t.toBottom = true
	}
	return m.maybeOlder(t)
}

// rowHeights measures a thread's rows.
func (m *Model) rowHeights(t *thread) views.HeightFunc {
	return func(i int) int { return m.rowHeight(t, i) }
}

// advanceClockIfChanged runs a poll result's handler and moves the clock of
// relative times forward only when the result changed the screen anyway.
// A poll that brings nothing new thus leaves the frame byte-identical, and
// Bubble Tea writes nothing to the terminal.
func (m *Model) advanceClockIfChanged(handle func() tea.Cmd) tea.Cmd {
	before := m.View()
	cmd := handle()
	if m.View() != before {
		m.shown = m.clock()
		m.syncCache()
	}
	return cmd
}
