package api

import (
	"fmt"
	"sync"
	"time"
)

// The circuit breaker (security.md §5.3): when at least half of the last
// breakerWindow requests to the server failed with a 5xx or no answer, the
// server is struggling and more requests only add to it. The circuit opens
// for breakerOpen: calls fail at once with *CircuitOpenError, nothing is
// sent. Then one request is let through as a probe (half-open): its success
// closes the circuit, its failure opens it again.
const (
	breakerWindow = 20
	breakerOpen   = 30 * time.Second
)

// ErrCircuitOpen is matched by *CircuitOpenError.
var ErrCircuitOpen = fmt.Errorf("%w: holding off a failing server", ErrServer)

// CircuitOpenError says the client is holding off the server after too
// many failures; nothing was sent. Wait says when the next probe may go.
type CircuitOpenError struct {
	Failures, Of int
	Wait         time.Duration
	Until        time.Time
}

// Error implements error.
func (e *CircuitOpenError) Error() string {
	return fmt.Sprintf("api: holding off the server for %v after %d failures in %d requests",
		e.Wait.Round(time.Second), e.Failures, e.Of)
}

// Is matches ErrCircuitOpen and ErrServer.
func (e *CircuitOpenError) Is(target error) bool {
	return target == ErrCircuitOpen || target == ErrServer
}

// breaker is the circuit breaker of one client (one host).
type breaker struct {
	mu       sync.Mutex
	window   [breakerWindow]bool // true: that request failed
	n, next  int                 // outcomes recorded (≤ window), slot of the next
	until    time.Time           // open until then
	probing  bool                // half-open: the probe is out
	failures int                 // failures in the window when it opened
}

// allow says whether a request may go now, or why not.
func (b *breaker) allow(now time.Time) *CircuitOpenError {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.until.IsZero():
		return nil
	case now.Before(b.until) || b.probing:
		wait := max(b.until.Sub(now), time.Second)
		return &CircuitOpenError{Failures: b.failures, Of: breakerWindow, Wait: wait, Until: now.Add(wait)}
	}
	b.probing = true // half-open: this request is the probe
	return nil
}

// release gives back a probe that got no outcome (its caller cancelled), so
// the next request probes instead of the circuit staying open for good.
func (b *breaker) release() {
	b.mu.Lock()
	b.probing = false
	b.mu.Unlock()
}

// record adds the outcome of one request.
func (b *breaker) record(now time.Time, failed bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.probing {
		b.probing = false
		if failed {
			b.until = now.Add(breakerOpen)
			return
		}
		b.until, b.n, b.next = time.Time{}, 0, 0 // closed, with a clean slate
		return
	}
	b.window[b.next] = failed
	b.next = (b.next + 1) % breakerWindow
	b.n = min(b.n+1, breakerWindow)
	if b.n < breakerWindow {
		return
	}
	bad := 0
	for _, f := range b.window {
		if f {
			bad++
		}
	}
	if bad*2 >= breakerWindow {
		b.until, b.failures = now.Add(breakerOpen), bad
		b.n, b.next = 0, 0
	}
}
