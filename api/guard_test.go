package api_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"imagine/api"
)

// recordingGuard refuses the writes whose method is in deny and records
// the others with their outcome.
type recordingGuard struct {
	mu    sync.Mutex
	deny  map[string]bool
	asked []api.Write
	done  []error
}

func (g *recordingGuard) Allow(_ context.Context, w api.Write) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.asked = append(g.asked, w)
	if g.deny[w.Method] {
		return errors.New("refused")
	}
	return nil
}

func (g *recordingGuard) Done(_ context.Context, _ api.Write, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.done = append(g.done, err)
}

// TestWriteGuard: a write made with a guarded context is asked about
// first and reported after; a refused one never reaches the server; reads
// and token grants are never asked.
func TestWriteGuard(t *testing.T) {
	s := newStub(t)
	s.reply("POST /api/posts/p1/like", 200, `{"liked":true,"likeCount":1}`)
	s.reply("GET /api/feed", 200, `{"posts":[],"nextCursor":null,"hasMore":false}`)
	s.reply("POST /api/upload", 200, `{"id":"m1","url":"https://x/y.png","type":"IMAGE"}`)
	c, _ := newClient(t, s.URL)
	g := &recordingGuard{deny: map[string]bool{}}
	ctx := api.WithWriteGuard(t.Context(), g)

	if _, err := c.Feed.List(ctx, nil); err != nil {
		t.Fatalf("feed: %v", err)
	}
	if _, err := c.Posts.Like(ctx, "p1"); err != nil {
		t.Fatalf("like: %v", err)
	}
	if len(g.asked) != 1 || g.asked[0] != (api.Write{Method: http.MethodPost, Path: "/api/posts/p1/like"}) {
		t.Fatalf("asked %+v, want only the like", g.asked)
	}
	if len(g.done) != 1 || g.done[0] != nil {
		t.Fatalf("done %v, want one nil outcome", g.done)
	}

	g.deny[http.MethodPost] = true
	if _, err := c.Posts.Like(ctx, "p1"); err == nil || err.Error() != "refused" {
		t.Fatalf("refused like: %v", err)
	}
	if n := s.count("POST /api/posts/p1/like"); n != 1 {
		t.Errorf("the refused like reached the server: %d likes sent", n)
	}
	png := []byte("\x89PNG\r\n\x1a\n0000")
	if _, err := c.Uploads.Image(ctx, "a.png", bytes.NewReader(png), int64(len(png)), nil); err == nil || err.Error() != "refused" {
		t.Errorf("upload: %v, want the refusal", err)
	}
	if n := s.count("POST /api/upload"); n != 0 {
		t.Errorf("the refused upload reached the server %d times", n)
	}
	if len(g.done) != 1 {
		t.Errorf("refused writes were reported done: %v", g.done)
	}
}
