package account

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestLayoutKeepsAccountsAndServersApart(t *testing.T) {
	d := Dirs{State: "/s", Data: "/d", Cache: "/c"}
	a := LayoutFor(d, "https://imagineanything.com", "cli_a")
	b := LayoutFor(d, "https://imagineanything.com", "cli_b")
	sb := LayoutFor(d, "http://127.0.0.1:8787", "cli_a")
	if a.Data == b.Data || a.Data == sb.Data || a.Drafts == b.Drafts || a.Cache == sb.Cache {
		t.Fatalf("layouts collide: %+v %+v %+v", a, b, sb)
	}
	if want := "/d/accounts/127.0.0.1_8787/cli_a"; sb.Data != want {
		t.Fatalf("data dir %s, want %s", sb.Data, want)
	}
	evil := LayoutFor(d, "http://x", "../../etc")
	if !strings.HasPrefix(evil.Data, "/d/accounts/x/") || strings.Contains(evil.Data, "..") {
		t.Fatalf("a hostile client ID escaped its directory: %s", evil.Data)
	}
}

// TestEnsureTightensALooseDirectory: missing directories are made 0700;
// an existing 0755 one of ours is tightened.
func TestEnsureTightensALooseDirectory(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	root := t.TempDir()
	d := Dirs{State: filepath.Join(root, "state"), Data: filepath.Join(root, "data"), Cache: filepath.Join(root, "cache")}
	if err := os.MkdirAll(filepath.Join(d.Data, "accounts"), 0o755); err != nil {
		t.Fatal(err)
	}
	l := LayoutFor(d, testURL, "cli_a")
	if err := l.Ensure(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{d.State, d.Data, filepath.Join(d.Data, "accounts"), l.Data, l.Drafts, l.Cache} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("%s has mode %04o, want 0700", p, fi.Mode().Perm())
		}
	}
}

// TestEnsureRefusesALooseDirectoryOfAnotherUser: a directory others may
// enter that another user owns is not tightened but refused, by name.
func TestEnsureRefusesALooseDirectoryOfAnotherUser(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, os.Getuid()+1, -1); err != nil {
		t.Skipf("giving the directory to another user needs root (%v); the refusal is then untestable here", err)
	}
	err := EnsurePrivateDir(dir)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "another user") {
		t.Fatalf("err = %v, want a refusal naming the directory", err)
	}
	fi, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o777 {
		t.Fatal("another user's directory was changed")
	}
}
