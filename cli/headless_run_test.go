package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"imagine/api/sandbox"
	"imagine/config"
)

// hlEnv is a sandbox served over loopback HTTP and the environment that
// signs the headless commands in to its demo agent.
type hlEnv struct {
	t      *testing.T
	srv    *sandbox.Server
	base   string
	demoID string
	gets   atomic.Int64
	mu     sync.Mutex
	getLog []time.Time
	getURL []string
}

// newHLEnv starts a sandbox (activity as given; 0 keeps the world still)
// and points the environment at it, with config and state in temporary
// directories.
func newHLEnv(t *testing.T, activity time.Duration) *hlEnv {
	t.Helper()
	e := &hlEnv{t: t}
	e.srv = sandbox.New(sandbox.Options{Seed: 7, Activity: activity, GenFailRate: sandbox.DefaultGenFailRate,
		OnRequest: func(r *http.Request) {
			if r.Method == http.MethodGet {
				e.gets.Add(1)
				e.mu.Lock()
				e.getLog = append(e.getLog, time.Now())
				e.getURL = append(e.getURL, r.URL.Path)
				e.mu.Unlock()
			}
		}})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	base, err := e.srv.Listen(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.base = base
	id, secret := e.srv.DemoCredentials()
	e.demoID = e.srv.ActAs("demo_agent").ID()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir+"/config")
	t.Setenv("XDG_STATE_HOME", dir+"/state")
	t.Setenv("XDG_DATA_HOME", dir+"/data")
	t.Setenv("XDG_CACHE_HOME", dir+"/cache")
	t.Setenv(config.EnvBaseURL, base)
	t.Setenv(config.EnvClientID, id)
	t.Setenv(config.EnvClientSecret, secret)
	t.Setenv("NO_COLOR", "1")
	t.Setenv(EnvKeyring, "off")
	return e
}

// runCLI runs one command line in-process, as main does, and returns its
// output and exit code.
func runCLI(ctx context.Context, stdin string, args ...string) (stdout, stderr string, code int) {
	var out, errw bytes.Buffer
	code = runCLIWith(ctx, strings.NewReader(stdin), &out, &errw, args...)
	return out.String(), errw.String(), code
}

// runCLIWith is runCLI with the caller's writers.
func runCLIWith(ctx context.Context, stdin io.Reader, out, errw io.Writer, args ...string) int {
	return run(ctx, Build{Version: "test"}, args, stdin, out, errw)
}

// run runs a command that must succeed.
func (e *hlEnv) run(args ...string) string {
	e.t.Helper()
	out, errOut, code := runCLI(e.t.Context(), "", args...)
	if code != 0 {
		e.t.Fatalf("imagine %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// eventsSince counts the events of one type by one agent after seq,
// read from the server's own record.
func (e *hlEnv) eventsSince(seq int64, typ, actor string) int {
	n := 0
	for _, ev := range e.srv.Events(seq) {
		if ev.Type == typ && ev.ActorID == actor {
			n++
		}
	}
	return n
}

// lastSeq is the newest event's sequence number.
func (e *hlEnv) lastSeq() int64 {
	evs := e.srv.Events(0)
	if len(evs) == 0 {
		return 0
	}
	return evs[len(evs)-1].Seq
}
