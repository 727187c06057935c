package sshserve

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// S01: a missing or empty allow-list refuses to start.
func TestEmptyAllowListRefusesToStart(t *testing.T) {
	dir := t.TempDir()
	a, err := OpenAudit(filepath.Join(dir, "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	path := filepath.Join(dir, "authorized_keys")
	cfg := Config{AllowList: path, HostKey: filepath.Join(dir, "host"), Audit: a, Run: greet}
	if _, err := New(cfg); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing allow-list: %v", err)
	}
	if err := os.WriteFile(path, []byte("# nobody yet\n\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(cfg); !errors.Is(err, ErrEmptyAllowList) {
		t.Errorf("empty allow-list: %v", err)
	}
	if _, err := os.Stat(cfg.HostKey); err == nil {
		t.Errorf("a host key was made for a server that refused to start")
	}
}

// S02: an unknown key, no key and a password are refused at
// authentication; a listed key gets in as its operator and role.
func TestOnlyListedKeysGetIn(t *testing.T) {
	alice := newOperatorKey(t, "operator", "alice")
	srv := startServer(t, Config{}, alice)
	stranger := newOperatorKey(t, "", "mallory")
	if c, err := dial(srv.addr, stranger.signer); err == nil {
		c.Close()
		t.Errorf("an unknown key got in")
	}
	if c, err := dial(srv.addr); err == nil {
		c.Close()
		t.Errorf("a client with no key got in")
	}
	pw := &gossh.ClientConfig{User: "op", Auth: []gossh.AuthMethod{gossh.Password("x")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	if c, err := gossh.Dial("tcp", srv.addr, pw); err == nil {
		c.Close()
		t.Errorf("a password got in")
	}
	c, err := dial(srv.addr, alice.signer)
	if err != nil {
		t.Fatalf("alice: %v", err)
	}
	defer c.Close()
	_, out, in := shell(t, c)
	waitFor(t, 5*time.Second, "the greeting", func() bool { return strings.Contains(out.String(), "hello alice (operator)") })
	_, _ = in.Write([]byte("q"))
}

// S04, S05: exec and subsystems are refused, and a session without a PTY.
func TestExecSubsystemAndNoPTYRefused(t *testing.T) {
	alice := newOperatorKey(t, "admin", "alice")
	srv := startServer(t, Config{}, alice)
	c, err := dial(srv.addr, alice.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	s, _ := c.NewSession()
	out, err := s.CombinedOutput("cat /etc/passwd")
	if err == nil || strings.Contains(string(out), "root:") || !strings.Contains(string(out), "refused") {
		t.Errorf("exec: err %v, output %q", err, out)
	}

	s, _ = c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		if werr := s.Wait(); werr == nil {
			t.Errorf("the sftp subsystem ran")
		}
	}

	s, _ = c.NewSession()
	o := &output{}
	s.Stdout, s.Stderr = o, o
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := ended(t, s, 5*time.Second); err == nil || !strings.Contains(o.String(), "PTY") {
		t.Errorf("shell without a PTY: err %v, output %q", err, o.String())
	}

	if _, _, err := c.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0})); err == nil {
		// A false reply has no error; check the answer instead.
		ok, _, _ := c.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
			Addr string
			Port uint32
		}{"127.0.0.1", 0}))
		if ok {
			t.Errorf("reverse port forwarding was allowed")
		}
	}
	if ch, err := c.Dial("tcp", "127.0.0.1:1"); err == nil {
		ch.Close()
		t.Errorf("local port forwarding was allowed")
	}
}

