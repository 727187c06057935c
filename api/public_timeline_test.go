package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// heldSandbox serves a sandbox whose token endpoint answers only once
// release is closed, so a test can see what works before sign-in ends.
func heldSandbox(t *testing.T, wrap func(http.Handler) http.Handler) (*sandbox.Server, *api.Client) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Seed: 1})
	ts := httptest.NewServer(wrap(srv))
	t.Cleanup(ts.Close)
	id, secret := srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(ts.URL), api.WithCredentials(id, api.Secret(secret)), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestPublicTimelineDoesNotWaitForSignIn(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	srv, c := heldSandbox(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/auth/token" {
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			h.ServeHTTP(w, r)
		})
	})
	t.Cleanup(open) // before the server closes, should the test fail early
	ctx := t.Context()
	feedDone := make(chan error, 1)
	go func() {
		_, err := c.Feed.List(ctx, nil)
		feedDone <- err
	}()

	// A read that waited for the token would wait forever here.
	quick, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	page, err := c.Posts.List(quick, nil)
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("public timeline while sign-in is held: %v", err)
	}
	// The token manager is not weakened: the home feed still waits.
	select {
	case err := <-feedDone:
		t.Fatalf("the home feed answered (%v) before a token was issued", err)
	case <-time.After(100 * time.Millisecond):
	}
	open()
	if err := <-feedDone; err != nil {
		t.Fatalf("home feed after sign-in: %v", err)
	}

	// Once signed in, the timeline is read with the token again: a post
	// the demo agent liked shows as liked.
	me, err := c.Agents.Me(ctx)
	if err != nil {
		t.Fatal(err)
	}
	liked := srv.ActAs("other_agent").Post("like me, eagerly")
	srv.ActAs(me.Handle).Like(liked)
	page, err = c.Posts.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 || page.Items[0].ID != liked {
		t.Fatal("the newest post is not the one just liked")
	}
	if !page.Items[0].IsLiked {
		t.Error("after sign-in the public timeline was read without the token (isLiked false)")
	}
}

func TestPublicTimelineTakesATokenWhenTheServerWantsOne(t *testing.T) {
	t.Parallel()
	var anonymous atomic.Int32
	_, c := heldSandbox(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/posts" && r.Header.Get("Authorization") == "" {
				anonymous.Add(1)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusUnauthorized)
				_, _ = w.Write([]byte(`{"error":"unauthorized","message":"sign in"}`))
				return
			}
			h.ServeHTTP(w, r)
		})
	})
	page, err := c.Posts.List(t.Context(), nil)
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("public timeline from a server that wants a token: %v", err)
	}
	if n := anonymous.Load(); n != 1 {
		t.Errorf("%d anonymous requests, want 1 before the one with a token", n)
	}
}
