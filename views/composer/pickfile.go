package composer

import (
	"path/filepath"

	tea "charm.land/bubbletea/v2"
)

// A pane that needs a local file without writing anything (the Profile
// pane's avatar) opens the composer's path picker alone with PickFile:
// the same input, tab completion and directory listing as attaching to a
// post, but choosing a file only names it in a PickedMsg; the pane checks
// and uploads it itself. esc closes the picker; no draft is kept.

// PickedMsg is emitted when a file was chosen in a picker opened with
// PickFile. Path is absolute; nothing about the file was checked.
type PickedMsg struct {
	ID   string
	Key  string
	Path string
}

// PickFile opens the path picker alone, titled title; key is echoed in
// the PickedMsg. The composer takes the keys until a file is chosen or
// esc closes it.
func (m *Model) PickFile(key, title string) tea.Cmd {
	m.req = Request{Key: key, Title: title, pickOnly: true}
	m.open = true
	m.sending, m.waiting, m.problem = false, false, ""
	m.ta.Blur()
	return m.openPicker()
}

// picked closes the picker and names the chosen file.
func (m *Model) picked(path string) tea.Cmd {
	m.picker.start = filepath.Dir(path) // the next picker starts here
	m.closePicker()
	id, k := m.opts.ID, m.req.Key
	return func() tea.Msg { return PickedMsg{ID: id, Key: k, Path: path} }
}

// closePicker hides a picker opened with PickFile, keeping no draft.
func (m *Model) closePicker() {
	m.open = false
	m.mode = modeText
	m.picker.input.Blur()
	m.gen++
}
