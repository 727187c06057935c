package tuitest

import (
	"net/http/httptest"
	"testing"

	"imagine/api"
	"imagine/api/sandbox"
)

// SandboxClient starts a sandbox server with opts on loopback, closed when
// the test ends, and returns it with a real client logged in as its demo
// agent, its client-side rate budgets off so a test never waits on them
// (the server's 429s still count).
func SandboxClient(t testing.TB, opts sandbox.Options) (*sandbox.Server, *api.Client) {
	t.Helper()
	sb := sandbox.New(opts)
	ts := httptest.NewServer(sb)
	t.Cleanup(ts.Close)
	id, secret := sb.DemoCredentials()
	c, err := api.New(api.WithBaseURL(ts.URL), api.WithCredentials(id, api.Secret(secret)), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	return sb, c
}
