package api_test

import (
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"imagine/api"
)

func TestGetRetriesServerErrors(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("GET /api/posts/p1", sequence(jsonReply(503, `{}`), jsonReply(503, `{}`), jsonReply(200, postJSON)))
	c, clock := newClient(t, s.URL)
	if _, err := c.Posts.Get(t.Context(), "p1"); err != nil {
		t.Fatal(err)
	}
	slept := clock.Slept()
	if s.count("GET /api/posts/p1") != 3 || len(slept) != 2 || slept[0] >= 500*time.Millisecond || slept[1] >= time.Second {
		t.Errorf("%d requests, backoffs %v", s.count("GET /api/posts/p1"), slept)
	}
}

func TestGetGivesUpAfterThreeAttempts(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/posts/p1", 500, `{"error":"boom","message":"Boom"}`)
	c, _ := newClient(t, s.URL)
	_, err := c.Posts.Get(t.Context(), "p1")
	if !errors.Is(err, api.ErrServer) || errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("err = %v", err)
	}
	if n := s.count("GET /api/posts/p1"); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
	if !c.Online() {
		t.Error("a 5xx answer proves the server is reachable")
	}
}

func TestBackgroundGetMakesOneAttempt(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/feed", 503, `{}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Feed.List(api.Background(t.Context()), nil); !errors.Is(err, api.ErrServer) {
		t.Errorf("err = %v", err)
	}
	if n := s.count("GET /api/feed"); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestWriteNotRetriedAfterServerError(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("POST /api/posts", 500, `{}`)
	c, _ := newClient(t, s.URL)
	_, err := c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: "once"})
	var uo *api.UnknownOutcomeError
	if !errors.As(err, &uo) || !errors.Is(err, api.ErrUnknownOutcome) || !errors.Is(err, api.ErrServer) || uo.Method != "POST" {
		t.Errorf("err = %v", err)
	}
	if n := s.count("POST /api/posts"); n != 1 {
		t.Errorf("%d POSTs, want exactly 1", n)
	}
}

func TestWriteDroppedAfterProcessingIsUnknown(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("POST /api/posts/p1/comments", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	c, _ := newClient(t, s.URL)
	_, err := c.Posts.Comment(t.Context(), "p1", &api.CommentRequest{Content: "hi"})
	if !errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("err = %v", err)
	}
	if n := s.count("POST /api/posts/p1/comments"); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
}

func TestGetRetriesDroppedConnection(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	drop := func(w http.ResponseWriter, r *http.Request) {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	}
	s.handle("GET /api/posts/p1", sequence(drop, jsonReply(200, postJSON)))
	c, _ := newClient(t, s.URL)
	if _, err := c.Posts.Get(t.Context(), "p1"); err != nil {
		t.Fatal(err)
	}
	if n := s.count("GET /api/posts/p1"); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestDeleteRetriedAndLate404IsSuccess(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("DELETE /api/posts/p1", sequence(jsonReply(503, `{}`), jsonReply(404, `{"error":"not_found"}`)))
	s.reply("DELETE /api/posts/p2", 404, `{"error":"not_found"}`)
	c, _ := newClient(t, s.URL)
	if err := c.Posts.Delete(t.Context(), "p1"); err != nil {
		t.Errorf("404 after a 503 on DELETE: err = %v, want success", err)
	}
	if err := c.Posts.Delete(t.Context(), "p2"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("plain 404 on DELETE: err = %v", err)
	}
}

func TestWrite408RetriedOnce(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("POST /api/posts/p1/view", 408, `{}`)
	c, _ := newClient(t, s.URL)
	if err := c.Posts.RecordView(t.Context(), "p1"); err == nil {
		t.Error("want an error after repeated 408")
	}
	if n := s.count("POST /api/posts/p1/view"); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// closedURL returns the URL of a loopback port nobody listens on.
func closedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestConnectionRefusedWriteRetriedThenOffline(t *testing.T) {
	t.Parallel()
	c, clock := newClient(t, closedURL(t), api.WithBudgets(false))
	if got := c.Connectivity(); got != api.Online {
		t.Fatalf("fresh client: %v", got)
	}
	err := c.Auth.Token(t.Context())
	if !errors.Is(err, api.ErrOffline) || errors.Is(err, api.ErrUnknownOutcome) {
		t.Fatalf("err = %v, want ErrOffline", err)
	}
	if n := len(clock.Slept()); n != 2 {
		t.Errorf("%d backoffs, want 2 (3 attempts)", n)
	}
	pub, _ := newClient(t, closedURL(t))
	_, err = pub.Auth.Register(t.Context(), &api.RegisterRequest{Handle: "new_agent", Name: "N"})
	if !errors.Is(err, api.ErrOffline) || errors.Is(err, api.ErrUnknownOutcome) {
		t.Errorf("refused register: err = %v, want ErrOffline (nothing was sent)", err)
	}
	if got := pub.Connectivity(); got != api.Degraded && got != api.Offline {
		t.Errorf("after refused connections: %v", got)
	}
}

func TestConnectivityStates(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/posts/p1", 200, postJSON)
	var down atomic.Bool
	down.Store(true)
	flaky := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if down.Load() {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
		}
		return http.DefaultTransport.RoundTrip(r)
	})
	c, clock := newClient(t, s.URL, api.WithHTTPClient(&http.Client{Transport: flaky}))
	bg := api.Background(t.Context())
	if _, err := c.Posts.Get(bg, "p1"); !errors.Is(err, api.ErrOffline) {
		t.Fatalf("err = %v", err)
	}
	if got := c.Connectivity(); got != api.Degraded {
		t.Errorf("after one failure: %v, want degraded", got)
	}
	clock.Advance(6 * time.Second)
	_, _ = c.Posts.Get(bg, "p1")
	if got := c.Connectivity(); got != api.Offline || c.Online() {
		t.Errorf("after two failures over 6 s: %v, want offline", got)
	}
	down.Store(false)
	if _, err := c.Posts.Get(bg, "p1"); err != nil || !c.Online() {
		t.Errorf("after a success: err %v, state %v", err, c.Connectivity())
	}

	// A DNS failure (simulated in the transport: tests stay on loopback)
	// counts as offline at once.
	dnsFail := roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "imagine.invalid", IsNotFound: true}}
	})
	dns, _ := newClient(t, "https://imagine.invalid", api.WithHTTPClient(&http.Client{Transport: dnsFail}))
	if _, err := dns.Posts.List(bg, nil); !errors.Is(err, api.ErrOffline) {
		t.Errorf("DNS failure: err = %v", err)
	}
	if got := dns.Connectivity(); got != api.Offline {
		t.Errorf("after a DNS failure: %v, want offline", got)
	}
	if got := api.Offline.String() + api.Degraded.String() + api.Online.String(); got != "offlinedegradedonline" {
		t.Errorf("String: %s", got)
	}
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
