package recent

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestTheListSurvivesARestartNewestFirst(t *testing.T) {
	dir := t.TempDir()
	if err := New(dir, "searches", 3, nil).Save([]string{"go agents", "#release", "rust", "too many"}); err != nil {
		t.Fatal(err)
	}
	got, err := New(dir, "searches", 3, nil).Load()
	if err != nil || !slices.Equal(got, []string{"go agents", "#release", "rust"}) {
		t.Fatalf("Load = %q, %v; want the first 3 saved", got, err)
	}
	fi, err := os.Stat(New(dir, "searches", 3, nil).Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the file should be private: %v, %v", fi.Mode(), err)
	}
}

func TestNoFileIsNoEntriesAndNoError(t *testing.T) {
	got, err := New(t.TempDir(), "searches", 10, nil).Load()
	if err != nil || len(got) != 0 {
		t.Fatalf("Load = %q, %v", got, err)
	}
}

func TestAnEditedFileIsCleanedAndBounded(t *testing.T) {
	s := New(t.TempDir(), "searches", 10, nil)
	body := `["ok", "evil\u001b]52;c;aGk=\u0007 query", "ok", "", "` + strings.Repeat("x", maxLen+1) + `"]`
	if err := os.WriteFile(s.Path(), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != "ok" || strings.ContainsAny(got[1], "\x1b\a") {
		t.Fatalf("Load = %q: controls removed, duplicates, blanks and oversize entries dropped", got)
	}
	for _, bad := range []string{"{", `{"a":1}`, strings.Repeat(" ", maxFile+1)} {
		if err := os.WriteFile(s.Path(), []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Load(); err == nil || len(got) != 0 {
			t.Errorf("%.10q: Load = %q, %v; want nothing and an error", bad, got, err)
		}
	}
}
