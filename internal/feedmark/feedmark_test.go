package feedmark

import (
	"os"
	"runtime"
	"testing"
	"time"
)

var at = time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)

func TestAMarkSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	want := Mark{PostID: "post_42", At: at}
	if err := New(dir, nil).Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := New(dir, nil).Load()
	if err != nil || got.PostID != want.PostID || !got.At.Equal(want.At) {
		t.Fatalf("Load = %+v, %v; want %+v", got, err, want)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(New(dir, nil).Path())
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600: the mark says what the operator reads", fi.Mode().Perm())
		}
	}
}

func TestNoFileIsNoMarkAndNoError(t *testing.T) {
	m, err := New(t.TempDir(), nil).Load()
	if err != nil || !m.IsZero() {
		t.Fatalf("Load = %+v, %v; want the zero mark and no error", m, err)
	}
}

func TestAFileNotWrittenBySaveIsIgnored(t *testing.T) {
	for name, body := range map[string]string{
		"not json":      "{",
		"no time":       `{"postId":"p1"}`,
		"hostile id":    `{"postId":"p1\u001b]52;c;aGk=\u0007","at":"2026-12-01T15:00:00Z"}`,
		"path as id":    `{"postId":"../../etc/passwd","at":"2026-12-01T15:00:00Z"}`,
		"too large":     `{"postId":"p1","at":"2026-12-01T15:00:00Z","pad":"` + string(make([]byte, maxFile)) + `"}`,
		"empty file":    "",
		"an empty mark": `{}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := New(t.TempDir(), nil)
			if err := os.WriteFile(s.Path(), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			m, err := s.Load()
			if err == nil || !m.IsZero() {
				t.Fatalf("Load = %+v, %v; want the zero mark and an error", m, err)
			}
		})
	}
}

func TestSavingTheSameMarkAgainWritesNothing(t *testing.T) {
	s := New(t.TempDir(), nil)
	m := Mark{PostID: "p1", At: at}
	if err := s.Save(m); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(Mark{PostID: "p1", At: at.In(time.FixedZone("CET", 3600))}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Path()); err == nil {
		t.Fatal("the same mark (in another zone) was written again")
	}
	if err := s.Save(Mark{PostID: "p2", At: at.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if got, _ := New(s.Path()[:len(s.Path())-len(fileName)], nil).Load(); got.PostID != "p2" {
		t.Fatalf("a newer mark was not written: %+v", got)
	}
}

func TestAfterOrdersMarksByTheirPostsTime(t *testing.T) {
	old, newer := Mark{PostID: "a", At: at}, Mark{PostID: "b", At: at.Add(time.Second)}
	switch {
	case !newer.After(old), old.After(newer), old.After(old):
		t.Fatal("a mark is after another only when its post is later")
	case !old.After(Mark{}), (Mark{}).After(old):
		t.Fatal("any mark is after none; none is after any")
	}
}
