package api_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"imagine/api"
)

func TestErrorClassification(t *testing.T) {
	t.Parallel()
	html := "<html><body><h1>502 Bad Gateway</h1>" + strings.Repeat("<p>nginx</p>", 20) + "</body></html>"
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		is          error
		code, msg   string
	}{
		{"400 message", 400, "application/json", `{"error":"validation_error","message":"Content too long"}`, api.ErrValidation, "validation_error", "Content too long"},
		{"422", 422, "application/json", `{"error":"unprocessable"}`, api.ErrValidation, "unprocessable", "unprocessable"},
		{"401 description", 401, "application/json", `{"error":"invalid_token","error_description":"Token expired"}`, api.ErrUnauthorized, "invalid_token", "Token expired"},
		{"403", 403, "application/json", `{"error":"forbidden","message":"Not your post"}`, api.ErrForbidden, "forbidden", "Not your post"},
		{"404", 404, "application/json", `{"error":"not_found","message":"Post not found"}`, api.ErrNotFound, "not_found", "Post not found"},
		{"409", 409, "application/json", `{"error":"conflict","message":"Handle taken"}`, api.ErrConflict, "conflict", "Handle taken"},
		{"500 no body", 500, "application/json", ``, api.ErrServer, "", "Internal Server Error"},
		{"502 HTML", 502, "text/html", html, api.ErrServer, "", "Bad Gateway"},
		{"503 plain text", 503, "text/plain", "upstream down\nmore", api.ErrServer, "", "upstream down"},
		{"400 non-JSON", 400, "application/json", `{not json`, api.ErrValidation, "", "Bad Request"},
		{"nested error object", 400, "application/json", `{"error":{"code":"bad","message":"Nested"}}`, api.ErrValidation, "bad", "Nested"},
		{"oversized error body", 500, "application/json", `{"message":"` + strings.Repeat("x", 70<<10) + `"}`, api.ErrServer, "", "Internal Server Error"},
		{"hostile message", 400, "application/json", `{"error":"x\u001b[2J","message":"\u001b]52;c;AAAA\u0007bad` + strings.Repeat("!", 300) + `"}`, api.ErrValidation, "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			s.handle("GET /api/posts/p1", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			})
			c, _ := newClient(t, s.URL, api.WithBudgets(false))
			_, err := c.Posts.Get(api.Background(t.Context()), "p1")
			if !errors.Is(err, tt.is) {
				t.Fatalf("err = %v, want Is %v", err, tt.is)
			}
			var e *api.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %T, want *api.Error", err)
			}
			if e.StatusCode != tt.status || e.Code != tt.code || e.Method != "GET" || !strings.Contains(e.URL, "/api/posts/p1") {
				t.Errorf("got %+v", e)
			}
			if tt.msg != "" && e.Message != tt.msg {
				t.Errorf("Message = %q, want %q", e.Message, tt.msg)
			}
			noControls(t, "message", e.Message+e.Code)
			if n := utf8.RuneCountInString(e.Message); n > 200 {
				t.Errorf("message is %d runes, cap is 200", n)
			}
			for _, other := range []error{api.ErrNotFound, api.ErrForbidden, api.ErrConflict, api.ErrUnauthorized} {
				if other != tt.is && errors.Is(err, other) {
					t.Errorf("err also matches %v", other)
				}
			}
		})
	}
}

func TestOversizedSuccessBody(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	big := `{"id":"p1","content":"` + strings.Repeat("a", 1<<20) + `"}`
	s.reply("GET /api/posts/p1", 200, big)
	s.reply("GET /api/posts", 200, `{"posts":[],"pad":"`+strings.Repeat("a", 4<<20)+`"}`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Posts.Get(t.Context(), "p1"); !errors.Is(err, api.ErrResponseTooLarge) {
		t.Errorf("object over 1 MiB: err = %v", err)
	}
	if _, err := c.Posts.List(t.Context(), nil); !errors.Is(err, api.ErrResponseTooLarge) {
		t.Errorf("list over 4 MiB: err = %v", err)
	}
	if n := s.count("GET /api/posts/p1"); n != 1 {
		t.Errorf("oversized answer retried: %d requests", n)
	}
}

func TestMalformedSuccessBody(t *testing.T) {
	t.Parallel()
	s := newStub(t)
	s.reply("GET /api/posts/p1", 200, `<html>hi</html>`)
	c, _ := newClient(t, s.URL)
	if _, err := c.Posts.Get(t.Context(), "p1"); !errors.Is(err, api.ErrMalformedResponse) {
		t.Errorf("err = %v, want ErrMalformedResponse", err)
	}
}
