package jobs

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Going back in the generation form never depends on the field being
// left: shift+tab leaves an empty prompt or a width out of range as it
// is, and the checks run when the operator goes forward (enter, tab) and
// when the form is sent. huh checks a field on the way back too (a text
// field on shift+tab, any field losing the focus, a page before it is
// left), so the checks the form gives huh are wrapped by forward: they
// pass while the last key the form took was shift+tab (formHost.back).
//
// The provider step and the details step are separate huh forms, so huh
// cannot go from the one to the other: shift+tab on the details step's
// first field does it here (backToChoose).

// forward wraps a field check so that it runs only when the operator
// goes forward.
func (f *genForm) forward(check func(string) error) func(string) error {
	return func(s string) error {
		if f.host != nil && f.host.back {
			return nil
		}
		return check(s)
	}
}

// leavesDetails reports whether k goes back from the details step to the
// provider step: shift+tab on the step's first field.
func (f *genForm) leavesDetails(k tea.KeyPressMsg) bool {
	h := f.host
	return f.step == stepDetails && h != nil && f.first != nil && goesBack(k) &&
		h.form.GetFocusedField() == f.first && !h.filtering()
}

// backToChoose shows the provider step again with everything chosen and
// typed kept, on its last page: the type, for a provider with several.
func (m *Model) backToChoose() tea.Cmd {
	f := m.form
	f.problem, f.note, f.held = "", "", false
	f.first, f.last = nil, nil
	cmd := m.chooseStep(m.offered(f.d.provider))
	if len(api.ProviderCapabilities[f.d.provider]) > 1 {
		cmd = tea.Sequence(cmd, wrapForm(f.host.id, f.host.form.NextGroup()))
	}
	return cmd
}
