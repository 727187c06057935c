package composer

import (
	"imagine/internal/tuitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPickerCompletesWithTabAndAttaches(t *testing.T) {
	files := t.TempDir()
	writeFile(t, files, "cat.png", head("png"), 100)
	writeFile(t, files, "car.jpg", head("jpeg"), 100)
	writeFile(t, files, "clip.mp4", head("mp4"), 100)
	writeFile(t, files, "notes.txt", head("text"), 0)
	if err := os.Mkdir(filepath.Join(files, "docs"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(files, "docs"), "dog.gif", head("gif"), 100)
	up := newFakeUploads()
	m, l := mediaComposer(t, "", files, up)

	l.Press("ctrl+t")
	l.Settle()
	if v := plainView(m); !strings.Contains(v, "File: "+files+"/") || strings.Contains(v, "notes.txt") {
		t.Fatalf("the picker should start in the start directory and list media only:\n%s", v)
	}
	l.Press("c", "a", "tab") // car.jpg and cat.png share only "ca": tab moves on
	l.Settle()
	if got := m.picker.input.Value(); got != files+"/ca" {
		t.Errorf("input = %q", got)
	}
	if e, _ := m.picker.current(); e.name != "cat.png" {
		t.Errorf("tab should move to the next match, at %q", e.name)
	}
	l.Press("t", "tab")
	l.Settle()
	if got := m.picker.input.Value(); got != files+"/cat.png" {
		t.Errorf("tab did not complete the only match: %q", got)
	}
	l.Press("enter")
	l.Settle()
	if m.mode != modeText || m.Attachments() != 1 || !strings.Contains(plainView(m), "cat.png") {
		t.Fatalf("enter did not attach cat.png:\n%s", plainView(m))
	}

	// The next picker starts where the last file was; a folder completes
	// with a slash and opens.
	l.Press("ctrl+t")
	l.Settle()
	l.Press("d", "o", "tab")
	l.Settle()
	if got := m.picker.input.Value(); got != files+"/docs/" {
		t.Errorf("input = %q, want the folder with a slash", got)
	}
	l.Press("enter")
	l.Settle()
	if m.Attachments() != 2 || !strings.Contains(plainView(m), "dog.gif") {
		t.Fatalf("enter in docs/ did not attach dog.gif:\n%s", plainView(m))
	}

	// A pasted path (quoted, as file managers paste) replaces the input.
	l.Press("ctrl+t")
	l.Settle()
	l.Handle(teaPaste("'" + filepath.Join(files, "clip.mp4") + "'"))
	l.Settle()
	l.Press("enter")
	l.Settle()
	if m.Problem() != "a post takes 4 images or 1 video, not both" {
		t.Errorf("pasting a video path after images: problem %q", m.Problem())
	}
	if got := len(up.uploads()); got != 2 {
		t.Errorf("%d uploads, want 2", got)
	}
}

func TestASlashOrTildeAfterAFolderStartsThePathOver(t *testing.T) {
	files := t.TempDir()
	other := t.TempDir()
	writeFile(t, other, "far.png", head("png"), 100)
	m, l := mediaComposer(t, "", files, newFakeUploads())
	l.Press("ctrl+t")
	l.Settle()
	if got := m.picker.input.Value(); got != files+"/" {
		t.Fatalf("test premise: the picker starts on %q, got %q", files+"/", got)
	}
	l.Press("/")
	for _, r := range strings.TrimPrefix(filepath.Join(other, "far.png"), "/") {
		l.Press(string(r))
	}
	l.Settle()
	if got := m.picker.input.Value(); got != filepath.Join(other, "far.png") {
		t.Errorf("typing an absolute path gave %q", got)
	}
	l.Press("enter")
	l.Settle()
	if m.Attachments() != 1 || !strings.Contains(plainView(m), "far.png") {
		t.Errorf("the typed absolute path was not attached:\n%s", plainView(m))
	}
	l.Press("ctrl+t")
	l.Settle()
	l.Press("~")
	if got := m.picker.input.Value(); got != "~" {
		t.Errorf("~ after the folder gave %q, want the home directory started over", got)
	}
}

func TestPickerEscGoesBackToTheText(t *testing.T) {
	m, l := mediaComposer(t, "", t.TempDir(), newFakeUploads())
	l.Press("h", "i", "ctrl+t")
	l.Settle()
	l.Press("esc")
	if m.mode != modeText || !m.IsOpen() || m.Value() != "hi" {
		t.Errorf("esc in the picker: mode %v open %v text %q", m.mode, m.IsOpen(), m.Value())
	}
	l.Press("!")
	if m.Value() != "hi!" {
		t.Errorf("the text does not have the keys back: %q", m.Value())
	}
}

// TestAPathTypedBeforeTheStartDirectoryArrivesStays: the start directory is
// read in a Cmd; a path typed before it arrives is not overwritten by it,
// and the folder it names is the one listed.
func TestAPathTypedBeforeTheStartDirectoryArrivesStays(t *testing.T) {
	files := t.TempDir()
	writeFile(t, files, "dunes.mp4", head("mp4"), 100)
	m, l := mediaComposer(t, "", t.TempDir(), newFakeUploads())
	start := m.Update(tuitest.Press("ctrl+t")) // the start directory not read yet
	for _, r := range files + "/du" {
		l.Press(string(r))
	}
	l.Settle()
	l.Run(start)
	l.Settle()
	if got := m.picker.input.Value(); got != files+"/du" {
		t.Fatalf("the path typed became %q", got)
	}
	if v := plainView(m); !strings.Contains(v, "dunes.mp4") {
		t.Errorf("the folder typed is not listed:\n%s", v)
	}
}
