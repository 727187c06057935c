package sshserve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// Defaults of security.md §7.
const (
	DefaultAddr             = "127.0.0.1:2222"
	DefaultMaxSessions      = 10
	DefaultMaxPerKey        = 3
	DefaultHandshakeTimeout = 30 * time.Second
	DefaultIdleTimeout      = 15 * time.Minute
	DefaultMaxTimeout       = 12 * time.Hour
	DefaultWatchEvery       = 2 * time.Second
	// DefaultSessionEvery and DefaultSessionBurst pace new sessions per
	// remote IP: one every 2 s after a burst of 5.
	DefaultSessionEvery = 2 * time.Second
	DefaultSessionBurst = 5
	// Banner is shown before authentication.
	Banner = "imagine: authorized operators only\n"
)

// Config configures a Server. AllowList, HostKey, Audit and Run are
// required; zero limits and timeouts take the defaults above.
type Config struct {
	// AllowList is the operators' authorized_keys file (see AllowList).
	AllowList string
	// HostKey is the server's ed25519 private key, made (0600, in a 0700
	// directory) when missing and never replaced.
	HostKey string
	// Audit receives every write of every session.
	Audit *Audit
	// Run runs one session's program and returns when it ends; the
	// session's Context is cancelled when the session must end.
	Run func(s *Session)

	// MaxSessions caps the sessions in all, MaxPerKey those of one key.
	MaxSessions, MaxPerKey int
	// HandshakeTimeout bounds the key exchange and authentication.
	HandshakeTimeout time.Duration
	// IdleTimeout ends a session when the operator has typed nothing for
	// that long (the connection's own idle timer is twice it, a backstop
	// for a client that stops answering).
	IdleTimeout time.Duration
	// MaxTimeout ends every connection after that long.
	MaxTimeout time.Duration
	// WatchEvery is how often the allow-list file is read again; a
	// removed key's sessions end within it.
	WatchEvery time.Duration
	// SessionEvery and SessionBurst pace new sessions per remote IP
	// (wish's ratelimiter, which runs after authentication).
	SessionEvery time.Duration
	SessionBurst int
	// Logger receives connections, refusals and failures; nil discards.
	Logger *log.Logger
}

// Session is one operator's SSH session, as handed to Config.Run.
type Session struct {
	// SSH is the session; write the program's output to it.
	SSH ssh.Session
	// Input is the session's input, to read instead of SSH: reading it
	// keeps the session from idling out.
	Input io.Reader
	// ID names the session in the audit log.
	ID string
	// Operator is the allow-list entry the session was opened with.
	Operator Entry
	// Context carries the session's api.WriteGuard and is cancelled when
	// the session must end (key removed, idle, server shutdown).
	Context context.Context
	// Env is the client's environment reduced to TERM and COLORTERM.
	Env []string

	cancel context.CancelCauseFunc
	last   lastInput
}

// Server is the SSH server of `imagine serve`.
type Server struct {
	cfg             Config
	ssh             *ssh.Server
	hostFingerprint string

	mu       sync.Mutex
	list     *AllowList
	sessions map[*Session]struct{}
	conns    connLimiter

	stop chan struct{}
	once sync.Once
	// accepting is closed when Serve first waits for a connection: the
	// library's Shutdown must not run before that (its listener count
	// would race).
	accepting     chan struct{}
	acceptingOnce sync.Once
	// serving and closed (under mu) order Serve and Shutdown.
	serving, closed bool
}

