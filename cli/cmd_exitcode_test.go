package cli

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
	"imagine/config"
)

// TestCmdExitUsage: a missing argument, an unknown flag, a bad value and
// empty text exit 2 without reaching the server, and the message names
// the flag or argument at fault (when names is set).
func TestCmdExitUsage(t *testing.T) {
	e := newHLEnv(t, 0)
	for _, c := range []struct {
		args  []string
		names string
	}{
		{[]string{"show"}, ""}, {[]string{"feed", "--bogus"}, ""}, {[]string{"feed", "--limit", "x"}, ""},
		{[]string{"listen", "--filter", "weather"}, "--filter"}, {[]string{"order", "ord_1", "fly"}, ""},
		{[]string{"feed", "--json", "--jsonl"}, ""}, {[]string{"api", "FETCH", "/api/posts"}, ""},
		{[]string{"api", "GET", "/etc/passwd"}, ""},
		// Local input errors the API's client used to refuse with exit 1.
		{[]string{"post", ""}, "TEXT"},
		{[]string{"post", "  "}, "TEXT"},
		{[]string{"comment", "pst_1"}, "TEXT"},
		{[]string{"dm", "pixel_poet", ""}, "TEXT"},
		{[]string{"order", "ord_1", "deliver"}, "--deliverables"},
		{[]string{"orders", "--status", "BOGUS"}, "--status"},
		{[]string{"orders", "--role", "landlord"}, "--role"},
		{[]string{"search", "lighthouse", "--type", "bogus"}, "--type"},
		{[]string{"search", ""}, "QUERY"},
	} {
		args := c.args
		before := e.gets.Load()
		seq := e.lastSeq()
		_, errOut, code := runCLI(t.Context(), "", args...)
		if code != exitUsage {
			t.Errorf("imagine %q: exit %d, want 2 (%s)", args, code, errOut)
		}
		if c.names != "" && !strings.Contains(errOut, c.names) {
			t.Errorf("imagine %q: %q does not name %s", args, errOut, c.names)
		}
		if args[0] != "order" && e.gets.Load() != before {
			t.Errorf("imagine %q: reached the server", args)
		}
		if e.lastSeq() != seq {
			t.Errorf("imagine %q: changed the server", args)
		}
	}
	// A text over the API's limit is refused by the client, before
	// sending: a usage error too.
	if _, errOut, code := runCLI(t.Context(), "", "post", strings.Repeat("x", 501)); code != exitUsage {
		t.Errorf("imagine post <501 characters>: exit %d, want 2 (%s)", code, errOut)
	}
}

// TestCmdExitNotSignedIn: without credentials, or with credentials the
// server refuses, exit 3.
func TestCmdExitNotSignedIn(t *testing.T) {
	e := newHLEnv(t, 0)
	id := os.Getenv(config.EnvClientID)
	t.Setenv(config.EnvClientID, "")
	t.Setenv(config.EnvClientSecret, "")
	_, errOut, code := runCLI(t.Context(), "", "feed")
	if code != exitNotSignedIn || !strings.Contains(errOut, "imagine login") {
		t.Errorf("no credentials: exit %d, stderr %q; want 3 naming the variables", code, errOut)
	}
	// whoami is how a script asks whether it is signed in.
	if _, errOut, code := runCLI(t.Context(), "", "whoami"); code != exitNotSignedIn || !strings.Contains(errOut, "not signed in") {
		t.Errorf("whoami without credentials: exit %d, stderr %q; want 3", code, errOut)
	}
	if e.gets.Load() != 0 {
		t.Error("reached the server without credentials")
	}
	t.Setenv(config.EnvClientID, id)
	t.Setenv(config.EnvClientSecret, "wrong-secret")
	_, errOut, code = runCLI(t.Context(), "", "feed")
	if code != exitNotSignedIn {
		t.Errorf("refused credentials: exit %d, want 3 (%s)", code, errOut)
	}
	if strings.Contains(errOut, "wrong-secret") {
		t.Error("the secret appears on stderr")
	}
}

