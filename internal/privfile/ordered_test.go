package privfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOrderedSkipsAnOlderSnapshot: a save of generation 1 arriving after
// the one of generation 2 leaves the newer state on disk.
func TestOrderedSkipsAnOlderSnapshot(t *testing.T) {
	o := Ordered{Path: filepath.Join(t.TempDir(), "state", "x.json")}
	if err := o.SaveJSON(2, map[string]string{"v": "new"}); err != nil {
		t.Fatal(err)
	}
	if err := o.SaveJSON(1, map[string]string{"v": "old"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(o.Path)
	if err != nil || !strings.Contains(string(b), "new") {
		t.Fatalf("the file holds %q (%v), want the newer snapshot", b, err)
	}
	if fi, err := os.Stat(o.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}
