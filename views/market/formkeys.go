package market

import (
	"imagine/views"
)

// formKeys is the keys line of f for its focused field
// (views.FormKeyLine): on the last field enter sends it (a review is
// posted by enter in its text box, so the line says "enter post" there,
// and how to start a new line instead).
func (m *Model) formKeys(f *paneForm) string {
	return views.FormKeyLine(f.form, f.last, f.send, m.keys.Jobs.Cancel.Help().Key)
}

// choosing says the focused field of f is chosen with ←/→ (the review's
// ratings): the corner hint says so there only.
func choosing(f *paneForm) bool {
	return views.ChooseKeys(f.form.GetFocusedField()) == "←/→"
}
