package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"imagine/api"
)

func TestSkew(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ lifetime, want time.Duration }{
		{time.Hour, 300 * time.Second},
		{20 * time.Minute, 120 * time.Second},
		{2 * time.Minute, 30 * time.Second},
		{40 * time.Second, 20 * time.Second},
		{2 * time.Second, time.Second},
	} {
		if got := api.Skew(tt.lifetime); got != tt.want {
			t.Errorf("skew(%v) = %v, want %v", tt.lifetime, got, tt.want)
		}
	}
}

// grants records the grant types the token endpoint receives and answers
// with tokens of the given lifetime.
type grants struct {
	mu    sync.Mutex
	types []string
}

func (g *grants) handler(s *stub, expiresIn int, fail map[string]int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body map[string]string
		_ = json.NewDecoder(r.Body).Decode(&body)
		g.mu.Lock()
		g.types = append(g.types, body["grant_type"])
		g.mu.Unlock()
		if code := fail[body["grant_type"]]; code != 0 {
			jsonReply(code, `{"error":"invalid_grant","error_description":"nope"}`)(w, r)
			return
		}
		if body["grant_type"] == "client_credentials" && (body["client_id"] != "client_1" || body["client_secret"] != testSecret) {
			jsonReply(401, `{"error":"invalid_client"}`)(w, r)
			return
		}
		n := s.tokens.Load()
		jsonReply(200, fmt.Sprintf(`{"access_token":"iat_tok%d","token_type":"Bearer","expires_in":%d,"refresh_token":"iar_ref%d"}`, n, expiresIn, n))(w, r)
	}
}

func (g *grants) list() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.types...)
}

func TestTokenRefreshBeforeExpiry(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var g grants
	s.handleToken(g.handler(s, 600, nil)) // 10 min lifetime → 60 s skew
	s.reply("GET /api/agents/me", 200, `{"id":"a1","handle":"me_agent"}`)
	c, clock := newClient(t, s.URL)
	for _, step := range []time.Duration{0, 500 * time.Second, 39 * time.Second, 2 * time.Second, 100 * time.Second} {
		clock.Advance(step)
		if _, err := c.Agents.Me(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	// t=0 grant; t=500 fresh; t=539 fresh; t=541 (≥ 600−60) refresh;
	// t=641 fresh (new token from 541).
	if got := fmt.Sprint(g.list()); got != "[client_credentials refresh_token]" {
		t.Errorf("grants %s", got)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if last := s.auths[len(s.auths)-1]; last != "Bearer iat_tok2" {
		t.Errorf("last request used %q, want the refreshed token", last)
	}
}

func TestRefreshFailureFallsBackToClientCredentials(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var g grants
	s.handleToken(g.handler(s, 600, map[string]int{"refresh_token": 400}))
	s.reply("GET /api/feed", 200, `{"posts":[]}`)
	c, clock := newClient(t, s.URL)
	for range 3 {
		if _, err := c.Feed.List(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
		clock.Advance(590 * time.Second)
	}
	want := "[client_credentials refresh_token client_credentials refresh_token client_credentials]"
	if got := fmt.Sprint(g.list()); got != want {
		t.Errorf("grants %s, want %s", got, want)
	}
}

func TestBadCredentialsRejectedWithoutRetry(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.handleToken(jsonReply(400, `{"error":"invalid_client","error_description":"Unknown client"}`))
	c, _ := newClient(t, s.URL)
	_, err := c.Feed.List(t.Context(), nil)
	var e *api.Error
	if !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &e) || e.Code != "invalid_client" || e.Message != "Unknown client" {
		t.Errorf("err = %v", err)
	}
	if n := s.tokens.Load(); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
	if s.count("GET /api/feed") != 0 {
		t.Error("the API call went out without a token")
	}
	if err := c.Auth.Token(t.Context()); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("Auth.Token: %v", err)
	}
}

func TestTokenEndpointServerErrorsRetried(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var g grants
	s.handleToken(sequence(jsonReply(500, `{}`), jsonReply(502, `{}`), g.handler(s, 3600, nil)))
	c, _ := newClient(t, s.URL)
	if err := c.Auth.Token(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := s.tokens.Load(); n != 3 {
		t.Errorf("%d token requests, want 3", n)
	}
}

func TestRetryOnceAfter401(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	unauthorized := jsonReply(401, `{"error":"invalid_token"}`)
	s.handle("GET /api/agents/me", sequence(unauthorized, jsonReply(200, `{"id":"a1","handle":"me_agent"}`)))
	s.handle("POST /api/posts", sequence(unauthorized, jsonReply(201, `{"post":`+postJSON+`}`)))
	s.reply("GET /api/feed", 401, `{"error":"invalid_token"}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Agents.Me(t.Context()); err != nil {
		t.Fatalf("GET after one 401: %v", err)
	}
	if _, err := c.Posts.Create(t.Context(), &api.PostCreateRequest{Content: "hi"}); err != nil {
		t.Fatalf("POST after one 401: %v", err)
	}
	if s.count("GET /api/agents/me") != 2 || s.count("POST /api/posts") != 2 || s.tokens.Load() != 3 {
		t.Errorf("me %d, posts %d, tokens %d; want 2, 2, 3", s.count("GET /api/agents/me"), s.count("POST /api/posts"), s.tokens.Load())
	}
	before := s.tokens.Load()
	_, err := c.Feed.List(t.Context(), nil)
	if !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("401 twice: err = %v", err)
	}
	if s.count("GET /api/feed") != 2 || s.tokens.Load()-before != 1 {
		t.Errorf("401 twice: %d requests, %d token fetches; want 2 and 1", s.count("GET /api/feed"), s.tokens.Load()-before)
	}
}

func TestConcurrentCallersShareOneTokenFetch(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	var g grants
	slow := g.handler(s, 3600, nil)
	s.handleToken(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		slow(w, r)
	})
	s.reply("GET /api/posts/p1", 200, postJSON)
	c, _ := newClient(t, s.URL, api.WithBudgets(false))

	// The first caller gives up while the fetch runs; the others must
	// still get the token fetched on their behalf (detached context).
	first, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	wg.Go(func() {
		// Normally cancelled mid-fetch; on a very slow machine it may
		// already be done. Either way it must not break the others.
		_, err := c.Posts.Get(first, "p1")
		if err != nil && !errors.Is(err, context.Canceled) {
			errs <- fmt.Errorf("cancelled caller: %v", err)
		}
	})
	time.Sleep(50 * time.Millisecond)
	cancel()
	for range 49 {
		wg.Go(func() {
			if _, err := c.Posts.Get(t.Context(), "p1"); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := s.tokens.Load(); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
}

func TestNoCredentials(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/posts", 200, `{"posts":[]}`)
	c, err := api.New(api.WithBaseURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Feed.List(t.Context(), nil); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("feed without credentials: %v", err)
	}
	if err := c.Auth.Token(t.Context()); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("Token without credentials: %v", err)
	}
	if _, err := c.Posts.List(t.Context(), nil); err != nil {
		t.Errorf("public timeline without credentials: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.auths[0] != "" || s.tokens.Load() != 0 || c.HasCredentials() {
		t.Errorf("anonymous call sent %q after %d token requests", s.auths[0], s.tokens.Load())
	}
	if _, err := api.New(api.WithCredentials("id", "")); !errors.Is(err, api.ErrNoCredentials) {
		t.Errorf("empty secret accepted: %v", err)
	}
}
