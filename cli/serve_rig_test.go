package cli

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/sshserve"
)

// serveRig is `imagine serve` in a test: a quiet sandbox, the shared app
// and the SSH server on a loopback port, with operators alice (operator)
// and bob (viewer).
type serveRig struct {
	sb       *sandbox.Server
	app      *serveApp
	srv      *sshserve.Server
	addr     string
	allow    string
	audit    *sshserve.Audit
	keys     map[string]gossh.Signer
	lines    map[string]string
	requests atomic.Int64 // every request the sandbox received
	gets     getLog
}

// serveRigOptions change the rig.
type serveRigOptions struct {
	// clock runs the sandbox, the client and the sessions' pollers on a
	// faster clock (nil: real time).
	clock *fastClock
	idle  time.Duration
	// pace is the per-IP session pace (0: the default, one every 2 s
	// after 5): the benchmark opens ten sessions from one address.
	pace time.Duration
}

func newServeRig(t testing.TB, o serveRigOptions) *serveRig {
	t.Helper()
	r := &serveRig{keys: map[string]gossh.Signer{}, lines: map[string]string{}}
	sbOpts := sandbox.Options{Seed: 1, OnRequest: func(req *http.Request) {
		r.requests.Add(1)
		r.gets.add(req)
	}}
	var clientOpts []api.Option
	window := 2 * time.Second
	if o.clock != nil {
		// 100 ms of real time: on the fast clock the real 2 s would hide
		// a session's own polls, and 2 s of it (33 ms) is less than two
		// programs' scheduling spread on a loaded machine.
		window = 100 * time.Millisecond * o.clock.speed
		sbOpts.Now = o.clock.now
		clientOpts = append(clientOpts, api.WithClock(o.clock.now), api.WithBudgets(false))
	}
	r.sb = sandbox.New(sbOpts)
	ts := httptest.NewServer(r.sb)
	t.Cleanup(ts.Close)
	id, secret := r.sb.DemoCredentials()
	dir := t.TempDir()
	app, err := newServeApp(t.Context(), serveAppConfig{
		account: serveAccount{baseURL: ts.URL, clientID: id, secret: api.Secret(secret),
			draftDir: filepath.Join(dir, "drafts")},
		cfg:         config.Config{Theme: "dark"},
		logger:      log.New(io.Discard),
		shareWindow: window,
		clientOpts:  clientOpts,
	})
	if err != nil {
		t.Fatal(err)
	}
	if o.clock != nil {
		app.now, app.tick = o.clock.now, o.clock.tick
	}
	r.app = app
	r.audit, err = sshserve.OpenAudit(filepath.Join(dir, "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.audit.Close() })
	app.audit = r.audit
	for _, op := range []struct{ name, role string }{{"alice", "operator"}, {"bob", "viewer"}} {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		s, _ := gossh.NewSignerFromKey(priv)
		r.keys[op.name] = s
		r.lines[op.name] = "role=" + op.role + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + op.name
	}
	r.allow = filepath.Join(dir, "authorized_keys")
	r.writeAllowList(t, "alice", "bob")
	r.srv, err = sshserve.New(sshserve.Config{
		AllowList:    r.allow,
		HostKey:      filepath.Join(dir, "host_ed25519"),
		Audit:        r.audit,
		Run:          app.run,
		IdleTimeout:  o.idle,
		WatchEvery:   100 * time.Millisecond,
		SessionEvery: o.pace,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	go func() { _ = r.srv.Serve(ln) }()
	t.Cleanup(func() { _ = r.srv.Shutdown(t.Context()) })
	return r
}

// writeAllowList lists these operators only.
func (r *serveRig) writeAllowList(t testing.TB, names ...string) {
	t.Helper()
	var b strings.Builder
	for _, n := range names {
		b.WriteString(r.lines[n] + "\n")
	}
	if err := os.WriteFile(r.allow, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// sshTerm is an operator's terminal: an SSH session with a PTY whose
// output feeds a virtual screen.
type sshTerm struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	emu    *vt.SafeEmulator
	done   chan error

	mu    sync.Mutex
	bytes int64     // output received so far
	last  time.Time // when the last output arrived
	wake  chan struct{}
}

// connect opens a session as the operator.
func (r *serveRig) connect(t testing.TB, name string) *sshTerm {
	t.Helper()
	c, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{
		User:            name,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(r.keys[name])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
	if err != nil {
		t.Fatalf("%s: dial: %v", name, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	term := &sshTerm{client: c, sess: s, emu: vt.NewSafeEmulator(120, 40), done: make(chan error, 1), wake: make(chan struct{}, 1)}
	go func() { _, _ = io.Copy(io.Discard, term.emu) }() // the emulator's replies
	out, _ := s.StdoutPipe()
	term.in, _ = s.StdinPipe()
	if err := s.Setenv("COLORTERM", "truecolor"); err != nil {
		_ = err // servers may refuse env requests; the profile then comes from TERM
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				term.mu.Lock()
				term.bytes += int64(n)
				term.last = time.Now()
				_, _ = term.emu.Write(buf[:n])
				term.mu.Unlock()
				select {
				case term.wake <- struct{}{}:
				default:
				}
			}
			if err != nil {
				term.done <- s.Wait()
				return
			}
		}
	}()
	return term
}

// text is the screen.
func (s *sshTerm) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.String()
}

// waitFor waits until the screen shows want (a bounded wait).
func (s *sshTerm) waitFor(t testing.TB, want string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(s.text(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %q; screen:\n%s", d, want, s.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// press types keys.
func (s *sshTerm) press(t testing.TB, keys string) {
	t.Helper()
	if _, err := s.in.Write([]byte(keys)); err != nil {
		t.Fatalf("typing %q: %v", keys, err)
	}
}

// ended waits for the session to end.
func (s *sshTerm) ended(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(d):
		t.Fatalf("session still open after %s; screen:\n%s", d, s.text())
	}
}

// addOperator adds an operator's key to the allow-list (once).
func (r *serveRig) addOperator(t testing.TB, name, role string) {
	t.Helper()
	if _, ok := r.keys[name]; ok {
		return
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, _ := gossh.NewSignerFromKey(priv)
	r.keys[name] = s
	r.lines[name] = "role=" + role + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + name
	var names []string
	for n := range r.lines {
		names = append(names, n)
	}
	r.writeAllowList(t, names...)
	time.Sleep(300 * time.Millisecond) // the server reads it every 100 ms
}
