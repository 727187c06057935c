package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheLogFileIsOpenedSafely: a new log is made 0600; an existing file
// keeps its mode (we never chmod what we did not make); a device, a
// directory or a symbolic link is refused with a message that says what
// it is.
func TestTheLogFileIsOpenedSafely(t *testing.T) {
	dir := t.TempDir()

	fresh := filepath.Join(dir, "new.log")
	f, err := openLogFile(fresh)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("a new log file is %v, want 0600", st.Mode().Perm())
	}

	theirs := filepath.Join(dir, "theirs.log")
	if err := os.WriteFile(theirs, []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err = openLogFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("appended\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(theirs)
	b, _ := os.ReadFile(theirs)
	if st.Mode().Perm() != 0o644 || string(b) != "kept\nappended\n" {
		t.Errorf("an existing file became %v holding %q", st.Mode().Perm(), b)
	}

	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := openLogFile(os.DevNull); err == nil || !strings.Contains(err.Error(), "a device") {
		t.Errorf("%s: %v", os.DevNull, err)
	}
	if after, _ := os.Stat(os.DevNull); after.Mode() != before.Mode() {
		t.Errorf("%s changed from %v to %v", os.DevNull, before.Mode(), after.Mode())
	}

	if _, err := openLogFile(dir); err == nil || !strings.Contains(err.Error(), "a directory") {
		t.Errorf("a directory: %v", err)
	}

	link := filepath.Join(dir, "link.log")
	if err := os.Symlink(theirs, link); err != nil {
		t.Fatal(err)
	}
	if _, err := openLogFile(link); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a symbolic link: %v", err)
	}
}
