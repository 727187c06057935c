package market

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The pane's forms (a listing on the Services, a review on an order, the
// crypto wallet on Money) run a huh form inside the pane with the keys,
// styles and Cmd wrapping every pane's forms share (views/form.go): their
// messages come back as formMsg tagged with the form's id, and the pane
// draws its own hints. What the three share is here: a refusal shown
// beside the field it names, the form rebuilt on that field with the
// values kept, esc closing it with nothing sent.

// formMsg is a message of the form id.
type formMsg struct {
	form int
	msg  tea.Msg
}

// paneForm is a huh form hosted by the pane.
type paneForm struct {
	seq  int // tags the form's messages
	form *huh.Form
	keys views.KeysAhead // keys typed while the focus moves
	// field and problem say why the last submit was refused ("" for the
	// whole form); busy while the request is on its way.
	field, problem string
	busy           bool
	// hints updates the fields' live hints from the values, on the UI
	// loop after each update. (huh's DescriptionFunc would read the values
	// from a Cmd's goroutine while the form's Update writes them: a data
	// race.)
	hints func()
	// last is the form's last field, where enter sends the form; send
	// says what it does there ("post", "send"…): the keys line says it
	// (formkeys.go).
	last huh.Field
	send string
}

// hintsSetMsg makes a form draw itself again after its hints changed; its
// fields ignore it.
type hintsSetMsg struct{}

// label is a field's title, the refusal beside it when it names field.
func (f *paneForm) label(text, field string) string {
	if f.field == field && f.problem != "" {
		return text + " — " + f.problem
	}
	return text
}

// head is the form's title, with a refusal that names no field.
func (f *paneForm) head(text string) string {
	if f.problem != "" && f.field == "" {
		return text + " — " + f.problem
	}
	return text
}

// refuse records why err refused the form: an *api.FieldError beside its
// field, anything else on the title.
func (f *paneForm) refuse(err error) {
	f.busy = false
	var fe *api.FieldError
	if errors.As(err, &fe) {
		f.field, f.problem = fe.Field, fe.Message
	} else {
		f.field, f.problem = "", views.Describe(err)
	}
}

// startForm hosts form as f under a new id and returns its first Cmds;
// after a refusal the focus moves to the field it names (fields are the
// form's fields in order, as api.FieldError names them).
func (m *Model) startForm(f *paneForm, form *huh.Form, fields []string) tea.Cmd {
	m.formSeq++
	f.seq, f.form = m.formSeq, form
	cmds := []tea.Cmd{m.hostForm(form, f.seq)}
	for range slices.Index(fields, f.field) {
		cmds = append(cmds, wrapForm(f.seq, form.NextField()))
	}
	return tea.Batch(cmds...)
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

// activeForm is the form of the section on screen, nil when none is open.
func (m *Model) activeForm() *paneForm {
	switch {
	case m.section == sectionServices && m.svc.order != nil:
		return &m.svc.order.paneForm
	case m.section == sectionServices && m.svc.form != nil:
		return &m.svc.form.paneForm
	case m.section == sectionOrders && m.open != nil && m.open.act != nil:
		return &m.open.act.paneForm
	case m.section == sectionOrders && m.open != nil && m.open.review != nil:
		return &m.open.review.paneForm
	case m.section == sectionMoney && m.money.form != nil:
		return &m.money.form.paneForm
	}
	return nil
}

// closeForm drops the active form, nothing sent, and says so. What was
// typed in an order, a listing, a review or an action's message is kept
// for the session (drafts.go): the key that opened the form brings it
// back, and the status line says which.
func (m *Model) closeForm() tea.Cmd {
	again := ""
	switch {
	case m.section == sectionServices && m.svc.order != nil:
		again = m.keepOrder()
	case m.section == sectionServices:
		again = m.keepListing()
	case m.section == sectionOrders && m.open != nil && m.open.act != nil:
		return m.closeAction()
	case m.section == sectionOrders && m.open != nil:
		again = m.keepReview()
	case m.section == sectionMoney:
		m.money.form = nil
	}
	if again != "" {
		return views.Status(views.LevelInfo, "closed: nothing was sent · "+again+" brings back what you typed")
	}
	return views.Status(views.LevelInfo, "closed: nothing was sent")
}

// submitForm sends the active form once huh says it is complete.
func (m *Model) submitForm() tea.Cmd {
	switch m.section {
	case sectionServices:
		if m.svc.order != nil {
			return m.submitOrder()
		}
		return m.submitListing()
	case sectionOrders:
		if m.open != nil && m.open.act != nil {
			return m.submitAction()
		}
		return m.submitReview()
	case sectionMoney:
		return m.submitWallet()
	}
	return nil
}

// formKey hands a key to the active form; esc closes it, nothing sent.
func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := m.activeForm()
	if key.Matches(msg, m.keys.Jobs.Cancel) {
		return m.closeForm()
	}
	if f.busy {
		return nil
	}
	return m.formUpdate(f.seq, msg)
}

// formUpdate hands msg to the form seq and sends it once submitted.
func (m *Model) formUpdate(seq int, msg tea.Msg) tea.Cmd {
	f := m.activeForm()
	if f == nil || f.seq != seq || f.busy {
		return nil
	}
	c := f.keys.Update(f.form, msg, func(msg tea.Msg) tea.Cmd {
		_, c := f.form.Update(msg)
		if f.hints != nil {
			f.hints()
			// huh draws a group when it updates: once more, with the hints.
			_, again := f.form.Update(hintsSetMsg{})
			c = tea.Batch(c, again)
		}
		return c
	})
	cmd := wrapForm(seq, c)
	if f.form.State != huh.StateCompleted {
		return cmd
	}
	return tea.Batch(cmd, m.submitForm())
}

// drawForm draws a hosted form under the head lines, "sending…" while
// it is on its way, the form's keys on the last line.
func (m *Model) drawForm(head []string, f *paneForm) string {
	p := m.pal
	lines := append([]string{}, head...)
	if f.busy {
		lines = append(lines, views.Truncate(p.muted.Render("sending…"), m.width))
	}
	lines = append(lines, strings.Split(f.form.View(), "\n")...)
	hint := p.faint.Render(m.formKeys(f))
	out := make([]string, 0, m.height)
	for _, l := range lines {
		out = append(out, views.Fit(l, m.width, p.pad))
	}
	if len(out) > m.height-1 {
		out = out[:m.height-1]
	}
	for len(out) < m.height-1 {
		out = append(out, "")
	}
	return views.Rows(append(out, views.Truncate(hint, m.width)), m.height)
}
