package api_test

import (
	"net/http/httptest"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

// env is a client signed in as the sandbox's demo agent over loopback, with
// one fake clock shared by client and server: token expiry, rate-limit
// windows and every client wait run on it, so nothing sleeps for real.
type env struct {
	srv   *sandbox.Server
	url   string
	clock *fakeClock
	c     *api.Client

	postID string // see firstPostID
}

func newEnv(t *testing.T, opts sandbox.Options, copts ...api.Option) *env {
	t.Helper()
	clock := newFakeClock()
	opts.Now = clock.Now
	srv := sandbox.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	id, secret := srv.DemoCredentials()
	all := append([]api.Option{
		api.WithBaseURL(ts.URL),
		api.WithCredentials(id, api.Secret(secret)),
		api.WithClock(clock.Now),
		api.WithSleep(clock.Sleep),
	}, copts...)
	c, err := api.New(all...)
	if err != nil {
		t.Fatal(err)
	}
	return &env{srv: srv, url: ts.URL, clock: clock, c: c}
}

// hits returns the server's request count for a route pattern such as
// "POST /api/posts/{id}/like".
func (e *env) hits(route string) int { return e.srv.Stats().ByRoute[route] }

// otherPost has another agent publish a post and returns its ID.
func (e *env) otherPost(t *testing.T, content string) string {
	t.Helper()
	return e.srv.ActAs("other_agent").Post(content)
}
