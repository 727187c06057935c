package composer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The $EDITOR hand-off is split into three plain functions so it can be
// tested without a terminal: write the text to a private file, build the
// command, read the file back by path once the editor has exited.

// errNoEditor is returned when no editor is configured.
var errNoEditor = errors.New("no editor configured: set $VISUAL or $EDITOR")

// writeEditorFile puts text in a fresh private directory (os.MkdirTemp makes
// it 0700) as draft.md with mode 0600 and returns the file's path. The .md
// suffix gives editors a sensible syntax mode.
func writeEditorFile(text string) (string, error) {
	dir, err := os.MkdirTemp("", "imagine-edit-*")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		_ = os.RemoveAll(dir)
		return "", err
	}
	return path, nil
}

// editorCommand builds the command that edits path. The editor setting may
// carry arguments ("code --wait"); it is split on spaces and never passed to
// a shell.
func editorCommand(editor, path string) (*exec.Cmd, error) {
	fields := strings.Fields(editor)
	if len(fields) == 0 {
		return nil, errNoEditor
	}
	args := append(fields[1:len(fields):len(fields)], path)
	return exec.Command(fields[0], args...), nil
}

// editorName is the program part of the editor setting, for status lines.
func editorName(editor string) string {
	fields := strings.Fields(editor)
	if len(fields) == 0 {
		return ""
	}
	return filepath.Base(fields[0])
}

// readEditorFile reads the edited text back by path (editors that replace
// the file instead of writing in place are fine) and removes the private
// directory. One trailing newline, which most editors add, is dropped.
func readEditorFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	removeEditorFile(path)
	if err != nil {
		return "", err
	}
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, nil
}

// removeEditorFile deletes the private directory holding path.
func removeEditorFile(path string) {
	dir := filepath.Dir(path)
	// Only ever remove a directory writeEditorFile made.
	if path == "" || !strings.HasPrefix(filepath.Base(dir), "imagine-edit-") {
		return
	}
	_ = os.RemoveAll(dir)
}
