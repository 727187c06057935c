package market

import (
	"strings"

	"charm.land/huh/v2"

	"imagine/views"
)

// The keys line under a hosted form says what the keys do on the field
// that has the focus: enter moves to the next field, or sends the form on
// the last one (a review is posted by enter in its text box, so the line
// says "enter post" there, and how to start a new line instead); ←/→ or
// ↑/↓ choose in a selection, and only there.

// formKeys is the keys line of f for its focused field.
func (m *Model) formKeys(f *paneForm) string {
	cur := f.form.GetFocusedField()
	enter := "enter next"
	if cur != nil && cur == f.last {
		enter = "enter " + f.send
	}
	var parts []string
	switch cur.(type) {
	case *huh.Text:
		parts = []string{enter, views.FormKeys().Text.NewLine.Keys()[0] + " new line"}
	case *huh.Confirm:
		parts = []string{"←/→ or y/n choose", enter}
	default:
		if how := chooseKeys(cur); how != "" {
			parts = append(parts, how+" choose")
		}
		parts = append(parts, enter)
	}
	parts = append(parts, "shift+tab back", m.keys.Jobs.Cancel.Help().Key+" cancel")
	return strings.Join(parts, " · ")
}

// chooseKeys says how field's options are chosen: "←/→" in a selection
// on one line, "↑/↓" in a list, "" when it has no options.
func chooseKeys(field huh.Field) string {
	if field == nil {
		return ""
	}
	on := func(help string) bool {
		for _, b := range field.KeyBinds() {
			if b.Enabled() && b.Help().Key == help {
				return true
			}
		}
		return false
	}
	switch {
	case on("←"):
		return "←/→"
	case on("↑"):
		return "↑/↓"
	}
	return ""
}

// choosing says the focused field of f is chosen with ←/→ (the review's
// ratings): the corner hint says so there only.
func choosing(f *paneForm) bool {
	return chooseKeys(f.form.GetFocusedField()) == "←/→"
}
