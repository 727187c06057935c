package sandbox_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestRegisterValidation(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"ok", map[string]string{"handle": "new_bot", "name": "New Bot", "agentType": "CREATIVE"}, 201, ""},
		{"duplicate of a seeded handle", map[string]string{"handle": "demo_agent", "name": "X"}, 409, "handle_taken"},
		{"too short", map[string]string{"handle": "ab", "name": "X"}, 400, "invalid_handle"},
		{"upper case", map[string]string{"handle": "NewBot", "name": "X"}, 400, "invalid_handle"},
		{"starts with digit", map[string]string{"handle": "1bot", "name": "X"}, 400, "invalid_handle"},
		{"too long", map[string]string{"handle": "a" + strings.Repeat("b", 30), "name": "X"}, 400, "invalid_handle"},
		{"missing handle", map[string]string{"name": "X"}, 400, "handle_required"},
		{"missing name", map[string]string{"handle": "no_name"}, 400, "name_required"},
		{"blank name", map[string]string{"handle": "blank_name", "name": "   "}, 400, "name_required"},
		{"bad agent type", map[string]string{"handle": "bad_type", "name": "X", "agentType": "ROBOT"}, 400, "invalid_agent_type"},
		{"bad website", map[string]string{"handle": "bad_site", "name": "X", "websiteUrl": "javascript:alert(1)"}, 400, "invalid_url"},
		{"not JSON", "handle=x", 400, "invalid_json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.do("POST", "/api/auth/register", "", tc.body).want(t, tc.status, tc.code)
		})
	}
}

func TestRegisterThenLogin(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	r := f.do("POST", "/api/auth/register", "", map[string]string{
		"handle": "fresh_agent", "name": "Fresh Agent", "bio": "hi",
	}).want(t, http.StatusCreated, "")
	for _, k := range []string{"id", "handle", "name", "clientId", "clientSecret", "message"} {
		if s, _ := r.body[k].(string); s == "" {
			t.Errorf("register response lacks %s: %s", k, r.raw)
		}
	}
	tok := f.login(r.body["clientId"].(string), r.body["clientSecret"].(string))
	me := f.do("GET", "/api/agents/me", tok["access_token"].(string), nil).want(t, http.StatusOK, "")
	if me.body["handle"] != "fresh_agent" || me.body["agentType"] != "ASSISTANT" {
		t.Errorf("me = %s", me.raw)
	}
}

func TestTokenGrant(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	id, secret := f.s.DemoCredentials()
	body := f.login(id, secret)
	access, _ := body["access_token"].(string)
	refresh, _ := body["refresh_token"].(string)
	if !strings.HasPrefix(access, "iat_") || !strings.HasPrefix(refresh, "iar_") {
		t.Errorf("token prefixes: %v", body)
	}
	if body["token_type"] != "Bearer" || body["expires_in"] != 3600.0 || body["scope"] != "read write" {
		t.Errorf("token response: %v", body)
	}
}

func TestTokenErrors(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	id, _ := f.s.DemoCredentials()
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"wrong secret", map[string]string{"grant_type": "client_credentials", "client_id": id, "client_secret": "nope"}, 401, "invalid_client"},
		{"unknown client", map[string]string{"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"}, 401, "invalid_client"},
		{"missing secret", map[string]string{"grant_type": "client_credentials", "client_id": id}, 400, "invalid_request"},
		{"missing grant", map[string]string{"client_id": id}, 400, "invalid_request"},
		{"unsupported grant", map[string]string{"grant_type": "password"}, 400, "unsupported_grant_type"},
		{"bad refresh token", map[string]string{"grant_type": "refresh_token", "refresh_token": "iar_nope"}, 400, "invalid_grant"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := f.do("POST", "/api/auth/token", "", tc.body).want(t, tc.status, tc.code)
			if d, _ := r.body["error_description"].(string); d == "" {
				t.Errorf("token error without error_description: %s", r.raw)
			}
		})
	}
}

func TestRefreshRotates(t *testing.T) {
	f := newFixture(t, sandbox.Options{})
	id, secret := f.s.DemoCredentials()
	first := f.login(id, secret)
	r := f.do("POST", "/api/auth/token", "", map[string]string{
		"grant_type": "refresh_token", "refresh_token": first["refresh_token"].(string),
	}).want(t, http.StatusOK, "")
	if r.body["access_token"] == first["access_token"] || r.body["refresh_token"] == first["refresh_token"] {
		t.Fatalf("refresh did not issue new tokens: %s", r.raw)
	}
	f.do("GET", "/api/feed", r.body["access_token"].(string), nil).want(t, http.StatusOK, "")
	f.do("POST", "/api/auth/token", "", map[string]string{
		"grant_type": "refresh_token", "refresh_token": first["refresh_token"].(string),
	}).want(t, http.StatusBadRequest, "invalid_grant")
}

func TestTokenExpiry(t *testing.T) {
	f := newFixture(t, sandbox.Options{TokenTTL: 90 * time.Second})
	id, secret := f.s.DemoCredentials()
	body := f.login(id, secret)
	if body["expires_in"] != 90.0 {
		t.Errorf("expires_in = %v, want 90", body["expires_in"])
	}
	tok := body["access_token"].(string)
	f.do("GET", "/api/feed", tok, nil).want(t, http.StatusOK, "")
	f.s.Advance(89 * time.Second)
	f.do("GET", "/api/feed", tok, nil).want(t, http.StatusOK, "")
	f.s.Advance(time.Second)
	r := f.do("GET", "/api/feed", tok, nil).want(t, http.StatusUnauthorized, "invalid_token")
	if r.body["message"] != "Access token expired" {
		t.Errorf("message = %v", r.body["message"])
	}
	// A public endpoint refuses the expired token too rather than silently
	// answering anonymously, so the client learns it must refresh.
	f.do("GET", "/api/posts", tok, nil).want(t, http.StatusUnauthorized, "invalid_token")
	f.do("GET", "/api/posts", "", nil).want(t, http.StatusOK, "")
	// The refresh token outlives the access token.
	f.do("POST", "/api/auth/token", "", map[string]string{
		"grant_type": "refresh_token", "refresh_token": body["refresh_token"].(string),
	}).want(t, http.StatusOK, "")
}

func TestAuthRequired(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	post := f.firstPost("/api/posts", "")
	for _, tc := range []struct{ method, path string }{
		{"GET", "/api/feed"},
		{"GET", "/api/agents/me"},
		{"POST", "/api/posts"},
		{"DELETE", "/api/posts/" + post.ID},
		{"POST", "/api/posts/" + post.ID + "/like"},
		{"POST", "/api/posts/" + post.ID + "/comments"},
		{"POST", "/api/posts/" + post.ID + "/view"},
		{"POST", "/api/agents/nova_assist/follow"},
		{"GET", "/api/agents/nova_assist/follow"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := f.do(tc.method, tc.path, "", nil).want(t, http.StatusUnauthorized, "unauthorized")
			if r.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			f.do(tc.method, tc.path, "iat_forged", nil).want(t, http.StatusUnauthorized, "invalid_token")
		})
	}
	// Public reads work anonymously.
	for _, p := range []string{"/api/posts", "/api/posts/" + post.ID, "/api/posts/" + post.ID + "/likes",
		"/api/posts/" + post.ID + "/comments", "/api/posts/" + post.ID + "/reposts", "/api/agents/nova_assist",
		"/api/agents/nova_assist/followers", "/api/agents/nova_assist/following", "/api/agents"} {
		f.do("GET", p, "", nil).want(t, http.StatusOK, "")
	}
}
