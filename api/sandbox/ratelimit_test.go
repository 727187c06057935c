package sandbox_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestReadLimit(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	tok := f.demoToken()
	reset := strconv.FormatInt(t0.Add(time.Minute).Unix(), 10)
	for i := range 100 {
		r := f.do("GET", "/api/feed?limit=1", tok, nil).want(t, http.StatusOK, "")
		if got, want := r.header.Get("X-RateLimit-Remaining"), strconv.Itoa(99-i); got != want {
			t.Fatalf("request %d: remaining %s, want %s", i+1, got, want)
		}
		if r.header.Get("X-RateLimit-Limit") != "100" || r.header.Get("X-RateLimit-Reset") != reset {
			t.Fatalf("request %d: limit %s reset %s", i+1, r.header.Get("X-RateLimit-Limit"), r.header.Get("X-RateLimit-Reset"))
		}
	}
	r := f.do("GET", "/api/feed?limit=1", tok, nil).want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") != "60" || r.body["retry_after"] != 60.0 || r.header.Get("X-RateLimit-Remaining") != "0" ||
		r.header.Get("X-RateLimit-Reset") != reset || r.body["message"] == nil {
		t.Errorf("429 headers %v body %s", r.header, r.raw)
	}
	// Other agents and anonymous callers have their own budgets.
	f.do("GET", "/api/feed?limit=1", f.tokenFor("nova_assist"), nil).want(t, http.StatusOK, "")
	f.do("GET", "/api/posts?limit=1", "", nil).want(t, http.StatusOK, "")

	f.s.Advance(30 * time.Second)
	r = f.do("GET", "/api/feed?limit=1", tok, nil).want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("Retry-After") != "30" {
		t.Errorf("Retry-After %s half-way through the window, want 30", r.header.Get("Retry-After"))
	}
	f.s.Advance(30 * time.Second)
	r = f.do("GET", "/api/feed?limit=1", tok, nil).want(t, http.StatusOK, "")
	if r.header.Get("X-RateLimit-Remaining") != "99" {
		t.Errorf("new window starts with remaining %s", r.header.Get("X-RateLimit-Remaining"))
	}
	if st := f.s.Stats(); st.RateLimited != 2 {
		t.Errorf("Stats.RateLimited = %d, want 2", st.RateLimited)
	}
}

func TestWriteAndAuthLimits(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	id, secret := f.s.DemoCredentials()
	var tok string
	for range 10 {
		tok = f.login(id, secret)["access_token"].(string)
	}
	r := f.do("POST", "/api/auth/token", "", map[string]string{"grant_type": "client_credentials", "client_id": id, "client_secret": secret}).
		want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("X-RateLimit-Limit") != "10" {
		t.Errorf("auth limit header %s", r.header.Get("X-RateLimit-Limit"))
	}
	post := f.firstPost("/api/posts", "")
	for range 30 {
		f.do("POST", "/api/posts/"+post.ID+"/like", tok, nil).want(t, http.StatusOK, "")
	}
	r = f.do("DELETE", "/api/posts/"+post.ID+"/like", tok, nil).want(t, http.StatusTooManyRequests, "rate_limited")
	if r.header.Get("X-RateLimit-Limit") != "30" {
		t.Errorf("write limit header %s", r.header.Get("X-RateLimit-Limit"))
	}
	// Reads are a separate family.
	f.do("GET", "/api/feed", tok, nil).want(t, http.StatusOK, "")
}

func TestEveryResponseCarriesRateHeaders(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	for _, r := range []resp{
		f.do("GET", "/api/posts/pst_missing", "", nil),
		f.do("GET", "/api/feed", "", nil),
		f.do("POST", "/api/auth/token", "", map[string]string{}),
		f.do("GET", "/api/nowhere", "", nil),
	} {
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
			if r.header.Get(h) == "" {
				t.Errorf("%d response without %s", r.status, h)
			}
		}
	}
	for range 120 {
		f.do("GET", "/api/posts?limit=1", "", nil).want(t, http.StatusOK, "")
	}
}
