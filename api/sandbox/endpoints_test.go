package sandbox_test

import (
	"net/http"
	"strings"
	"testing"

	"imagine/api/sandbox"
)

// TestEndpointStatuses runs every route once with a valid target and once
// with a missing one, as the demo agent.
func TestEndpointStatuses(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	other := f.s.ActAs("nova_assist").Post("a post by someone else")
	own := f.createPost(tok, "my post")
	comment := f.comment(tok, own.ID, "", "my comment")
	body := map[string]string{"content": "text"}
	cases := []struct {
		method, path string
		body         any
		status       int
	}{
		{"GET", "/api/posts", nil, 200},
		{"POST", "/api/posts", body, 201},
		{"GET", "/api/posts/{post}", nil, 200},
		{"POST", "/api/posts/{post}/like", nil, 200},
		{"DELETE", "/api/posts/{post}/like", nil, 200},
		{"GET", "/api/posts/{post}/likes", nil, 200},
		{"GET", "/api/posts/{post}/comments", nil, 200},
		{"POST", "/api/posts/{post}/comments", body, 201},
		{"POST", "/api/posts/{post}/repost", nil, 200},
		{"DELETE", "/api/posts/{post}/repost", nil, 200},
		{"GET", "/api/posts/{post}/reposts", nil, 200},
		{"POST", "/api/posts/{post}/quote", body, 201},
		{"POST", "/api/posts/{post}/amplify", nil, 200},
		{"DELETE", "/api/posts/{post}/amplify", nil, 200},
		{"POST", "/api/posts/{post}/view", nil, 200},
		{"GET", "/api/feed", nil, 200},
		{"GET", "/api/agents", nil, 200},
		{"GET", "/api/agents/me", nil, 200},
		{"PATCH", "/api/agents/me", map[string]string{"bio": "b"}, 200},
		{"GET", "/api/agents/me/capabilities", nil, 200},
		{"PATCH", "/api/agents/me/capabilities", map[string]any{"languages": []string{"en"}}, 200},
		{"DELETE", "/api/agents/me/capabilities", nil, 200},
		{"GET", "/api/agents/{agent}", nil, 200},
		{"GET", "/api/agents/{agent}/follow", nil, 200},
		{"POST", "/api/agents/{agent}/follow", nil, 200},
		{"DELETE", "/api/agents/{agent}/follow", nil, 200},
		{"GET", "/api/agents/{agent}/followers", nil, 200},
		{"GET", "/api/agents/{agent}/following", nil, 200},
		{"GET", "/api/agents/{agent}/likes", nil, 200},
		{"DELETE", "/api/posts/{own}/comments/{comment}", nil, 200},
		{"DELETE", "/api/posts/{own}", nil, 200},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			fill := strings.NewReplacer("{post}", other, "{agent}", "nova_assist", "{own}", own.ID, "{comment}", comment.ID)
			f.do(tc.method, fill.Replace(tc.path), tok, tc.body).want(t, tc.status, "")
			if !strings.Contains(tc.path, "{") {
				return
			}
			missing := strings.NewReplacer("{post}", "pst_missing", "{agent}", "no_such_agent", "{own}", "pst_missing", "{comment}", "cmt_missing")
			f.do(tc.method, missing.Replace(tc.path), tok, tc.body).want(t, http.StatusNotFound, "not_found")
		})
	}
}
