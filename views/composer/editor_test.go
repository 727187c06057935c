package composer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/internal/tuitest"
	"imagine/views"
)

// fakeEditor writes a shell script that appends text to the file it is
// given, as an editor would save it.
// It also points TMPDIR at the test's own directory so the editor files
// never land in the system temp dir.
func fakeEditor(t *testing.T, body string) string {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	path := filepath.Join(t.TempDir(), "fake-editor")
	script := "#!/bin/sh\n" + body + "\n"
	if err := os.WriteFile(path, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEditorFileIsPrivateAndReadBackByPath(t *testing.T) {
	editor := fakeEditor(t, `printf ' and more from the editor\n' >> "$1"`)
	path, err := writeEditorFile("draft")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".md") {
		t.Errorf("editor file %q does not end in .md", path)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(filepath.Dir(path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", fi.Mode().Perm())
	}
	c, err := editorCommand(editor, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	text, err := readEditorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if text != "draft and more from the editor" {
		t.Errorf("read back %q", text)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Error("the private directory was not removed")
	}
}

func TestEditorThatReplacesTheFileIsReadBack(t *testing.T) {
	// Editors like vim with backupcopy=no write a new file and rename it.
	editor := fakeEditor(t, `printf 'replaced' > "$1.new" && mv "$1.new" "$1"`)
	path, err := writeEditorFile("old")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := editorCommand(editor, path)
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	if text, _ := readEditorFile(path); text != "replaced" {
		t.Errorf("read back %q", text)
	}
}

func TestEditorArgumentsAreSplitWithoutAShell(t *testing.T) {
	c, err := editorCommand("code --wait", "/tmp/x.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Args, "|"); got != "code|--wait|/tmp/x.md" {
		t.Errorf("args = %s", got)
	}
	if _, err := editorCommand("  ", "/tmp/x.md"); err == nil {
		t.Error("an empty editor gave a command")
	}
}

func TestEditorHandOffFlowUpdatesTheText(t *testing.T) {
	editor := fakeEditor(t, `printf ' edited' >> "$1"`)
	m := newComposer(t, "", editor)
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "start")

	ready, ok := tuitest.Find[editorReadyMsg](tuitest.Collect(m.Update(tuitest.Press("ctrl+e"))))
	if !ok || ready.err != nil {
		t.Fatalf("no editor file: %+v", ready)
	}
	msgs := tuitest.Collect(m.Update(ready))
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || !strings.Contains(st.Text, "fake-editor") {
		t.Errorf("the status line does not name the editor: %+v", msgs)
	}
	// The program would now run the editor through tea.ExecProcess; run it
	// here and report its end the way ExecProcess does.
	c, _ := editorCommand(editor, ready.path)
	settle(m, m.Update(editorExitedMsg{id: "test", key: "post", path: ready.path, err: c.Run()}))
	if m.Value() != "start edited" {
		t.Errorf("text after the editor = %q", m.Value())
	}
}

func TestEditorFailureKeepsTheText(t *testing.T) {
	m := newComposer(t, "", fakeEditor(t, "exit 3"))
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "precious")
	ready, _ := tuitest.Find[editorReadyMsg](tuitest.Collect(m.Update(tuitest.Press("ctrl+e"))))
	c, _ := editorCommand(m.opts.Editor, ready.path)
	msgs := settle(m, m.Update(editorExitedMsg{id: "test", key: "post", path: ready.path, err: c.Run()}))
	if m.Value() != "precious" {
		t.Errorf("text = %q", m.Value())
	}
	if !strings.Contains(m.Problem(), "failed") {
		t.Errorf("problem = %q", m.Problem())
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Level != views.LevelWarn {
		t.Errorf("no warning on the status line: %v", msgs)
	}
	if _, err := os.Stat(filepath.Dir(ready.path)); !os.IsNotExist(err) {
		t.Error("the temp dir of a failed edit was left behind")
	}
}

func TestNoEditorConfiguredIsExplained(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "text")
	msgs := settle(m, m.Update(tuitest.Press("ctrl+e")))
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || !strings.Contains(st.Text, "EDITOR") {
		t.Errorf("want a status naming $EDITOR, got %v", msgs)
	}
	if m.Value() != "text" {
		t.Errorf("text = %q", m.Value())
	}
}

func TestRemoveEditorFileOnlyTouchesItsOwnDirectory(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "keep.txt")
	if err := os.WriteFile(victim, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	removeEditorFile(victim)
	if _, err := os.Stat(victim); err != nil {
		t.Errorf("a foreign directory was removed: %v", err)
	}
}
