package views

import (
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/theme"
)

// HostedForm is a huh form run inside a pane or an overlay, with what
// every such form needs besides the fields: the id its messages come back
// under, the refusal shown beside the field it names (or on the title),
// and whether the request is on its way. The owner rebuilds the huh form
// from its own values after a refusal, so they are kept; Start then moves
// the focus to the refused field. The Market's forms predate it and keep
// their own copy.
type HostedForm struct {
	// Seq tags the form's messages: the owner wraps them with it and
	// drops those of a form that was replaced.
	Seq  int
	Form *huh.Form
	// Field and Problem say why the last submit was refused (Field ""
	// for the whole form); Busy while the request is on its way.
	Field, Problem string
	Busy           bool
	// keys holds what is typed while the focus moves (keysahead.go).
	keys KeysAhead
}

// Label is a field's title, the refusal beside it when it names field.
func (f *HostedForm) Label(text, field string) string {
	if f.Field == field && f.Problem != "" {
		return text + " — " + f.Problem
	}
	return text
}

// Head is the form's title, with a refusal that names no field.
func (f *HostedForm) Head(text string) string {
	if f.Problem != "" && f.Field == "" {
		return text + " — " + f.Problem
	}
	return text
}

// Refuse records why err refused the form: an *api.FieldError beside its
// field, anything else on the title, in the operator's words (Describe).
func (f *HostedForm) Refuse(err error) {
	f.Busy = false
	var fe *api.FieldError
	if errors.As(err, &fe) {
		f.Field, f.Problem = fe.Field, fe.Message
		return
	}
	f.Field, f.Problem = "", Describe(err)
}

// Start hosts form under seq, sized and styled for a pane of width×height
// cells, and returns its first Cmds wrapped by wrap; after a refusal the
// focus moves to the field it names (fields lists the form's fields in
// order, as api.FieldError names them).
func (f *HostedForm) Start(form *huh.Form, seq int, s *theme.Styles, width, height int, fields []string, wrap func(tea.Cmd) tea.Cmd) tea.Cmd {
	f.Seq, f.Form = seq, form
	form.WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return FormStyles(s) })).
		WithKeyMap(FormKeys()).
		WithShowHelp(false).
		WithShowErrors(true).
		WithAccessible(false).
		WithWidth(min(width, FormMaxWidth)).
		WithHeight(max(height, 3))
	form.SubmitCmd, form.CancelCmd = nil, nil
	cmds := []tea.Cmd{wrap(form.Init())}
	for range slices.Index(fields, f.Field) {
		cmds = append(cmds, wrap(form.NextField()))
	}
	return tea.Batch(cmds...)
}

// Update hands msg to the form and reports whether it is now complete
// (the owner then checks and sends it). A busy form takes nothing, and
// neither does a finished one: a late message of its own (a timer, a
// focus move) once reported it complete again, which took the report
// overlay from its answer back to the confirmation.
func (f *HostedForm) Update(msg tea.Msg, wrap func(tea.Cmd) tea.Cmd) (tea.Cmd, bool) {
	if f.Busy || f.Form == nil || f.Form.State != huh.StateNormal {
		return nil, false
	}
	c := f.keys.Update(f.Form, msg, func(msg tea.Msg) tea.Cmd {
		_, c := f.Form.Update(msg)
		return c
	})
	return wrap(c), f.Form.State == huh.StateCompleted
}

// Lines draws the form in at most height lines of width cells: "sending…"
// while busy, then the fields.
func (f *HostedForm) Lines(s *theme.Styles, width, height int) []string {
	var out []string
	if f.Busy {
		out = append(out, Truncate(s.Muted.Render("sending…"), width))
	}
	for _, l := range strings.Split(f.Form.View(), "\n") {
		if len(out) >= height {
			break
		}
		out = append(out, Truncate(l, width))
	}
	return out
}
