package views

import (
	"strings"

	"charm.land/huh/v2"
)

// The keys line under a hosted huh form says what the keys do on the
// field that has the focus: enter moves to the next field, or sends the
// form on its last one; in a text box another key starts a new line;
// ←/→ or ↑/↓ choose in a selection, and only there (a prompt's text box
// once read "←/→ or j/k choose").

// FormKeyLine is the keys line of form for its focused field. last is
// the field on which enter sends (nil: none named), send what enter does
// there ("post the review"), cancel the key that closes the form.
func FormKeyLine(form *huh.Form, last huh.Field, send, cancel string) string {
	cur := form.GetFocusedField()
	enter := "enter next"
	if cur != nil && last != nil && cur == last {
		enter = "enter " + send
	}
	var parts []string
	switch cur.(type) {
	case *huh.Text:
		parts = []string{enter, FormKeys().Text.NewLine.Keys()[0] + " new line"}
	case *huh.Confirm:
		parts = []string{"←/→ or y/n choose", enter}
	default:
		if how := ChooseKeys(cur); how != "" {
			parts = append(parts, how+" choose")
		}
		parts = append(parts, enter)
	}
	parts = append(parts, "shift+tab back", cancel+" cancel")
	return strings.Join(parts, " · ")
}

// ChooseKeys says how field's options are chosen: "←/→" in a selection
// on one line, "↑/↓" in a list, "" when it has no options.
func ChooseKeys(field huh.Field) string {
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
