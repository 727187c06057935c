package sandbox_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// The routes of issue 10 behave like the others: 401 without a token where
// one is needed, 404 for missing targets, 400 for bad paging, and the
// rate-limit headers on every answer.
func TestDiscoverRoutesConventions(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	private := []string{
		"POST /api/agents/me/avatar", "DELETE /api/agents/me/avatar", "GET /api/agents/me/webhook", "PATCH /api/agents/me/webhook",
		"DELETE /api/agents/me/webhook", "GET /api/analytics/overview", "GET /api/analytics/posts", "POST /api/bytes",
		"DELETE /api/bytes/byt_x", "POST /api/bytes/byt_x/like", "DELETE /api/bytes/byt_x/like", "POST /api/bytes/byt_x/comments",
		"POST /api/reports",
	}
	for _, r := range private {
		method, path, _ := strings.Cut(r, " ")
		f.do(method, path, "", nil).want(t, http.StatusUnauthorized, "")
	}
	public := []string{"/api/explore", "/api/explore/agents", "/api/search?q=a", "/api/bytes", "/api/agents/nova_assist/similar",
		"/api/agents/nova_assist/xp"}
	for _, p := range public {
		r := f.do("GET", p, "", nil).want(t, http.StatusOK, "")
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
			if r.header.Get(h) == "" {
				t.Errorf("%s: no %s", p, h)
			}
		}
	}
	for _, p := range []string{"/api/bytes/byt_missing", "/api/bytes/byt_missing/comments", "/api/agents/no_such_agent/xp", "/api/agents/no_such_agent/similar"} {
		f.do("GET", p, tok, nil).want(t, http.StatusNotFound, "not_found")
	}
	f.do("GET", "/api/bytes?limit=many", "", nil).want(t, http.StatusBadRequest, "invalid_limit")
	first := f.do("GET", "/api/posts?limit=1", "", nil).want(t, http.StatusOK, "")
	f.do("GET", "/api/bytes?cursor="+first.body["nextCursor"].(string), "", nil).want(t, http.StatusBadRequest, "invalid_cursor")
	f.do("GET", "/api/search", "", nil).want(t, http.StatusBadRequest, "query_required")
	f.do("GET", "/api/explore?section=videos", "", nil).want(t, http.StatusBadRequest, "invalid_section")
	f.do("GET", "/api/analytics/overview?range=1y", tok, nil).want(t, http.StatusBadRequest, "invalid_range")
	f.do("GET", "/api/analytics/posts?sortBy=shares", tok, nil).want(t, http.StatusBadRequest, "invalid_sort")
	f.do("GET", "/api/agents/nova_assist/similar?limit=x", "", nil).want(t, http.StatusBadRequest, "invalid_limit")
	r := f.do("GET", "/api/agents/nova_assist/similar?limit=500", "", nil).want(t, http.StatusOK, "")
	if n := len(r.body["agents"].([]any)); n == 0 || n > 20 {
		t.Errorf("similar limit is clamped to 20: %d", n)
	}
	f.do("POST", "/api/reports", tok, map[string]any{"reason": "SPAM"}).want(t, http.StatusBadRequest, "target_required")
	f.do("POST", "/api/reports", tok, map[string]any{"reason": "MEH", "reportedPostId": "x"}).want(t, http.StatusBadRequest, "invalid_reason")
	f.do("POST", "/api/bytes", tok, map[string]any{"caption": "x"}).want(t, http.StatusBadRequest, "media_id_required")
}

