package jobs

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// With every generation slot in use, n still opens the form: the keys
// typed after n belong to it (they once ran as the pane's commands, and q
// quit), and the next job can be prepared while the others run. The form
// says so above its fields. Enter on its last field sends nothing while
// every slot is still in use: the form stays as it is, with the reason,
// and the same enter sends the job once a poll shows a slot free.

// slotsFull reports whether every generation slot is in use.
func (m *Model) slotsFull() bool { return m.jobs.activeCount() >= api.MaxConcurrentJobs }

// sendGate is the details step's gate (formHost.gate): enter on the last
// field, which would send the form, is held back while every slot is in
// use. A post text that is wrong is left to huh, which says what is
// wrong with it first.
func (m *Model) sendGate(f *genForm) func(tea.KeyPressMsg) bool {
	return func(k tea.KeyPressMsg) bool {
		if f.host == nil || f.last == nil || f.host.form.GetFocusedField() != f.last ||
			!key.Matches(k, formKeys.Text.Submit, formKeys.Text.Next) || checkPostText(f.d.content) != nil {
			return true
		}
		f.held = m.slotsFull()
		return !f.held
	}
}

// slotsNotice is the form's line about the slots: that every one is in
// use and the job can be sent once one frees, that enter was refused for
// it, or that a slot came free after the refusal; "" otherwise.
func (m *Model) slotsNotice(f *genForm) string {
	p, n := m.pal, api.MaxConcurrentJobs
	switch full := m.slotsFull(); {
	case full && f.held:
		return p.errs.Render(fmt.Sprintf("not sent: all %d generation slots are still in use; enter sends it once one frees", n))
	case full:
		return p.warn.Render(fmt.Sprintf("all %d generation slots are in use: the job can be sent once one frees", n))
	case f.held:
		return p.ok.Render("a generation slot is free now: enter sends the job")
	}
	return ""
}

// sendWord is what enter does on the form's last field, for the keys
// line.
func (m *Model) sendWord() string {
	if m.slotsFull() {
		return "start it once a slot frees"
	}
	return "start the generation"
}
