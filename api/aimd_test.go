package api_test

import (
	"net/http"
	"testing"
	"time"
)

// pacedReads makes n interactive reads one after another and returns how
// long the client slept for its own budget meanwhile.
func pacedReads(t *testing.T, get func() error, clock *fakeClock, n int) time.Duration {
	t.Helper()
	before := len(clock.Slept())
	for range n {
		if err := get(); err != nil {
			t.Fatal(err)
		}
	}
	var slept time.Duration
	for _, d := range clock.Slept()[before:] {
		slept += d
	}
	return slept
}

// TestA429HalvesTheReadBudgetForFiveMinutes (security.md §5.4, AIMD): after
// a 429 the client reads at half its pace, for five minutes, then climbs
// back by 10 % a minute to where it was.
func TestA429HalvesTheReadBudgetForFiveMinutes(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handle("GET /api/posts/p1", jsonReply(200, postJSON))
	c, clock := newClient(t, s.URL)
	get := func() error { _, err := c.Posts.Get(t.Context(), "p1"); return err }

	const n = 20
	clock.Advance(time.Hour) // a full burst to start from
	normal := pacedReads(t, get, clock, n)

	s.handle("GET /api/posts/p2", rateLimited(func(h http.Header) string { h.Set("Retry-After", "1"); return "" }))
	clock.Advance(time.Hour)
	if _, err := c.Posts.Get(t.Context(), "p2"); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute) // the burst back, well inside the five minutes
	halved := pacedReads(t, get, clock, n)
	if halved < normal*18/10 {
		t.Errorf("after a 429, %d reads waited %v; at the normal pace %v (want about twice)", n, halved, normal)
	}

	clock.Advance(time.Hour) // long past the hold and the climb back
	again := pacedReads(t, get, clock, n)
	if again > normal*11/10 {
		t.Errorf("an hour after the 429, %d reads waited %v; at the normal pace %v", n, again, normal)
	}
}