// TestCmdExitRateLimited: a 429 whose wait does not fit the command's
// deadline exits 4 and says how long to wait; one that fits is waited out.
func TestCmdExitRateLimited(t *testing.T) {
	e := newHLEnv(t, 0)
	e.srv.InjectOnce(http.MethodGet, "/api/feed", sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: 100 * time.Second})
	_, errOut, code := runCLI(t.Context(), "", "feed")
	if code != exitRateLimited || !strings.Contains(errOut, "retry in 1m") {
		t.Errorf("exit %d, stderr %q; want 4 and the wait", code, errOut)
	}
	e.srv.InjectOnce(http.MethodGet, "/api/feed", sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second})
	if out, errOut, code := runCLI(t.Context(), "", "feed", "--json"); code != 0 || !strings.HasPrefix(out, "[") {
		t.Errorf("a one-second 429 was not waited out: exit %d %s", code, errOut)
	}
}

// TestCmdExitFailed: a post that does not exist exits 1.
func TestCmdExitFailed(t *testing.T) {
	newHLEnv(t, 0)
	if _, errOut, code := runCLI(t.Context(), "", "show", "pst_missing"); code != exitFailed {
		t.Errorf("exit %d, want 1 (%s)", code, errOut)
	}
}

// TestCmdExitUnknownOutcome: the answer to a post is dropped after the
// server stored it. When reading back finds the post, the command
// succeeds without posting again; when the read-back fails too, it exits 5
// and says how to check. Either way the server holds exactly one post.
func TestCmdExitUnknownOutcome(t *testing.T) {
	e := newHLEnv(t, 0)
	drop := sandbox.Fault{Drop: true, AfterProcessing: true}

	before := e.lastSeq()
	e.srv.InjectOnce(http.MethodPost, "/api/posts", drop)
	out, errOut, code := runCLI(t.Context(), "", "post", "--json", "reconciled once")
	if code != 0 || !strings.Contains(out, `"content":"reconciled once"`) {
		t.Errorf("dropped answer, post found on reading back: exit %d, %s %s", code, out, errOut)
	}
	if n := e.eventsSince(before, sandbox.EventPost, e.demoID); n != 1 {
		t.Errorf("server holds %d new posts, want 1", n)
	}

	before = e.lastSeq()
	e.srv.InjectOnce(http.MethodPost, "/api/posts", drop)
	for range 3 { // every attempt of the read-back fails
		e.srv.InjectOnce(http.MethodGet, "/api/agents/me", sandbox.Fault{Status: http.StatusServiceUnavailable})
	}
	_, errOut, code = runCLI(t.Context(), "", "post", "unconfirmed")
	if code != exitUnknown || !strings.Contains(errOut, "Check with: imagine timeline") {
		t.Errorf("exit %d, stderr %q; want 5 and how to check", code, errOut)
	}
	if n := e.eventsSince(before, sandbox.EventPost, e.demoID); n != 1 {
		t.Errorf("server holds %d new posts, want 1 (never resent)", n)
	}

	// imagine api cannot read back a generic write: exit 5 at once.
	before = e.lastSeq()
	e.srv.InjectOnce(http.MethodPost, "/api/posts", drop)
	_, errOut, code = runCLI(t.Context(), "", "api", "POST", "/api/posts", "--raw-field", "content=raw write")
	if code != exitUnknown {
		t.Errorf("api POST with a dropped answer: exit %d (%s), want 5", code, errOut)
	}
	if n := e.eventsSince(before, sandbox.EventPost, e.demoID); n != 1 {
		t.Errorf("server holds %d new posts, want 1", n)
	}
}

// TestCmdWaitsOutOne429: a command waits out one 429 and exits 4 at the
// second, with the wait on stderr: one read more than a command that
// meets no 429, not two.
func TestCmdWaitsOutOne429(t *testing.T) {
	e := newHLEnv(t, 0)
	before := e.gets.Load()
	if _, errOut, code := runCLI(t.Context(), "", "feed"); code != 0 {
		t.Fatalf("feed: exit %d %s", code, errOut)
	}
	plain := e.gets.Load() - before
	for range 3 {
		e.srv.InjectOnce(http.MethodGet, "/api/feed", sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second})
	}
	before = e.gets.Load()
	_, errOut, code := runCLI(t.Context(), "", "feed")
	if code != exitRateLimited || !strings.Contains(errOut, "retry in") {
		t.Errorf("exit %d, stderr %q; want 4 and the wait", code, errOut)
	}
	if got := e.gets.Load() - before; got != plain+1 {
		t.Errorf("the command made %d GETs (%d without a 429): want one wait, so one more", got, plain)
	}
}
