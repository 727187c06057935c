package me

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// The open form fills the pane: the tabs, the form, a line of counters
// (limits.go) and the keys of the focused field. The form is laid out at
// the pane's width, and again whenever the pane is resized, so that no
// row of it is ever cut.

// formChrome is the pane's rows around the form: the tabs, the counters
// and the keys.
const formChrome = 3

// formHeight is the rows the form itself may take.
func (m *Model) formHeight() int { return max(m.height-formChrome, 3) }

// resizeForm lays the open form out at the pane's size. huh lays a
// group out again only when it updates, so the form is handed the size
// as a message, as huh expects it: the Cmds that answer it (the fields'
// cursors, titles that need no work here) are not needed for the
// re-layout and are dropped, SetSize having no way to return them.
func (m *Model) resizeForm() {
	f := m.form
	if f == nil || f.Form == nil {
		return
	}
	w, h := min(m.width, views.FormMaxWidth), m.formHeight()
	f.Form.WithWidth(w).WithHeight(h)
	_, _ = f.Form.Update(tea.WindowSizeMsg{Width: w, Height: h})
}

// formView draws the open form under the tabs, its counters and keys at
// the bottom.
func (m *Model) formView() string {
	f := m.form
	lines := []string{views.Truncate(m.tabs(), m.width)}
	lines = append(lines, f.Lines(m.styles, m.width, m.formHeight())...)
	for len(lines) < m.height-2 {
		lines = append(lines, "")
	}
	lines = append(lines[:m.height-2], m.formNote(f), m.formKeyLine(f))
	return views.Rows(lines, m.height)
}

// formKeyLine says what the keys do on the focused field
// (views.FormKeyLine); "shift+tab back" goes first when the line is too
// wide, then the line is cut.
func (m *Model) formKeyLine(f *paneForm) string {
	line := views.FormKeyLine(f.Form, f.last, "save", m.keys.Jobs.Cancel.Help().Key)
	if ansi.StringWidth(line) > m.width {
		line = strings.Replace(line, " · shift+tab back", "", 1)
	}
	return views.Truncate(m.styles.Faint.Render(line), m.width)
}
