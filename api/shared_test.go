package api_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"imagine/api"
)

// TestSharedReadsInFlight: ten identical GETs at once make one request
// and every caller decodes the answer.
func TestSharedReadsInFlight(t *testing.T) {
	s := newStub(t)
	release := make(chan struct{})
	s.handle("GET /api/notifications/count", func(w http.ResponseWriter, r *http.Request) {
		<-release
		jsonReply(200, `{"count":7}`)(w, r)
	})
	c, _ := newClient(t, s.URL, api.WithSharedReads(0))
	var wg sync.WaitGroup
	counts := make([]int, 10)
	for i := range counts {
		wg.Go(func() {
			n, err := c.Notifications.Count(t.Context())
			if err != nil {
				t.Errorf("count: %v", err)
			}
			counts[i] = n
		})
	}
	for s.count("GET /api/notifications/count") == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // let the others join the one in flight
	close(release)
	wg.Wait()
	for _, n := range counts {
		if n != 7 {
			t.Errorf("a caller got %d, want 7", n)
		}
	}
	sent, shared := c.SharedReads()
	if hits := s.count("GET /api/notifications/count"); int64(hits) != sent || sent+shared != 10 {
		t.Errorf("server saw %d, client sent %d and shared %d of 10", hits, sent, shared)
	}
}

// TestSharedReadsFreshWindow: a body is reused within the window, not
// after it, and not after a write.
func TestSharedReadsFreshWindow(t *testing.T) {
	s := newStub(t)
	s.reply("GET /api/notifications/count", 200, `{"count":1}`)
	s.reply("POST /api/posts/p1/like", 200, `{"liked":true,"likeCount":1}`)
	c, clock := newClient(t, s.URL, api.WithSharedReads(2*time.Second))
	get := func() {
		if _, err := c.Notifications.Count(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	get()
	get()
	if n := s.count("GET /api/notifications/count"); n != 1 {
		t.Errorf("within the window: %d requests, want 1", n)
	}
	clock.Advance(2 * time.Second)
	get()
	if n := s.count("GET /api/notifications/count"); n != 2 {
		t.Errorf("after the window: %d requests, want 2", n)
	}
	if _, err := c.Posts.Like(t.Context(), "p1"); err != nil {
		t.Fatal(err)
	}
	get()
	if n := s.count("GET /api/notifications/count"); n != 3 {
		t.Errorf("after a write: %d requests, want 3", n)
	}
}
