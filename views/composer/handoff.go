package composer

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"imagine/api/sanitize"
	"imagine/views"
)

// startEditor writes the text to a private file in a Cmd; editorReadyMsg
// then suspends the program for the editor.
func (m *Model) startEditor() tea.Cmd {
	if m.busy() {
		return nil
	}
	if m.opts.NoLocalFiles {
		// Over SSH the editor would run on the server, in no terminal
		// of the operator's.
		return views.Status(views.LevelInfo, "$EDITOR is off over SSH: write here")
	}
	if editorName(m.opts.Editor) == "" {
		m.problem = errNoEditor.Error()
		return views.Status(views.LevelWarn, errNoEditor.Error())
	}
	id, k, text := m.opts.ID, m.req.Key, m.ta.Value()
	m.editing = true
	return func() tea.Msg {
		path, err := writeEditorFile(text)
		return editorReadyMsg{id: id, key: k, path: path, err: err}
	}
}

// updateEditor follows the hand-off: file ready → editor runs → file read
// back by path. Any failure keeps the text that was there before.
func (m *Model) updateEditor(msg tea.Msg) tea.Cmd {
	name := editorName(m.opts.Editor)
	switch msg := msg.(type) {
	case editorReadyMsg:
		if msg.id != m.opts.ID {
			return nil
		}
		if msg.err != nil {
			m.editing = false
			m.problem = "couldn't prepare the editor file: " + msg.err.Error()
			return nil
		}
		c, err := editorCommand(m.opts.Editor, msg.path)
		if err != nil {
			m.editing = false
			removeEditorFile(msg.path)
			m.problem = err.Error()
			return nil
		}
		id, k, path := msg.id, msg.key, msg.path
		return tea.Sequence(
			views.Status(views.LevelInfo, fmt.Sprintf("editing in %s: save and quit to come back", name)),
			tea.ExecProcess(c, func(err error) tea.Msg {
				return editorExitedMsg{id: id, key: k, path: path, err: err}
			}),
		)
	case editorExitedMsg:
		if msg.id != m.opts.ID {
			return nil
		}
		if msg.err != nil {
			m.editing = false
			m.problem = fmt.Sprintf("%s failed (%v); your text is unchanged", name, msg.err)
			path := msg.path
			return tea.Batch(
				func() tea.Msg { removeEditorFile(path); return nil },
				views.Status(views.LevelWarn, m.problem),
			)
		}
		id, k, path := msg.id, msg.key, msg.path
		return func() tea.Msg {
			text, err := readEditorFile(path)
			return editorReadMsg{id: id, key: k, text: text, err: err}
		}
	case editorReadMsg:
		if msg.id != m.opts.ID {
			return nil
		}
		m.editing = false
		if msg.err != nil {
			m.problem = "couldn't read the edited text back: " + msg.err.Error()
			return nil
		}
		if msg.key != m.req.Key {
			return nil
		}
		m.ta.SetValue(sanitize.Block(msg.text))
		return tea.Batch(m.changed(), views.Status(views.LevelInfo, "back from "+name))
	}
	return nil
}
