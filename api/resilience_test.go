package api_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

const tokenRoute = "POST /api/auth/token"

func TestSandboxTokenExpiresAndRefreshes(t *testing.T) {
	t.Parallel()
	// 2 s tokens: the client uses one for 1 s (skew = lifetime/2).
	e := newEnv(t, sandbox.Options{TokenTTL: 2 * time.Second})
	ctx := t.Context()
	for i := range 5 {
		if _, err := e.c.Agents.Me(ctx); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		e.clock.Advance(1500 * time.Millisecond) // past the skew: a new token each time
	}
	if n := e.hits(tokenRoute); n != 5 {
		t.Errorf("%d token requests for 5 calls 1.5 s apart, want 5", n)
	}
	for i := range 5 {
		if _, err := e.c.Feed.List(ctx, &api.ListOptions{Limit: 1}); err != nil {
			t.Fatalf("quick call %d: %v", i, err)
		}
		e.clock.Advance(100 * time.Millisecond)
	}
	if n := e.hits(tokenRoute); n != 6 {
		t.Errorf("%d token requests after 5 calls within one token's life, want 6", n)
	}
	// The sandbox rotates refresh tokens: a refresh that reused an old one
	// would have failed and fallen back, so count the calls that succeeded
	// instead: every API call went through.
	if e.hits("GET /api/agents/me") != 5 || e.hits("GET /api/feed") != 5 {
		t.Errorf("API calls were repeated: %v", e.srv.Stats().ByRoute)
	}
}

func TestSandboxRetryAfter401(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	e.srv.InjectOnce(http.MethodGet, "/api/agents/me", sandbox.Fault{Status: 401})
	if _, err := e.c.Agents.Me(ctx); err != nil {
		t.Fatalf("GET after an injected 401: %v", err)
	}
	if e.hits("GET /api/agents/me") != 2 || e.hits(tokenRoute) != 2 {
		t.Errorf("GET: %d requests, %d token requests; want 2 and 2", e.hits("GET /api/agents/me"), e.hits(tokenRoute))
	}

	e.srv.InjectOnce(http.MethodPost, "/api/posts", sandbox.Fault{Status: 401})
	const content = "posted exactly once after a 401"
	if _, err := e.c.Posts.Create(ctx, &api.PostCreateRequest{Content: content}); err != nil {
		t.Fatalf("POST after an injected 401: %v", err)
	}
	if e.hits("POST /api/posts") != 2 || e.hits(tokenRoute) != 3 {
		t.Errorf("POST: %d requests, %d token requests; want 2 and 3", e.hits("POST /api/posts"), e.hits(tokenRoute))
	}
	if n := countMyPosts(t, e, content); n != 1 {
		t.Errorf("the post exists %d times, want once", n)
	}
}

// countMyPosts counts the demo agent's posts with this content on the
// first page of the public timeline (newest first).
func countMyPosts(t *testing.T, e *env, content string) int {
	t.Helper()
	page, err := e.c.Posts.List(t.Context(), &api.ListOptions{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range page.Items {
		if p.Content == content && p.Agent.Handle == "demo_agent" {
			n++
		}
	}
	return n
}

func TestSandbox429Honoured(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	if _, err := e.c.Feed.List(ctx, nil); err != nil { // token and first read
		t.Fatal(err)
	}
	e.srv.InjectOnce(http.MethodGet, "/api/feed", sandbox.Fault{Status: 429, RetryAfter: 3 * time.Second})
	start := e.clock.Now()
	if _, err := e.c.Feed.List(ctx, nil); err != nil {
		t.Fatalf("after a 429: %v", err)
	}
	if waited := e.clock.Now().Sub(start); waited < 3*time.Second || waited > 4*time.Second {
		t.Errorf("waited %v, want the advertised 3 s (+ jitter)", waited)
	}
	if n := e.hits("GET /api/feed"); n != 3 {
		t.Errorf("%d feed requests, want 3", n)
	}

	// When the wait does not fit the caller's deadline: fail at once.
	e.srv.InjectOnce(http.MethodGet, "/api/feed", sandbox.Fault{Status: 429, RetryAfter: 30 * time.Second})
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := e.c.Feed.List(short, nil)
	var rl *api.RateLimitError
	if !errors.As(err, &rl) || rl.Wait < 30*time.Second || rl.Rate.Remaining != 0 {
		t.Errorf("err = %v (%+v)", err, rl)
	}
	if n := e.hits("GET /api/feed"); n != 4 {
		t.Errorf("%d feed requests, want 4", n)
	}
}

func TestSandboxBudgetAvoids429(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{}) // the documented limits are enforced
	ctx := t.Context()
	for i := range 200 {
		if _, err := e.c.Posts.Get(ctx, e.firstPostID(t)); err != nil {
			t.Fatalf("read %d: %v", i, err)
		}
	}
	st := e.srv.Stats()
	if st.RateLimited != 0 {
		t.Errorf("the sandbox refused %d requests with 429", st.RateLimited)
	}
	if got := st.ByRoute["GET /api/posts/{id}"]; got != 200 {
		t.Errorf("%d reads reached the server, want 200", got)
	}
	// 200 reads at ≤ 10 + 50/min take more than three minutes of (fake) time.
	if len(e.clock.Slept()) == 0 {
		t.Error("the budget never made the client wait")
	}
}

// firstPostID returns a seeded post ID, fetched once per env.
func (e *env) firstPostID(t *testing.T) string {
	t.Helper()
	if e.postID == "" {
		e.postID = e.otherPost(t, "read me many times")
	}
	return e.postID
}

func TestSandboxWriteTimeoutNotResent(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	ctx := t.Context()
	if err := e.c.Auth.Token(ctx); err != nil {
		t.Fatal(err)
	}
	e.srv.InjectOnce(http.MethodPost, "/api/posts", sandbox.Fault{AfterProcessing: true, Delay: 5 * time.Second})
	// The server holds its answer for 5 s after processing; the caller
	// gives up after 1 s.
	short, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	const content = "did this get through?"
	_, err := e.c.Posts.Create(short, &api.PostCreateRequest{Content: content})
	var uo *api.UnknownOutcomeError
	if !errors.As(err, &uo) || !errors.Is(err, api.ErrUnknownOutcome) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want *UnknownOutcomeError", err)
	}
	if n := e.hits("POST /api/posts"); n != 1 {
		t.Errorf("%d POSTs, want exactly 1", n)
	}
	if n := countMyPosts(t, e, content); n != 1 {
		t.Errorf("the server processed the post %d times, want once", n)
	}
}

// TestSandboxASignInOverTheLimitIsWaitedOut: every command of a script is
// a new client and takes a token; past the sign-in limit (10 a minute
// from one address) the token request is refused with 429, and the
// command waits it out, as it does any call's, instead of failing.
func TestSandboxASignInOverTheLimitIsWaitedOut(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sandbox.Options{})
	id, secret := e.srv.DemoCredentials()
	for i := range 12 {
		c, err := api.New(api.WithBaseURL(e.url), api.WithCredentials(id, api.Secret(secret)),
			api.WithClock(e.clock.Now), api.WithSleep(e.clock.Sleep), api.WithRateWaits(1))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Agents.Me(t.Context()); err != nil {
			t.Fatalf("command %d: %v", i+1, err)
		}
	}
	if n := e.hits(tokenRoute); n <= 12 {
		t.Fatalf("test premise: some token request was refused (%d for 12 commands)", n)
	}
	if len(e.clock.Slept()) == 0 {
		t.Error("no wait for the sign-in limit")
	}
}
