package api_test

import (
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"imagine/api"
)

// openCircuit makes failing reads until the client stops sending them and
// returns how many reached the server: half of a window of 20 outcomes at
// the least (the token call counts as one that went well).
func openCircuit(t *testing.T, s *stub, get func() error) int {
	t.Helper()
	for range 40 {
		err := get()
		if errors.Is(err, api.ErrCircuitOpen) {
			sent := s.count("GET /api/posts/p1")
			if sent < 10 || sent > 20 {
				t.Fatalf("the circuit opened after %d failed requests", sent)
			}
			return sent
		}
		if !errors.Is(err, api.ErrServer) {
			t.Fatalf("a failing read: %v", err)
		}
	}
	t.Fatalf("40 failing reads and the circuit never opened (%d sent)", s.count("GET /api/posts/p1"))
	return 0
}

// TestAFailingServerIsHeldOff (security.md §5.3): once half of the last 20
// requests failed with a 5xx, calls fail at once for 30 s without reaching
// the server; then a single probe goes, and its success lets everything
// through again.
func TestAFailingServerIsHeldOff(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var failing atomic.Bool
	failing.Store(true)
	s.handle("GET /api/posts/p1", func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			jsonReply(503, `{"error":"unavailable"}`)(w, r)
			return
		}
		jsonReply(200, postJSON)(w, r)
	})
	c, clock := newClient(t, s.URL, api.WithBudgets(false))
	get := func() error { _, err := c.Posts.Get(t.Context(), "p1"); return err }

	sent := openCircuit(t, s, get)
	err := get()
	var open *api.CircuitOpenError
	if !errors.As(err, &open) || !errors.Is(err, api.ErrServer) || s.count("GET /api/posts/p1") != sent {
		t.Fatalf("after %d failures: %v, %d requests sent (want none more)", sent, err, s.count("GET /api/posts/p1")-sent)
	}
	if open.Wait <= 0 || open.Wait > 30*time.Second || open.Failures < 10 {
		t.Errorf("open circuit: %+v", open)
	}

	clock.Advance(31 * time.Second)
	failing.Store(false)
	if err := get(); err != nil {
		t.Fatalf("the probe after 30 s: %v", err)
	}
	for range 5 {
		if err := get(); err != nil {
			t.Fatalf("after a good probe: %v", err)
		}
	}
	if got := s.count("GET /api/posts/p1"); got != sent+6 {
		t.Errorf("%d requests after the circuit closed, want 6", got-sent)
	}
}

// TestAFailedProbeOpensTheCircuitAgain: the probe failing keeps the server
// held off for another 30 s, again without requests.
func TestAFailedProbeOpensTheCircuitAgain(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("GET /api/posts/p1", jsonReply(503, `{"error":"unavailable"}`))
	c, clock := newClient(t, s.URL, api.WithBudgets(false))
	get := func() error { _, err := c.Posts.Get(t.Context(), "p1"); return err }
	openCircuit(t, s, get)
	clock.Advance(31 * time.Second)
	before := s.count("GET /api/posts/p1")
	if err := get(); !errors.Is(err, api.ErrServer) {
		t.Fatalf("probe: %v", err)
	}
	if n := s.count("GET /api/posts/p1") - before; n != 1 {
		t.Errorf("the probe made %d requests, want 1 (no retries while half-open)", n)
	}
	if err := get(); !errors.Is(err, api.ErrCircuitOpen) {
		t.Errorf("after a failed probe: %v", err)
	}
}
