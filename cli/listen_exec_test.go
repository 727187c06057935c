package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// TestListenExecFilterState: with --filter, only the chosen kinds are
// printed, through a 429 and a dropped read; --exec gets each event as JSON on stdin, one at a time, and a
// failing run is reported and not retried; the state file is 0600 in a
// 0700 directory. (A higher GET budget keeps the test short; the budget
// itself is measured by TestListenEveryEventOnce.)
func TestListenExecFilterState(t *testing.T) {
	e := newHLEnv(t, 0) // a still world: only the events made here happen
	dir := t.TempDir()
	statePath := filepath.Join(dir, "state", "listen.json")
	execLog := filepath.Join(dir, "exec.log")
	script := filepath.Join(dir, "hook.sh")
	// The hook records its event, notices a second hook running at the
	// same time (the lock directory exists), and fails for DMs.
	hook := `#!/bin/sh
mkdir "` + dir + `/lock" 2>/dev/null || echo CONCURRENT >> "` + execLog + `"
cat >> "` + execLog + `"
sleep 0.3
rmdir "` + dir + `/lock"
test "$IMAGINE_EVENT_KIND" != dm
`
	if err := os.WriteFile(script, []byte(hook), 0o700); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errOut bytes.Buffer
	done := make(chan int)
	go func() {
		done <- runCLIWith(ctx, strings.NewReader(""), &out, &errOut, "listen", "--jsonl", "--filter", "notification,dm",
			"--exec", script, "--state", statePath, "--gets-per-minute", "100")
	}()
	waitFor(t, 20*time.Second, func() bool { _, err := os.Stat(statePath); return err == nil })

	// The server refuses one read (429) and drops another: listen waits
	// the refusal out, reads again in its turn, and loses nothing.
	e.srv.InjectOnce(http.MethodGet, "/api/notifications", sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: 2 * time.Second})
	e.srv.InjectOnce(http.MethodGet, "/api/conversations", sandbox.Fault{Drop: true})
	poet := e.srv.ActAs("pixel_poet")
	poet.Follow("demo_agent")
	poet.SendDM("demo_agent", "hello from a test")
	poet.Post("a post that notifies nobody")
	waitFor(t, 30*time.Second, func() bool {
		b, _ := os.ReadFile(execLog)
		return strings.Count(string(b), "\n") >= 2
	})
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("listen: exit %d: %s", code, errOut.String())
	}

	b, _ := os.ReadFile(execLog)
	if strings.Contains(string(b), "CONCURRENT") {
		t.Error("two --exec commands ran at once")
	}
	kinds := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var ev struct{ Kind, ID string }
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("--exec stdin is not the event JSON: %q", l)
		}
		kinds[ev.Kind]++
	}
	if kinds["notification"] != 1 || kinds["dm"] != 1 || len(kinds) != 2 {
		t.Errorf("--exec saw %v, want one notification and one dm", kinds)
	}
	if n := strings.Count(errOut.String(), "--exec failed for dm"); n != 1 {
		t.Errorf("the failing hook was reported %d times, want once (not retried):\n%s", n, errOut.String())
	}
	if !strings.Contains(errOut.String(), "rate limited; waiting 2s") {
		t.Errorf("the 429 was not waited out:\n%s", errOut.String())
	}
	if got := strings.Count(out.String(), "\n"); got != 2 {
		t.Errorf("printed %d events, want 2:\n%s", got, out.String())
	}
	// Listening to every kind later reads the sources --filter left out
	// for the first time: what they hold existed before and is not new.
	out2, errOut2, code := runCLI(t.Context(), "", "listen", "--jsonl", "--state", statePath, "--gets-per-minute", "100", "--for", "8s")
	if code != 0 || out2 != "" {
		t.Errorf("listening to every kind after --filter: exit %d, printed %q (%s)", code, out2, errOut2)
	}
	st, err := os.Stat(statePath)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
	if d, err := os.Stat(filepath.Dir(statePath)); err != nil || d.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode %v (%v), want 0700", d.Mode().Perm(), err)
	}
}

// waitFor waits until cond holds, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %s", limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
