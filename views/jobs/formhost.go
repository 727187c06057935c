package jobs

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/views"
)

// formHost runs a huh form inside the pane. The form's Cmds are wrapped so
// their messages come back as formMsg tagged with the host's id: the root
// broadcasts unknown messages to every pane, and huh's own messages
// (next field, next group) must reach this form only.
type formHost struct {
	id   int
	form *huh.Form
	keys views.KeysAhead // keys typed while the focus moves
}

// host prepares f to run inside the pane: the pane's styles and keys, no
// help (the pane draws its own hints), nothing to quit, and the size of
// the pane. It returns the host and the form's first Cmd.
func (m *Model) host(f *huh.Form) (*formHost, tea.Cmd) {
	m.formSeq++
	f.WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return m.huhSt })).
		WithKeyMap(views.FormKeys()).
		WithShowHelp(false).
		WithShowErrors(true).
		WithAccessible(false)
	f.SubmitCmd, f.CancelCmd = nil, nil
	h := &formHost{id: m.formSeq, form: f}
	m.sizeHost(h)
	return h, wrapForm(h.id, f.Init())
}

// sizeHost gives a form the width of the pane (up to views.FormMaxWidth) and
// the rows between the pane's header and footer, less the two rows huh
// adds under a group when a field shows an error.
func (m *Model) sizeHost(h *formHost) {
	if h == nil {
		return
	}
	h.form.WithWidth(min(m.width, views.FormMaxWidth)).WithHeight(max(m.height-formChrome-2, 3))
}

// sizeForms resizes the open forms.
func (m *Model) sizeForms() {
	if m.form != nil {
		m.sizeHost(m.form.host)
	}
	if m.keyForm != nil {
		m.sizeHost(m.keyForm.host)
	}
}

// update hands msg to the form and wraps what it returns.
func (h *formHost) update(msg tea.Msg) tea.Cmd {
	return wrapForm(h.id, h.keys.Update(h.form, msg, func(msg tea.Msg) tea.Cmd {
		_, cmd := h.form.Update(msg)
		return cmd
	}))
}

// done reports whether the operator submitted the form.
func (h *formHost) done() bool { return h.form.State == huh.StateCompleted }

// filtering reports whether the focused field is a select being filtered,
// where esc belongs to the field (it ends the filter).
func (h *formHost) filtering() bool {
	s, ok := h.form.GetFocusedField().(*huh.Select[string])
	return ok && s.GetFiltering()
}

// wrapForm wraps the Cmd of form id so its messages come back to it as
// formMsg (views.WrapForm).
func wrapForm(id int, cmd tea.Cmd) tea.Cmd {
	return views.WrapForm(cmd, func(msg tea.Msg) tea.Msg { return formMsg{form: id, msg: msg} })
}
