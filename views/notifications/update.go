package notifications

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update implements ui.Pane. Polls change the frame only when they bring
// something new; keys and the answers to the operator's actions also bring
// relative times up to date. Messages of other panes are ignored, so they
// never redraw this one.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pollMsg:
		return m.advanceClockIfChanged(func() tea.Cmd { return m.polled(msg) })
	case moreMsg:
		m.touch()
		return m.nextPage(msg)
	case markedMsg:
		m.touch()
		return m.marked(msg)
	case tea.KeyPressMsg:
		m.touch()
		m.jumpWanted = false // the operator moved on
		if m.query.Editing() {
			return m.queryInput(msg)
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.query.Editing() {
			return m.queryInput(msg)
		}
	}
	return nil
}

// handleKey moves through the list and runs the pane's actions.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k, nk := m.keys.List, m.keys.Notifications
	n, h, hf := len(m.vis), m.bodyHeight(), m.rowHeights()
	m.list.chain = 0
	switch {
	case m.win.Navigate(msg, k, n, h, hf):
	case m.queryKey(msg):
		return nil
	case key.Matches(msg, k.Open):
		return m.open()
	case key.Matches(msg, nk.MarkRead):
		return m.markOne(m.selected(), true)
	case key.Matches(msg, nk.MarkAllRead):
		if m.narrowed() {
			return m.markShown()
		}
		return m.markAll()
	case key.Matches(msg, nk.Filter):
		m.setFilter(m.filter.next())
	case key.Matches(msg, nk.FilterBack):
		m.setFilter(m.filter.prev())
	case key.Matches(msg, nk.Profile):
		return m.openProfile()
	case key.Matches(msg, k.Copy):
		return m.copySelected()
	default:
		return nil
	}
	m.fixWindow()
	return m.maybeMore()
}

// advanceClockIfChanged runs a poll result's handler and moves the clock of
// relative times forward only when the result changed the frame anyway. A
// poll that brings nothing new thus leaves the frame byte-identical, and
// Bubble Tea writes nothing to the terminal.
func (m *Model) advanceClockIfChanged(handle func() tea.Cmd) tea.Cmd {
	before := m.View()
	cmd := handle()
	if m.View() != before {
		m.touch()
	}
	return cmd
}