// New checks the allow-list (refusing a missing or empty one), loads or
// makes the host key, and builds the server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Audit == nil || cfg.Run == nil {
		return nil, errors.New("sshserve: Audit and Run are required")
	}
	list, err := LoadAllowList(cfg.AllowList)
	if err != nil {
		return nil, fmt.Errorf("refusing to serve: %w", err)
	}
	setDefaults(&cfg)
	if err := os.MkdirAll(filepath.Dir(cfg.HostKey), 0o700); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	s := &Server{cfg: cfg, list: list, sessions: map[*Session]struct{}{}, stop: make(chan struct{}),
		accepting: make(chan struct{})}
	s.conns = connLimiter{perIP: map[string]int{}, maxPerIP: 4, max: 32}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithBanner(Banner),
		wish.WithIdleTimeout(2*cfg.IdleTimeout),
		wish.WithMaxTimeout(cfg.MaxTimeout),
		// The last middleware runs first: the pace, then the session.
		wish.WithMiddleware(s.handle, ratelimiter.Middleware(
			ratelimiter.NewRateLimiter(rate.Every(cfg.SessionEvery), cfg.SessionBurst, 1024))),
	)
	if err != nil {
		// Most often the host key file is not a private key (wish
		// makes one only when the file is missing).
		return nil, fmt.Errorf("ssh server: host key %s: %w (it must be an unencrypted private key in OpenSSH format; remove it to have a new ed25519 one made)", cfg.HostKey, err)
	}
	if len(srv.HostSigners) == 0 {
		return nil, errors.New("ssh server: no host key")
	}
	s.hostFingerprint = gossh.FingerprintSHA256(srv.HostSigners[0].PublicKey())
	srv.HandshakeTimeout = cfg.HandshakeTimeout
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: 3}
	}
	srv.ConnCallback = s.conns.wrap
	// No port, agent or X11 forwarding: their callbacks stay nil, which
	// denies them; no subsystem handler is set, so SFTP and SCP fail.
	s.ssh = srv
	return s, nil
}

// setDefaults fills the zero limits and timeouts.
func setDefaults(c *Config) {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxSessions, DefaultMaxSessions)
	def(&c.MaxPerKey, DefaultMaxPerKey)
	defD(&c.HandshakeTimeout, DefaultHandshakeTimeout)
	defD(&c.IdleTimeout, DefaultIdleTimeout)
	defD(&c.MaxTimeout, DefaultMaxTimeout)
	defD(&c.WatchEvery, DefaultWatchEvery)
	defD(&c.SessionEvery, DefaultSessionEvery)
	def(&c.SessionBurst, DefaultSessionBurst)
}

// HostFingerprint is the host key's SHA256 fingerprint, for operators'
// known_hosts.
func (s *Server) HostFingerprint() string { return s.hostFingerprint }

// Serve accepts connections on ln until Shutdown; it also watches the
// allow-list.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ln.Close()
		return nil
	}
	s.serving = true
	s.mu.Unlock()
	go s.watch()
	err := s.ssh.Serve(&signalListener{Listener: ln, accepting: func() {
		s.acceptingOnce.Do(func() { close(s.accepting) })
	}})
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown ends every session and stops the server.
func (s *Server) Shutdown(ctx context.Context) error {
	s.once.Do(func() { close(s.stop) })
	s.mu.Lock()
	s.closed = true
	serving := s.serving
	s.mu.Unlock()
	if serving {
		select {
		case <-s.accepting:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	s.mu.Lock()
	for sess := range s.sessions {
		sess.end(errors.New("the server is shutting down"))
	}
	s.mu.Unlock()
	return s.ssh.Shutdown(ctx)
}

// log is the logger, or one that discards.
func (s *Server) log() *log.Logger {
	if s.cfg.Logger == nil {
		return log.New(io.Discard)
	}
	return s.cfg.Logger
}

// lookup finds a fingerprint in the current allow-list.
func (s *Server) lookup(fp string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list.ByFingerprint(fp)
}

// authorize is the public-key handler: the key must be in the current
// allow-list. It may be asked about keys the client never proves it
// holds (CVE-2024-45337), so the session checks its key again.
func (s *Server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	_, ok := s.lookup(gossh.FingerprintSHA256(key))
	if !ok {
		s.log().Warn("key refused", "fingerprint", gossh.FingerprintSHA256(key), "remote", ctx.RemoteAddr().String())
	}
	return ok
}

// newID is a random session ID.
func newID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// end cancels the session's context with why, and tells the operator.
func (sess *Session) end(why error) {
	sess.cancel(why)
}

// SelfTest connects to addr with a key no allow-list holds and fails if
// it gets in (security.md §7 rule 1: the library accepts everyone when
// misconfigured).
func SelfTest(addr string) error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return err
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "selftest",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
	if err == nil {
		_ = c.Close()
		return errors.New("self-test: a key outside the allow-list got in; refusing to serve")
	}
	return nil
}

// signalListener calls accepting before each Accept.
type signalListener struct {
	net.Listener
	accepting func()
}

// Accept implements net.Listener.
func (l *signalListener) Accept() (net.Conn, error) {
	l.accepting()
	return l.Listener.Accept()
}
