package jobs

import (
	"charm.land/bubbles/v2/key"
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
	// back is set while the last key the form took was shift+tab: the
	// fields' checks (genForm.forward) let the focus go back from a field
	// that is empty or wrong, as huh's own Prev would not; they run again
	// when the operator goes forward.
	back bool
	// gate, when set, sees every key before the form does and drops the
	// ones it returns false for. It sits behind the keys held while the
	// focus moves, so a key typed ahead is gated too.
	gate func(tea.KeyPressMsg) bool
}

// formKeys are the keys of every hosted form (views.FormKeys).
var formKeys = views.FormKeys()

// goesBack reports a key that moves a huh field back (shift+tab).
func goesBack(k tea.KeyPressMsg) bool {
	return key.Matches(k, formKeys.Input.Prev, formKeys.Text.Prev, formKeys.Select.Prev)
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
		if k, ok := msg.(tea.KeyPressMsg); ok {
			// Only keys change the direction: the moves a key starts
			// (huh's next/previous field and group) come back as other
			// messages and keep it.
			h.back = goesBack(k)
			if h.gate != nil && !h.gate(k) {
				return nil
			}
		}
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
