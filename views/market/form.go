package market

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/views"
)

// The listing form runs a huh form inside the pane with the keys, styles
// and Cmd wrapping every pane's forms share (views/form.go): its messages
// come back as formMsg tagged with the form's id, and the pane draws its
// own hints.

// formMsg is a message of the form id.
type formMsg struct {
	form int
	msg  tea.Msg
}

// hostForm prepares f to run inside the pane and returns its first Cmd.
func (m *Model) hostForm(f *huh.Form, id int) tea.Cmd {
	f.WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return views.FormStyles(m.styles) })).
		WithKeyMap(views.FormKeys()).
		WithShowHelp(false).
		WithShowErrors(true).
		WithAccessible(false).
		WithWidth(min(m.width, views.FormMaxWidth)).
		WithHeight(max(m.height-4, 3))
	f.SubmitCmd, f.CancelCmd = nil, nil
	return wrapForm(id, f.Init())
}

// wrapForm wraps the Cmd of form id so its messages come back to it as
// formMsg (views.WrapForm).
func wrapForm(id int, cmd tea.Cmd) tea.Cmd {
	return views.WrapForm(cmd, func(msg tea.Msg) tea.Msg { return formMsg{form: id, msg: msg} })
}