// With AllowHTTPWebhooks a loopback http URL is accepted and receives
// signed events; without it the same URL is refused.
func TestWebhookOverLoopbackHTTP(t *testing.T) {
	got := make(chan *http.Request, 4)
	bodies := make(chan []byte, 4)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- r
		bodies <- b
	}))
	t.Cleanup(hook.Close)

	strict := newFixture(t, sandbox.Options{NoRateLimit: true})
	strict.do("PATCH", "/api/agents/me/webhook", strict.demoToken(), map[string]any{"webhookUrl": hook.URL}).
		want(t, http.StatusBadRequest, "invalid_webhook_url")

	f := newFixture(t, sandbox.Options{NoRateLimit: true, AllowHTTPWebhooks: true})
	tok := f.demoToken()
	f.do("PATCH", "/api/agents/me/webhook", tok, map[string]any{"webhookUrl": "http://example.com/hook"}).
		want(t, http.StatusBadRequest, "invalid_webhook_url")
	r := f.do("PATCH", "/api/agents/me/webhook", tok, map[string]any{"webhookUrl": hook.URL + "/in"}).want(t, http.StatusOK, "")
	secret, _ := r.body["secret"].(string)
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("first configuration shows no secret: %s", r.raw)
	}
	f.s.ActAs("loop_fan").Follow("demo_agent")
	req, body := <-got, <-bodies
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); req.Header.Get("X-Imagine-Signature") != want || req.URL.Path != "/in" {
		t.Fatalf("signature %q, want %q (path %s)", req.Header.Get("X-Imagine-Signature"), want, req.URL.Path)
	}
	var ev struct {
		Type  string `json:"type"`
		Actor struct {
			Handle string `json:"handle"`
		} `json:"actor"`
	}
	if err := json.Unmarshal(body, &ev); err != nil || ev.Type != "follow" || ev.Actor.Handle != "loop_fan" || req.Header.Get("X-Imagine-Timestamp") == "" {
		t.Fatalf("event %s: %v", body, err)
	}
	// Regenerating changes the secret; a plain change does not show it.
	r = f.do("PATCH", "/api/agents/me/webhook", tok, map[string]any{"regenerateSecret": true}).want(t, http.StatusOK, "")
	if s, _ := r.body["secret"].(string); s == "" || s == secret {
		t.Errorf("regenerated secret %q", s)
	}
	r = f.do("PATCH", "/api/agents/me/webhook", tok, map[string]any{"webhookUrl": hook.URL + "/other"}).want(t, http.StatusOK, "")
	if _, shown := r.body["secret"]; shown {
		t.Errorf("secret shown without regenerateSecret: %s", r.raw)
	}
	r = f.do("GET", "/api/agents/me/webhook", tok, nil).want(t, http.StatusOK, "")
	if _, shown := r.body["secret"]; shown || r.body["hasSecret"] != true {
		t.Errorf("GET: %s", r.raw)
	}
}

// Deleting someone else's Byte is forbidden; one's own goes with its
// comments.
func TestByteOwnership(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	var list struct {
		Bytes []struct {
			ID    string `json:"id"`
			Agent struct {
				Handle string `json:"handle"`
			} `json:"agent"`
		} `json:"bytes"`
	}
	f.do("GET", "/api/bytes?limit=100", tok, nil).want(t, http.StatusOK, "").decode(t, &list)
	var mine, theirs string
	for _, b := range list.Bytes {
		if b.Agent.Handle == "demo_agent" {
			mine = b.ID
		} else {
			theirs = b.ID
		}
	}
	if mine == "" || theirs == "" {
		t.Fatalf("the seeded Bytes: %+v", list)
	}
	f.do("DELETE", "/api/bytes/"+theirs, tok, nil).want(t, http.StatusForbidden, "forbidden")
	f.do("POST", "/api/bytes/"+mine+"/comments", tok, map[string]any{"content": strings.Repeat("x", 501)}).want(t, http.StatusBadRequest, "content_too_long")
	f.do("DELETE", "/api/bytes/"+mine, tok, nil).want(t, http.StatusOK, "")
	f.do("GET", "/api/bytes/"+mine+"/comments", tok, nil).want(t, http.StatusNotFound, "not_found")
}

// The living world publishes Bytes now and then, as other agents.
func TestPulsesPublishBytes(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	demo := f.s.ActAs("demo_agent").ID()
	n := 0
	for range 300 {
		for _, e := range f.s.Pulse() {
			if e.Type == sandbox.EventByte {
				if e.ActorID == demo {
					t.Fatal("the living world published a Byte as the demo agent")
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Error("300 pulses published no Byte")
	}
}
