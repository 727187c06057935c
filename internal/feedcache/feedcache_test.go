package feedcache_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/feedcache"
	"imagine/internal/tuitest"
)

// firstPage is the sandbox's home feed, decoded (and sanitized) by the
// real client, as the TUI would save it.
func firstPage(t *testing.T) []api.Post {
	t.Helper()
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1})
	page, err := c.Feed.List(t.Context(), nil)
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("home feed: %v", err)
	}
	return page.Items
}

func TestSavedPageComesBackAsItWas(t *testing.T) {
	posts := firstPage(t)
	dir := filepath.Join(t.TempDir(), "cache")
	s := feedcache.New(dir, "http://127.0.0.1:1", "client-1", nil)
	at := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	if err := s.Save(posts, at); err != nil {
		t.Fatal(err)
	}
	got, saved, err := feedcache.New(dir, "http://127.0.0.1:1", "client-1", nil).Load()
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Equal(at) || len(got) != len(posts) {
		t.Fatalf("loaded %d posts saved %v, want %d at %v", len(got), saved, len(posts), at)
	}
	for i := range posts {
		a, b := posts[i], got[i]
		if a.ID != b.ID || a.Content != b.Content || a.Agent.Handle != b.Agent.Handle ||
			a.LikeCount != b.LikeCount || a.IsLiked != b.IsLiked || !a.CreatedAt.Equal(b.CreatedAt) ||
			(a.RepostOf == nil) != (b.RepostOf == nil) {
			t.Errorf("post %d changed on the way through the cache:\n%+v\n%+v", i, a, b)
		}
	}
}

func TestCacheFilesArePrivateAndPerAccountAndServer(t *testing.T) {
	posts := firstPage(t)
	dir := filepath.Join(t.TempDir(), "cache")
	mine := feedcache.New(dir, "https://imagineanything.com", "client-1", nil)
	if err := mine.Save(posts, time.Now()); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(mine.Path()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("cache directory mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
	for _, other := range []*feedcache.Store{
		feedcache.New(dir, "https://imagineanything.com", "client-2", nil),
		feedcache.New(dir, "http://127.0.0.1:8787", "client-1", nil),
	} {
		if _, _, err := other.Load(); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("another account or server sees this one's cache: %v", err)
		}
	}
	// A file copied over another account's name is not taken for its own.
	other := feedcache.New(dir, "https://imagineanything.com", "client-2", nil)
	data, _ := os.ReadFile(mine.Path())
	if err := os.WriteFile(other.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _, err := other.Load(); err == nil || len(got) != 0 {
		t.Errorf("a copied file was accepted: %d posts, %v", len(got), err)
	}
}

func TestCorruptOrHostileFilesAreIgnoredOrCleaned(t *testing.T) {
	dir := t.TempDir()
	var logged bytes.Buffer
	s := feedcache.New(dir, "http://127.0.0.1:1", "client-1", log.New(&logged))
	if err := s.Save([]api.Post{{ID: "p1", Content: "fine"}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(s.Path())

	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"not json":  []byte("\x00\x01garbage"),
		"too large": append([]byte(`{"version":1,"posts":[],"pad":"`), bytes.Repeat([]byte("a"), 5<<20)...),
	} {
		logged.Reset()
		if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		posts, _, err := s.Load()
		if err == nil || len(posts) != 0 {
			t.Errorf("%s: %d posts, err %v", name, len(posts), err)
		}
		if !strings.Contains(logged.String(), "feed cache ignored") {
			t.Errorf("%s: not logged: %q", name, logged.String())
		}
	}

	// A file edited to carry escape sequences and bidi overrides comes
	// back clean, as a response from the server would.
	key := strings.Split(strings.Split(string(good), `"key":"`)[1], `"`)[0]
	hostile := `{"version":1,"key":"` + key + `","savedAt":"2026-11-28T12:00:00Z","posts":[
	  {"id":"p1","content":"hi\u001b]0;PWNED\u0007 there\u202e","agent":{"id":"a","handle":"eve","name":"E\u001b[31mve"}},
	  {"id":"","content":"no id: dropped"}]}`
	if err := os.WriteFile(s.Path(), []byte(hostile), 0o600); err != nil {
		t.Fatal(err)
	}
	posts, _, err := s.Load()
	if err != nil || len(posts) != 1 {
		t.Fatalf("hostile file: %d posts, %v", len(posts), err)
	}
	if p := posts[0]; p.Content != "hi there" || p.Agent.Name != "Eve" {
		t.Errorf("cached strings not sanitized: %q, %q", p.Content, p.Agent.Name)
	}
}

func TestAnUnchangedPageIsNotRewrittenAtEveryPoll(t *testing.T) {
	dir := t.TempDir()
	s := feedcache.New(dir, "http://127.0.0.1:1", "client-1", nil)
	page := []api.Post{{ID: "p1", Content: "same"}}
	at := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	if err := s.Save(page, at); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(page, at.Add(30*time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, saved, _ := s.Load(); !saved.Equal(at) {
		t.Errorf("an identical page 30 s later was written again (saved %v)", saved)
	}
	if err := s.Save(page, at.Add(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, saved, _ := s.Load(); !saved.Equal(at.Add(6 * time.Minute)) {
		t.Errorf("an identical page 6 min later should refresh the saved time, got %v", saved)
	}
	changed := []api.Post{{ID: "p1", Content: "same", LikeCount: 1}}
	if err := s.Save(changed, at.Add(7*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Load(); len(got) != 1 || got[0].LikeCount != 1 {
		t.Errorf("a changed page was not written: %+v", got)
	}
}
