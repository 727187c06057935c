package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"imagine/api"
)

// testSecret is the client secret of stub servers; tests grep for it.
const testSecret = "cs_TOPSECRET_0123456789"

// fakeClock is a manual clock whose Sleep advances time instantly; it is
// shared by the client (WithClock/WithSleep) and, in sandbox tests, by the
// server, so waits cost no real time.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	f.mu.Unlock()
	return nil
}

// Slept returns the sleeps made so far.
func (f *fakeClock) Slept() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// stub is a small scripted API server: a token endpoint plus the routes a
// test registers, counting hits per "METHOD path".
type stub struct {
	*httptest.Server
	mux    *http.ServeMux
	mu     sync.Mutex
	hits   map[string]int
	auths  []string     // Authorization headers seen on API routes
	tokens atomic.Int64 // token requests so far

	tokenHandler http.HandlerFunc
}

func newStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{mux: http.NewServeMux(), hits: map[string]int{}}
	s.tokenHandler = func(w http.ResponseWriter, r *http.Request) {
		n := s.tokens.Load()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":"iat_tok%d","token_type":"Bearer","expires_in":3600,"refresh_token":"iar_ref%d","scope":"read write"}`, n, n)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.Method+" "+r.URL.Path]++
		isToken := r.Method == http.MethodPost && r.URL.Path == "/api/auth/token"
		if !isToken {
			s.auths = append(s.auths, r.Header.Get("Authorization"))
		}
		h := s.tokenHandler
		s.mu.Unlock()
		if isToken {
			s.tokens.Add(1)
			h(w, r)
			return
		}
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// handleToken replaces the token endpoint.
func (s *stub) handleToken(h http.HandlerFunc) {
	s.mu.Lock()
	s.tokenHandler = h
	s.mu.Unlock()
}

// handle registers a handler for a ServeMux pattern.
func (s *stub) handle(pattern string, h http.HandlerFunc) { s.mux.HandleFunc(pattern, h) }

// reply registers a fixed JSON answer.
func (s *stub) reply(pattern string, status int, body string) {
	s.handle(pattern, jsonReply(status, body))
}

func (s *stub) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[key]
}

func jsonReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// sequence answers successive requests with the given handlers; the last one
// repeats.
func sequence(hs ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int64
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		hs[min(i, len(hs)-1)](w, r)
	}
}

// newClient returns a client for base with stub credentials and a fake
// clock, plus that clock.
func newClient(t *testing.T, base string, opts ...api.Option) (*api.Client, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	all := append([]api.Option{
		api.WithBaseURL(base),
		api.WithCredentials("client_1", api.Secret(testSecret)),
		api.WithClock(clock.Now),
		api.WithSleep(clock.Sleep),
	}, opts...)
	c, err := api.New(all...)
	if err != nil {
		t.Fatalf("api.New: %v", err)
	}
	return c, clock
}

// noControls fails when s holds an escape or another C0/C1 control other
// than newline.
func noControls(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) {
			t.Errorf("%s: control %U left in %q", what, r, s)
			return
		}
	}
	if strings.Contains(s, "]52;") || strings.Contains(s, "[31m") {
		t.Errorf("%s: escape payload left in %q", what, s)
	}
}
