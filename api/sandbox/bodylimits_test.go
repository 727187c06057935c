package sandbox_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// wildcard matches a path wildcard of a route pattern.
var wildcard = regexp.MustCompile(`\{[A-Za-z]+\}`)

// concrete turns a route pattern into a method and a path with placeholder
// IDs.
func concrete(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	return method, wildcard.ReplaceAllString(path, "x_1")
}

// wantErrorShape checks the documented error body: {"error", "message"},
// or {"error", "error_description"} on the token endpoint.
func wantErrorShape(t *testing.T, what string, r resp, status int, code string) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: status %d, want %d: %.200s", what, r.status, status, r.raw)
		return
	}
	var body map[string]any
	if err := json.Unmarshal(r.raw, &body); err != nil {
		t.Errorf("%s: body is not JSON: %q", what, r.raw)
		return
	}
	text := "message"
	if strings.HasPrefix(what, "POST /api/auth/token") {
		text = "error_description"
	}
	if body["error"] != code {
		t.Errorf("%s: error %v, want %q", what, body["error"], code)
	}
	if s, _ := body[text].(string); s == "" {
		t.Errorf("%s: no %q in %s", what, text, r.raw)
	}
}

// sendReader makes a request whose body is given as a reader; a reader other
// than *bytes.Reader is sent chunked (no Content-Length).
func (f *fixture) sendReader(method, path, token, contentType string, body io.Reader) resp {
	f.t.Helper()
	req, err := http.NewRequest(method, f.url+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return f.finish(req)
}

// onlyReader hides a reader's type, so net/http cannot learn its length.
type onlyReader struct{ io.Reader }

// TestOversizedBodiesAre413 sends every route a body one byte over its
// limit, with a Content-Length and chunked, and expects 413 in the route's
// error shape.
func TestOversizedBodiesAre413(t *testing.T) {
	const image, video = 4 << 10, 8 << 10
	f := newFixture(t, sandbox.Options{NoRateLimit: true, MaxImageBytes: image, MaxVideoBytes: video})
	tok := f.demoToken()
	limits := map[string]int{
		"POST /api/upload": image + 1<<20, "POST /api/upload/video": video + 1<<20,
		"POST /api/agents/me/avatar": 5<<20 + 1<<20,
	}
	for _, pattern := range f.s.Routes() {
		method, path := concrete(pattern)
		limit, upload := limits[pattern]
		if !upload {
			limit = 1 << 20
		}
		code := "payload_too_large"
		if upload {
			code = "file_too_large"
		}
		big := bytes.Repeat([]byte("x"), limit+1)
		ct := "application/json"
		if upload {
			ct = "multipart/form-data; boundary=zzz"
		}
		wantErrorShape(t, pattern+" (Content-Length)", f.sendReader(method, path, tok, ct, bytes.NewReader(big)), 413, code)
		wantErrorShape(t, pattern+" (chunked)", f.sendReader(method, path, tok, ct, onlyReader{bytes.NewReader(big)}), 413, code)
	}
	form := "grant_type=client_credentials&client_id=" + strings.Repeat("a", 1<<20)
	wantErrorShape(t, "POST /api/auth/token (form)", f.sendReader("POST", "/api/auth/token", "", "application/x-www-form-urlencoded", onlyReader{strings.NewReader(form)}), 413, "payload_too_large")
}

// TestSlowBodyIs408 starts a body and stops sending: the sandbox answers
// 408 once the body read timeout has passed instead of waiting forever.
func TestSlowBodyIs408(t *testing.T) {
	f := newFixture(t, sandbox.Options{BodyReadTimeout: 50 * time.Millisecond})
	tok := f.demoToken()
	for _, path := range []string{"/api/auth/token", "/api/posts"} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(f.url, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// A generous guard so a broken server fails the test rather than
		// hanging it; the assertion is on the answer, not on the time.
		_ = conn.SetDeadline(time.Now().Add(time.Minute))
		_, err = io.WriteString(conn, "POST "+path+" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+tok+"\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"gra")
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: no answer to a stalled body: %v", path, err)
		}
		raw, _ := io.ReadAll(res.Body)
		_ = res.Body.Close()
		wantErrorShape(t, "POST "+path, resp{status: res.StatusCode, raw: raw}, http.StatusRequestTimeout, "request_timeout")
	}
}

// TestLatencyDoesNotEatBodyTime injects delays longer than the body read
// timeout, before and after processing: the writes still succeed, since
// the body's time starts after the injected latency and the deadline no
// longer matters once the body is read.
func TestLatencyDoesNotEatBodyTime(t *testing.T) {
	f := newFixture(t, sandbox.Options{BodyReadTimeout: 20 * time.Millisecond, NoRateLimit: true})
	tok := f.demoToken()
	for _, fault := range []sandbox.Fault{{Delay: 150 * time.Millisecond}, {Delay: 150 * time.Millisecond, AfterProcessing: true}} {
		f.s.InjectOnce("POST", "/api/posts", fault)
		f.do("POST", "/api/posts", tok, map[string]string{"content": "slow network, fast body"}).want(t, http.StatusCreated, "")
	}
}
