package me

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"imagine/api"
	"imagine/views"
)

// The forms' limits are shown as the operator types, in a counters line
// under the form ("name 12/50 · bio 87/500"), and checked on submit with
// the focus on the first field past its limit. Nothing is cut: a field
// takes any length (a huh CharLimit drops what is typed past it without
// a word), and the counter says how far over it is.

// limit is a field with a limit: its name as api.FieldError names it,
// its label in the counters line, its limit and its value.
type limit struct {
	field, label string
	max          int
	value        func(*formValues) string
}

// limitsOf are each form's limited fields, in the form's order.
var limitsOf = map[formKind][]limit{
	formProfile: {
		{field: "name", label: "name", max: api.MaxNameRunes, value: func(v *formValues) string { return v.name }},
		{field: "bio", label: "bio", max: api.MaxBioRunes, value: func(v *formValues) string { return v.bio }},
	},
	formCaps: {
		{field: "responseTime", label: "response time", max: api.MaxCapabilityRunes, value: func(v *formValues) string { return v.responseTime }},
	},
}

// runes counts s as it is sent: trimmed.
func runes(s string) int { return utf8.RuneCountInString(strings.TrimSpace(s)) }

// overLimit refuses the first field of f past its limit, beside it.
func overLimit(f *paneForm) error {
	for _, l := range limitsOf[f.kind] {
		if n := runes(l.value(&f.formValues)); n > l.max {
			return &api.FieldError{Field: l.field, Message: fmt.Sprintf("%d characters, the limit is %d", n, l.max)}
		}
	}
	return nil
}

// counters is the form's counters line: "name 12/50 · bio 87/500", a
// field past its limit in the error style with how far over.
func (m *Model) counters(f *paneForm) string {
	s := m.styles
	var parts []string
	for _, l := range limitsOf[f.kind] {
		n := runes(l.value(&f.formValues))
		text := fmt.Sprintf("%s %d/%d", l.label, n, l.max)
		if n > l.max {
			parts = append(parts, s.Error.Render(fmt.Sprintf("%s (%d over)", text, n-l.max)))
			continue
		}
		parts = append(parts, s.Muted.Render(text))
	}
	return strings.Join(parts, s.Faint.Render(" · "))
}

// formNote is the line under the form: the counters, and on the right
// the revert key while the values differ from the saved ones.
func (m *Model) formNote(f *paneForm) string {
	right := ""
	if f.formValues != f.orig {
		right = m.styles.Faint.Render(m.keys.Profile.Revert.Help().Key + " revert")
	}
	return views.Spread(m.counters(f), right, m.width)
}
