package jobs

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// A form that opens filled in says where its values come from, beside
// its title: the failed job under the cursor (draftFromJob), the form
// closed with esc, a generation the server refused, or the last session
// (genDraft.from). On the provider step, ctrl+u empties it: n pressed to
// start something new while a failed job happened to be selected should
// not carry that job's prompt along unnoticed. The key works on the
// provider step only: in the text fields ctrl+u is the text box's own
// "delete before the cursor", and a slip there must not empty the form.

// blankable reports whether the form opened filled in and shows the
// provider step, where the blank key (keymap.JobKeys.Blank) empties it.
func (f *genForm) blankable() bool { return f.step == stepChoose && f.d.from != "" }

// blankForm empties the form, keeping only the provider chosen.
func (m *Model) blankForm() tea.Cmd {
	f := m.form
	d := newDraft()
	d.provider = f.d.provider
	f.d, f.problem, f.held = d, "", false
	return tea.Batch(m.chooseStep(m.offered(d.provider)),
		views.Status(views.LevelInfo, "blank form: nothing of the earlier one is kept"))
}

// offered are the providers the provider step offers: the usable ones,
// or provider alone when none is known to be (turned off elsewhere
// meanwhile: the server says so if the job is sent).
func (m *Model) offered(provider string) []string {
	if usable := m.svcs.usable(); len(usable) > 0 {
		return usable
	}
	return []string{provider}
}
