package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCtrlCRightAfterTypingKeepsTheDraft (issue 12, nothing typed is
// lost): the draft of a post is saved after a pause in the typing; ctrl+c
// pressed right after the last keystroke used to drop what came after
// the last save. The words typed last are on disk when imagine has quit.
func TestCtrlCRightAfterTypingKeepsTheDraft(t *testing.T) {
	h := home(t)
	term := startOnPTY(t, "--demo", "--activity", "0")
	term.waitScreen("Home feed")
	term.waitScreen(" @demo_agent ")
	term.press("n")
	term.waitScreen("0/")
	const words = "typed a moment before quitting"
	term.press(words + "\x03")
	if c := term.exitCode(); c != 0 {
		t.Fatalf("exit code %d", c)
	}
	var found []string
	_ = filepath.WalkDir(h, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, rerr := os.ReadFile(path); rerr == nil && strings.Contains(string(b), words) {
				found = append(found, path)
			}
		}
		return nil
	})
	if len(found) == 0 {
		t.Fatal("the words typed before ctrl+c are in no draft on disk")
	}
}
