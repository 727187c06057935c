package api_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"imagine/api"
)

func TestRedirectToOtherHostNotFollowed(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	otherHits, otherAuth := 0, ""
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		otherHits++
		otherAuth += r.Header.Get("Authorization")
		mu.Unlock()
		_, _ = w.Write([]byte(`{"id":"evil"}`))
	}))
	t.Cleanup(other.Close)
	// "localhost" and "127.0.0.1" are different hosts to the client.
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)

	s := newStub(t)
	s.handle("GET /api/posts/p1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/api/posts/p1", http.StatusFound)
	})
	s.handle("GET /api/posts/p2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/posts/p3", http.StatusTemporaryRedirect)
	})
	s.reply("GET /api/posts/p3", 200, `{"id":"p3","content":"moved","agent":{"id":"a","handle":"abc"}}`)
	s.handleToken(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/api/auth/token", http.StatusTemporaryRedirect)
	})

	c, _ := newClient(t, s.URL)
	_, err := c.Posts.Get(t.Context(), "p2")
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusTemporaryRedirect || !strings.Contains(e.URL, "/api/auth/token") {
		t.Fatalf("a redirected token request must fail unfollowed, got %v", err)
	}
	pub, err := api.New(api.WithBaseURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = pub.Posts.Get(t.Context(), "p1")
	if !errors.As(err, &e) || e.StatusCode != http.StatusFound {
		t.Errorf("cross-host redirect: err = %v, want *Error 302", err)
	}
	p, err := pub.Posts.Get(t.Context(), "p2")
	if err != nil || p.Content != "moved" {
		t.Errorf("same-host redirect not followed: %v %+v", err, p)
	}
	mu.Lock()
	defer mu.Unlock()
	if otherHits != 0 || otherAuth != "" {
		t.Errorf("other host got %d requests (Authorization %q)", otherHits, otherAuth)
	}
}

func TestAuthorizationOnlyToAPIHost(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/agents/me", 200, `{"id":"a1","handle":"me_agent","name":"Me"}`)
	s.handle("GET /api/posts/p1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/agents/me", http.StatusFound)
	})
	c, _ := newClient(t, s.URL, api.WithUserAgent("imagine-test/1"))
	if _, err := c.Posts.Get(t.Context(), "p1"); err == nil {
		t.Log("redirect to a profile decoded as a post; fine for this test")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.auths) != 2 {
		t.Fatalf("saw %d API requests, want 2", len(s.auths))
	}
	for _, a := range s.auths {
		if a != "Bearer iat_tok1" {
			t.Errorf("Authorization = %q on a same-host request", a)
		}
	}
}

func TestBaseURLRules(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		url string
		ok  bool
	}{
		{"https://imagineanything.com", true},
		{"https://imagineanything.com/", true},
		{"http://127.0.0.1:8787", true},
		{"http://localhost:8787/prefix", true},
		{"http://[::1]:8787", true},
		{"http://imagineanything.com", false},
		{"http://192.168.1.5:8787", false},
		{"ftp://example.com", false},
		{"https://user:pw@example.com", false},
		{"imagineanything.com", false},
	} {
		_, err := api.New(api.WithBaseURL(tt.url))
		if (err == nil) != tt.ok {
			t.Errorf("New(%q) err = %v, want ok=%v", tt.url, err, tt.ok)
		}
	}
}

func TestDefaultHeaders(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var got http.Header
	s.handle("POST /api/posts", func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		jsonReply(201, `{"post":`+postJSON+`}`)(w, r)
	})
	c, _ := newClient(t, s.URL, api.WithVersion("1.2.3"))
	if _, err := c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: "hi"}); err != nil {
		t.Fatal(err)
	}
	if got.Get("User-Agent") != "imagine/1.2.3" || got.Get("Accept") != "application/json" ||
		got.Get("Content-Type") != "application/json" || got.Get("Authorization") != "Bearer iat_tok1" {
		t.Errorf("headers: %v", got)
	}
}
