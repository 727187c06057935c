package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"imagine/views"
)

// dialog is an open confirmation for a destructive action.
type dialog struct {
	title, body string
	yes         tea.Cmd
}

// openDialog shows a pane's confirmation request.
func (m *Model) openDialog(msg views.ConfirmMsg) {
	m.dialog = &dialog{title: msg.Title, body: msg.Body, yes: msg.Yes}
	if m.opts.Operator != "" {
		// Several people share this account: say who is about to act.
		m.dialog.title += " · as " + m.opts.Operator
	}
}

// dialogKey answers the open dialog: confirm runs the action, cancel
// closes it; every other key is swallowed so nothing happens behind it.
func (m *Model) dialogKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Dialog.Confirm):
		yes := m.dialog.yes
		m.dialog = nil
		return yes
	case key.Matches(msg, m.keys.Dialog.Cancel), key.Matches(msg, m.keys.Global.ForceQuit):
		m.dialog = nil
		return m.status.set(levelInfo, "cancelled", 0)
	}
	return nil
}

// dialogView renders the dialog centred in the body area.
func (m *Model) dialogView(w, h int) string {
	d := m.dialog
	inner := m.styles.DialogTitle.Render(d.title)
	if d.body != "" {
		inner += "\n\n" + d.body
	}
	inner += "\n\n" + m.styles.HelpKey.Render(m.keys.Dialog.Confirm.Help().Key) + " " +
		m.styles.HelpDesc.Render(m.keys.Dialog.Confirm.Help().Desc) + "   " +
		m.styles.HelpKey.Render(m.keys.Dialog.Cancel.Help().Key) + " " +
		m.styles.HelpDesc.Render(m.keys.Dialog.Cancel.Help().Desc)
	maxW := min(w-4, 60)
	if maxW < 10 {
		maxW = w
	}
	box := m.styles.Dialog.Width(maxW).Render(inner)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box)
}
