package views_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/views"
)

// publicTimeline asks a server with no credentials for the public
// timeline, the one call that needs none, and returns the error.
func publicTimeline(t *testing.T, base string, opts ...api.Option) error {
	t.Helper()
	c, err := api.New(append([]api.Option{api.WithBaseURL(base)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Posts.List(t.Context(), nil)
	if err == nil {
		t.Fatalf("%s answered", base)
	}
	return err
}

// TestErrorsNameTheHostAndTheCause: what the status line says when the
// server cannot be reached is the host and the real cause, never "too
// many requests" and never the client's raw "api: GET http://…" text.
func TestErrorsNameTheHostAndTheCause(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()

	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	defer tlsSrv.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error":"internal"}`, http.StatusServiceUnavailable)
	}))
	defer broken.Close()
	brokenHost := strings.TrimPrefix(broken.URL, "http://")

	dns := fmt.Errorf("%w: %w", api.ErrOffline, &url.Error{Op: "Get", URL: "https://api.example.invalid/api/feed",
		Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "api.example.invalid", IsNotFound: true}}})

	for _, tc := range []struct {
		name string
		err  error
		want []string
	}{
		{"refused", publicTimeline(t, "http://"+closed), []string{"offline", closed, "connection refused"}},
		{"tls", publicTimeline(t, tlsSrv.URL), []string{strings.TrimPrefix(tlsSrv.URL, "https://"), "TLS certificate"}},
		{"5xx", publicTimeline(t, broken.URL), []string{brokenHost, "had an error (503)"}},
		{"dns", dns, []string{"api.example.invalid", "no such host"}},
		{"local budget", &api.RateLimitError{Local: true}, []string{"rate limit", "1s"}},
		{"circuit open", &api.CircuitOpenError{Failures: 12, Of: 20, Wait: 25 * time.Second}, []string{"holding off", "12 of its last 20", "25s"}},
	} {
		got := views.Describe(tc.err)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q (error: %v)", tc.name, got, w, tc.err)
			}
		}
		if strings.Contains(got, "api:") || strings.Contains(got, "http://") || strings.Contains(got, "too many requests") {
			t.Errorf("%s: %q", tc.name, got)
		}
	}
}
