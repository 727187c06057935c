package cli

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// switchedServer serves a handler on one loopback address that can be
// taken down (connections refused, as when the network is gone) and
// brought back on the same address.
type switchedServer struct {
	t    *testing.T
	h    http.Handler
	addr string
	mu   sync.Mutex
	srv  *http.Server
}

func newSwitchedServer(t *testing.T, h http.Handler) *switchedServer {
	s := &switchedServer{t: t, h: h, addr: "127.0.0.1:0"}
	s.up()
	t.Cleanup(s.down)
	return s
}

func (s *switchedServer) url() string { return "http://" + s.addr }

func (s *switchedServer) up() {
	s.t.Helper()
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	srv := &http.Server{Handler: s.h}
	s.mu.Lock()
	s.srv = srv
	s.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.t.Error(err)
		}
	}()
}

func (s *switchedServer) down() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		_ = s.srv.Close()
		s.srv = nil
	}
}

// startAs runs the TUI for a stored profile, wired as runTUI wires it
// (accountSession: the profile's credentials and the account's own
// directories under the test's home), with the Messages pane polling every
// second.
func startAs(t *testing.T, profile string) (*teatest.TestModel, *screen, *session) {
	t.Helper()
	return startAsWith(t, profile, nil)
}

// startAsWith is startAs with a change to the wiring before the start.
func startAsWith(t *testing.T, profile string, change func(*appDeps)) (*teatest.TestModel, *screen, *session) {
	t.Helper()
	logger := log.NewWithOptions(&redactingWriter{w: t.Output()}, log.Options{Level: log.DebugLevel})
	s, err := accountSession(rootFlags{profile: profile}, config.DefaultPaths(), config.Config{}, logger)
	if err != nil {
		t.Fatal(err)
	}
	c, err := api.New(api.WithBaseURL(s.baseURL), api.WithCredentials(s.clientID, s.secret), api.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	d := appDeps{
		client: c,
		cfg: config.Config{Theme: "dark", Poll: map[string]config.Duration{
			"messages": {Duration: time.Second},
		}},
		draftDir: s.draftDir, dataDir: s.dataDir, logger: logger, rejected: s.rejected,
	}
	if change != nil {
		change(&d)
	}
	m, err := buildModel(ctx, d, "")
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	return tm, newScreen(tm, 120, 40), s
}

// quit leaves the TUI and waits for it to end.
func quit(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndQueuedDMIsNeverSentAsAnotherAgent is the bug of issue 11: a
// DM queued by agent A while the server was unreachable was sent as agent
// B when the client next started with B's credentials and the same home.
// Now A's outbox lives in A's directory: B's run sends nothing, and A's
// next run delivers it exactly once.
func TestEndToEndQueuedDMIsNeverSentAsAnotherAgent(t *testing.T) {
	home(t)
	srv := sandbox.New(sandbox.Options{Seed: 1})
	net := newSwitchedServer(t, srv)
	for _, p := range []string{"agent_a", "agent_b"} {
		if r := imagine(t, "", "register", "--base-url", net.url(), "--profile", p, "--handle", p, "--name", p); r.code != 0 {
			t.Fatalf("register %s: %s%s", p, r.out, r.err)
		}
	}
	// A and B share a conversation, so a message of A's that ended up in
	// B's outbox would go through, signed by B: the bug as reported.
	srv.ActAs("agent_b").SendDM("agent_a", "hello A, are you there?")
	const reply = "queued by A while the network was down"

	// A: open the conversation, lose the network, reply.
	tm, scr, a := startAs(t, "agent_a")
	scr.waitFor(t, " @agent_a ", 5*time.Second)
	tm.Send(tuitest.Press("3"))
	scr.waitFor(t, "@agent_b", 5*time.Second)
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "hello A, are you there?", 5*time.Second)
	net.down()
	tm.Send(tuitest.Press("c"))
	for _, k := range tuitest.Type(reply) {
		tm.Send(k)
	}
	tm.Send(tuitest.Press("ctrl+s"))
	scr.waitFor(t, "waiting to send", 10*time.Second)
	quit(t, tm)
	outbox, err := os.ReadFile(filepath.Join(a.dataDir, "outbox.json"))
	if err != nil || !strings.Contains(string(outbox), reply) {
		t.Fatalf("A's outbox should hold the reply (%v):\n%s", err, outbox)
	}

	// B, same home, network back: B's run sends nothing of A's.
	net.up()
	tm, scr, b := startAs(t, "agent_b")
	if b.dataDir == a.dataDir || b.draftDir == a.draftDir {
		t.Fatalf("A and B share state directories: %+v %+v", a, b)
	}
	scr.waitFor(t, " @agent_b ", 5*time.Second)
	tm.Send(tuitest.Press("3"))
	scr.waitFor(t, "@agent_a", 5*time.Second)
	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "hello A, are you there?", 5*time.Second)
	time.Sleep(3 * time.Second) // several polls of B's Messages pane
	if n, m := srv.CountMessages("agent_b", reply), srv.CountMessages("agent_a", reply); n != 0 || m != 0 {
		t.Fatalf("during B's run the reply was sent %d times as B and %d times as A; want none", n, m)
	}
	quit(t, tm)

	// A again: the reply goes out, once, as A.
	tm, scr, _ = startAs(t, "agent_a")
	scr.waitFor(t, " @agent_a ", 5*time.Second)
	tm.Send(tuitest.Press("3"))
	deadline := time.Now().Add(10 * time.Second)
	for srv.CountMessages("agent_a", reply) != 1 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // more polls: nothing may be sent again
	if n, m := srv.CountMessages("agent_a", reply), srv.CountMessages("agent_b", reply); n != 1 || m != 0 {
		t.Fatalf("the reply is on the server %d times as A and %d times as B; want exactly once as A", n, m)
	}
	quit(t, tm)
}
