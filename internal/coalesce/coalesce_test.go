package coalesce

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// server counts requests; GETs wait on release so that callers overlap.
type server struct {
	*httptest.Server
	hits    atomic.Int64
	release chan struct{}
}

func newServer(t *testing.T, hold bool) *server {
	t.Helper()
	s := &server{release: make(chan struct{})}
	if !hold {
		close(s.release)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.hits.Add(1)
		if r.Method == http.MethodGet {
			<-s.release
		}
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		_, _ = io.WriteString(w, r.Method+" "+r.URL.String()+" #"+string(rune('0'+n)))
	}))
	t.Cleanup(s.Close)
	return s
}

func get(t *testing.T, c *http.Client, url, auth string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Errorf("GET %s: %v", url, err)
		return ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// TestInFlightShared: ten identical GETs at once make one request, and all
// ten callers get its answer.
func TestInFlightShared(t *testing.T) {
	s := newServer(t, true)
	tr := New(nil, 0)
	c := &http.Client{Transport: tr}
	var wg sync.WaitGroup
	got := make([]string, 10)
	for i := range got {
		wg.Go(func() { got[i] = get(t, c, s.URL+"/api/feed", "Bearer a") })
	}
	// Let them all reach the transport, then answer once.
	deadline := time.Now().Add(5 * time.Second)
	for s.hits.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	close(s.release)
	wg.Wait()
	sent, shared := tr.Stats()
	if s.hits.Load()+shared != 10 || sent != s.hits.Load() {
		t.Errorf("server saw %d, transport sent %d and shared %d", s.hits.Load(), sent, shared)
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "GET /api/feed #") {
			t.Errorf("answer %q", g)
		}
	}
}

// TestFreshWindow: an answer is reused within the window and not after;
// a write empties the kept answers; another Authorization is another key;
// a non-200 is never reused.
func TestFreshWindow(t *testing.T) {
	s := newServer(t, false)
	tr := New(nil, time.Minute)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tr.now = func() time.Time { return now }
	c := &http.Client{Transport: tr}

	first := get(t, c, s.URL+"/a", "Bearer a")
	if again := get(t, c, s.URL+"/a", "Bearer a"); again != first {
		t.Errorf("within the window: %q, want %q", again, first)
	}
	if other := get(t, c, s.URL+"/a", "Bearer b"); other == first {
		t.Errorf("another token got the first token's answer")
	}
	now = now.Add(time.Minute)
	if later := get(t, c, s.URL+"/a", "Bearer a"); later == first {
		t.Errorf("after the window the old answer was reused")
	}
	before := get(t, c, s.URL+"/a", "Bearer a")
	res, err := c.Post(s.URL+"/a", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if after := get(t, c, s.URL+"/a", "Bearer a"); after == before {
		t.Errorf("a write did not empty the kept answers")
	}
	hits := s.hits.Load()
	get(t, c, s.URL+"/missing", "")
	get(t, c, s.URL+"/missing", "")
	if n := s.hits.Load() - hits; n != 2 {
		t.Errorf("a 404 was reused: %d requests for two GETs", n)
	}
}