// S06: a fourth session for one key is refused; S10: removing a key ends
// its sessions within WatchEvery, and the key cannot connect again.
func TestSessionCapsAndRemovedKey(t *testing.T) {
	alice := newOperatorKey(t, "operator", "alice")
	bob := newOperatorKey(t, "viewer", "bob")
	srv := startServer(t, Config{MaxPerKey: 3}, alice, bob)
	c, err := dial(srv.addr, alice.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var sessions []*gossh.Session
	for i := range 3 {
		s, out, _ := shell(t, c)
		waitFor(t, 5*time.Second, "greeting", func() bool { return strings.Contains(out.String(), "hello alice") })
		sessions = append(sessions, s)
		_ = i
	}
	s4, out4, _ := shell(t, c)
	if err := ended(t, s4, 5*time.Second); err == nil || !strings.Contains(out4.String(), "already has 3 sessions") {
		t.Errorf("fourth session: %v %q", err, out4.String())
	}

	bc, err := dial(srv.addr, bob.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer bc.Close()
	bs, bout, _ := shell(t, bc)
	waitFor(t, 5*time.Second, "bob's greeting", func() bool { return strings.Contains(bout.String(), "hello bob") })

	writeAllowList(t, filepath.Join(srv.dir, "authorized_keys"), bob)
	for _, s := range sessions {
		ended(t, s, 10*time.Second)
	}
	waitFor(t, 5*time.Second, "alice's sessions to be forgotten", func() bool { return srv.Sessions() == 1 })
	if c2, err := dial(srv.addr, alice.signer); err == nil {
		c2.Close()
		t.Errorf("a removed key connected again")
	}
	_ = bs.Close()
}

// S07: a session with no input for IdleTimeout ends with a message.
func TestIdleTimeout(t *testing.T) {
	alice := newOperatorKey(t, "viewer", "alice")
	srv := startServer(t, Config{IdleTimeout: 300 * time.Millisecond}, alice)
	c, err := dial(srv.addr, alice.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, out, _ := shell(t, c)
	ended(t, s, 10*time.Second)
	if !strings.Contains(out.String(), "idle for") {
		t.Errorf("output %q, want the idle message", out.String())
	}
}

// S09: the host key is made once, 0600, and kept across restarts.
func TestHostKeyKept(t *testing.T) {
	alice := newOperatorKey(t, "viewer", "alice")
	dir := t.TempDir()
	key := filepath.Join(dir, "ssh", "host_ed25519")
	first := startServer(t, Config{HostKey: key}, alice)
	second := startServer(t, Config{HostKey: key}, alice)
	if first.HostFingerprint() != second.HostFingerprint() {
		t.Errorf("host key changed across restarts")
	}
	fi, err := os.Stat(key)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(key))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("host key directory mode %v, want 0700", di.Mode().Perm())
	}
}

// S06 (pace): past the burst, new sessions from one address are refused
// until the pace allows another.
func TestSessionPacePerAddress(t *testing.T) {
	keys := []operatorKey{newOperatorKey(t, "viewer", "a"), newOperatorKey(t, "viewer", "b")}
	srv := startServer(t, Config{SessionEvery: time.Hour, SessionBurst: 2}, keys...)
	for i, k := range keys {
		c, err := dial(srv.addr, k.signer)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_, out, _ := shell(t, c)
		waitFor(t, 5*time.Second, "greeting", func() bool { return strings.Contains(out.String(), "hello") })
		_ = i
	}
	c, err := dial(srv.addr, keys[0].signer)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, out, _ := shell(t, c)
	if err := ended(t, s, 5*time.Second); err == nil || !strings.Contains(out.String(), "rate limit") {
		t.Errorf("third session: %v %q", err, out.String())
	}
}

// S06 (overall cap): past MaxSessions a new session is refused with a
// message, whoever's key it is.
func TestSessionCapOverall(t *testing.T) {
	a, b := newOperatorKey(t, "viewer", "a"), newOperatorKey(t, "viewer", "b")
	srv := startServer(t, Config{MaxSessions: 2}, a, b)
	ca, err := dial(srv.addr, a.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer ca.Close()
	for range 2 {
		_, out, _ := shell(t, ca)
		waitFor(t, 5*time.Second, "greeting", func() bool { return strings.Contains(out.String(), "hello") })
	}
	cb, err := dial(srv.addr, b.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Close()
	s, out, _ := shell(t, cb)
	if err := ended(t, s, 5*time.Second); err == nil || !strings.Contains(out.String(), "too many sessions") {
		t.Errorf("third session: %v %q", err, out.String())
	}
}

// S12: a panic in one session's program ends that session only; the
// server and the other sessions go on.
func TestPanicEndsOneSession(t *testing.T) {
	a, b := newOperatorKey(t, "viewer", "calm"), newOperatorKey(t, "viewer", "boom")
	srv := startServer(t, Config{Run: func(s *Session) {
		if s.Operator.Name == "boom" {
			panic("a bug in one session")
		}
		greet(s)
	}}, a, b)
	cb, err := dial(srv.addr, b.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Close()
	s, _, _ := shell(t, cb)
	if err := ended(t, s, 5*time.Second); err == nil {
		t.Error("the panicking session ended cleanly")
	}
	ca, err := dial(srv.addr, a.signer)
	if err != nil {
		t.Fatalf("the server is gone after a panic: %v", err)
	}
	defer ca.Close()
	_, out, _ := shell(t, ca)
	waitFor(t, 5*time.Second, "greeting", func() bool { return strings.Contains(out.String(), "hello calm") })
}

// A client that connects and never finishes the handshake is dropped
// after HandshakeTimeout.
func TestHandshakeTimeout(t *testing.T) {
	a := newOperatorKey(t, "viewer", "a")
	srv := startServer(t, Config{HandshakeTimeout: 200 * time.Millisecond}, a)
	conn, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 1024)
	for {
		if _, err := conn.Read(buf); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatal("a stalled handshake was kept for 10 s")
			}
			return // closed by the server
		}
	}
}
