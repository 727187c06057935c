package views_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/views"
)

// TestStatusFromRealFaults: the sentences of Describe for a server that
// rate limits, drops a write's answer, hangs, fails again and again, and
// for the client's own budget, each produced by the real fault (the
// sandbox's fault injection or a real failing server), never from a
// constructed error.
func TestStatusFromRealFaults(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	host := strings.TrimPrefix(hs.URL, "http://")
	id, secret := srv.DemoCredentials()
	newClient := func(base string) *api.Client {
		c, err := api.New(api.WithBaseURL(base), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Each case has a client of its own: a 429 rightly holds back the
	// client that drew it.
	fresh := func() *api.Client {
		c := newClient(hs.URL)
		if _, err := c.Agents.Me(t.Context()); err != nil { // signed in before the fault
			t.Fatal(err)
		}
		return c
	}
	expect := func(name string, err error, want ...string) {
		t.Helper()
		if err == nil {
			t.Errorf("%s: no error", name)
			return
		}
		got := views.Describe(err)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q (error: %v)", name, got, w, err)
			}
		}
		if strings.Contains(got, "api:") || strings.Contains(got, "http://") {
			t.Errorf("%s: %q", name, got)
		}
	}

	// A 429 whose wait does not fit the caller's deadline.
	limited := fresh()
	srv.InjectOnce("GET", "/api/feed", sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30 * time.Second})
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	_, err := limited.Feed.List(ctx, nil)
	cancel()
	expect("429", err, "rate limited by the server", "try again in 3")

	// A post processed by the server whose answer is lost.
	dropped := fresh()
	srv.InjectOnce("POST", "/api/posts", sandbox.Fault{AfterProcessing: true, Drop: true})
	_, err = dropped.Posts.Create(t.Context(), &api.PostCreateRequest{Content: "dropped answer", MediaType: api.MediaTypeText})
	expect("dropped answer", err, "no answer from "+host, "may or may not have arrived")

	// A server that hangs past the caller's deadline.
	hung := fresh()
	srv.InjectOnce("GET", "/api/feed", sandbox.Fault{Delay: 3 * time.Second})
	ctx, cancel = context.WithTimeout(t.Context(), 500*time.Millisecond)
	_, err = hung.Feed.List(ctx, nil)
	cancel()
	expect("hang", err, "offline: cannot reach "+host, "timed out")

	// The client's own read budget, spent by quick reads whose deadline
	// leaves no time to wait for the next token (distinct reads, so none
	// is answered from the reads the client keeps).
	var local error
	c := fresh()
	for i := range 20 {
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		_, err := c.Posts.Get(ctx, fmt.Sprintf("post_missing_%d", i))
		cancel()
		if strings.Contains(views.Describe(err), "holding back") {
			local = err
			break
		}
	}
	expect("local budget", local, "holding back", "rate limit")

	// A server failing every answer: the circuit breaker opens.
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error":"internal"}`, http.StatusServiceUnavailable)
	}))
	defer broken.Close()
	// Without the client-side budget, which would pace the 20 requests
	// the breaker looks at over 15 s.
	b, err := api.New(api.WithBaseURL(broken.URL), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	var open error
	for range 40 {
		_, err := b.Posts.List(api.Background(t.Context()), nil)
		if got := views.Describe(err); strings.Contains(got, "holding off") {
			open = err
			break
		}
	}
	expect("breaker", open, "holding off the server", "of its last")
}

// TestStatusFromRealDNSFailure: a host under .invalid (RFC 6761: never
// resolves) is reported as offline, naming the host and the lookup as
// the cause. Resolvers differ: most say "no such host", one without a
// network may only fail the lookup; both are said plainly.
func TestStatusFromRealDNSFailure(t *testing.T) {
	c, err := api.New(api.WithBaseURL("https://imagine-status-test.invalid"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	_, err = c.Posts.List(ctx, nil)
	got := views.Describe(err)
	if !strings.Contains(got, "offline: cannot reach imagine-status-test.invalid") ||
		!strings.Contains(got, "no such host") && !strings.Contains(got, "the host name could not be looked up") {
		t.Fatalf("%q (error: %v)", got, err)
	}
	t.Log(got)
}
