package sshserve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// operatorKey is a test operator's key pair.
type operatorKey struct {
	signer gossh.Signer
	line   string // its allow-list line
}

func newOperatorKey(t *testing.T, role, name string) operatorKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + name
	if role != "" {
		line = "role=" + role + " " + line
	}
	return operatorKey{signer: s, line: line}
}

// writeAllowList writes the keys' lines to path.
func writeAllowList(t *testing.T, path string, keys ...operatorKey) {
	t.Helper()
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k.line + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// testServer is a Server on a loopback port whose sessions greet the
// operator and wait until they end or the operator types q.
type testServer struct {
	*Server
	addr  string
	dir   string
	audit *Audit
}

func startServer(t *testing.T, cfg Config, keys ...operatorKey) *testServer {
	t.Helper()
	dir := t.TempDir()
	if cfg.AllowList == "" {
		cfg.AllowList = filepath.Join(dir, "authorized_keys")
		writeAllowList(t, cfg.AllowList, keys...)
	}
	if cfg.HostKey == "" {
		cfg.HostKey = filepath.Join(dir, "ssh", "host_ed25519")
	}
	if cfg.Audit == nil {
		a, err := OpenAudit(filepath.Join(dir, "audit.log"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = a.Close() })
		cfg.Audit = a
	}
	if cfg.Run == nil {
		cfg.Run = greet
	}
	if cfg.WatchEvery == 0 {
		cfg.WatchEvery = 50 * time.Millisecond
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.Serve(ln) }()
	t.Cleanup(func() { _ = s.Shutdown(t.Context()) })
	return &testServer{Server: s, addr: ln.Addr().String(), dir: dir, audit: cfg.Audit}
}

// greet is a session program: it names the operator, then waits for q or
// the end of the session.
func greet(s *Session) {
	fmt.Fprintf(s.SSH, "hello %s (%s)\r\n", s.Operator.Name, s.Operator.Role)
	typed := make(chan struct{})
	go func() {
		b := make([]byte, 1)
		for {
			if _, err := s.Input.Read(b); err != nil || b[0] == 'q' {
				close(typed)
				return
			}
		}
	}()
	select {
	case <-typed:
	case <-s.Context.Done():
	}
}

// dial connects with the key (or none).
func dial(addr string, signers ...gossh.Signer) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            "op",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	if len(signers) > 0 {
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(signers...)}
	}
	return gossh.Dial("tcp", addr, cfg)
}

// output collects a session's output safely.
type output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// shell opens a PTY session with a shell; its output goes to out.
func shell(t *testing.T, c *gossh.Client) (*gossh.Session, *output, io.WriteCloser) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	out := &output{}
	s.Stdout, s.Stderr = out, out
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatalf("pty: %v", err)
	}
	if err := s.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	return s, out, in
}

// waitFor polls cond for up to d (a bounded wait, not a timing check).
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ended waits for the session to end and returns its error.
func ended(t *testing.T, s *gossh.Session, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("session still open after %s", d)
		return nil
	}
}
