package jobs

import "charm.land/bubbles/v2/key"

// ShortHelp implements ui.Pane: the keys of the screen showing (only
// cancel, and ctrl+u on a form that opened filled in, while a form is
// open: the form lists its own keys).
func (m *Model) ShortHelp() []key.Binding {
	k, jk := m.keys.List, m.keys.Jobs
	if m.filterTyping() {
		return m.filter().Help()
	}
	if m.CapturesInput() {
		return m.formHelp()
	}
	if m.jobView != nil {
		return []key.Binding{k.Back, openPostKey(k.Open), jk.Retry, k.Down, k.Up}
	}
	switch m.screen {
	case viewHistory:
		return append([]key.Binding{k.Open, jk.Retry, jk.New, jk.History, jk.Services}, m.filter().Help()...)
	case viewServices:
		return []key.Binding{jk.Connect, jk.Toggle, jk.Test, jk.Disconnect, k.Back}
	case viewLive:
	}
	return append([]key.Binding{jk.New, k.Open, jk.Retry, jk.History, jk.Services}, m.filter().Help()...)
}

// FullHelp implements ui.Pane: navigation, then the screen's actions.
func (m *Model) FullHelp() [][]key.Binding {
	k, jk := m.keys.List, m.keys.Jobs
	if m.filterTyping() {
		return [][]key.Binding{m.filter().Help()}
	}
	if m.CapturesInput() {
		return [][]key.Binding{m.formHelp()}
	}
	if m.jobView != nil {
		return m.detailHelp()
	}
	nav := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	switch m.screen {
	case viewHistory:
		return [][]key.Binding{nav, {k.Open, jk.Retry, jk.New, copyKey(k.Copy)}, {jk.History, jk.Services, k.Back}, m.filter().Help()}
	case viewServices:
		return [][]key.Binding{{k.Up, k.Down}, {jk.Connect, jk.Toggle, jk.Test, jk.Disconnect}, {jk.New, jk.History, k.Back}}
	case viewLive:
	}
	return [][]key.Binding{nav, {k.Open, jk.Retry, jk.New, copyKey(k.Copy)}, {jk.History, jk.Services}, m.filter().Help()}
}

// formHelp are the pane's keys while a form is open.
func (m *Model) formHelp() []key.Binding {
	if m.form != nil && m.form.blankable() {
		return []key.Binding{m.keys.Jobs.Blank, m.keys.Jobs.Cancel}
	}
	return []key.Binding{m.keys.Jobs.Cancel}
}
