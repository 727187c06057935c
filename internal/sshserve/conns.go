package sshserve

import (
	"errors"
	"net"
	"sync"

	"charm.land/ssh"
)

// errKeyRemoved ends the sessions of a key taken out of the allow-list.
var errKeyRemoved = errors.New("your key was removed from the allow-list")

// connLimiter caps the connections that have not opened a session yet, in
// all and per remote IP, so that unauthenticated clients cannot pile up
// (security.md §7 rule 7: at most 4 per IP and 32 in all). A connection
// gives its place back when its first session starts (sessions have
// their own caps) or when it closes.
type connLimiter struct {
	mu       sync.Mutex
	perIP    map[string]int
	total    int
	maxPerIP int
	max      int
}

// wrap is the server's ConnCallback: it returns nil (closing the
// connection) over the caps, else a conn that gives its place back when
// closed.
func (l *connLimiter) wrap(ctx ssh.Context, c net.Conn) net.Conn {
	ip := c.RemoteAddr().String()
	if h, _, err := net.SplitHostPort(ip); err == nil {
		ip = h
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.total >= l.max || l.perIP[ip] >= l.maxPerIP {
		_ = c.Close()
		return nil
	}
	l.total++
	l.perIP[ip]++
	cc := &countedConn{Conn: c, release: func() {
		l.mu.Lock()
		l.total--
		if l.perIP[ip]--; l.perIP[ip] <= 0 {
			delete(l.perIP, ip)
		}
		l.mu.Unlock()
	}}
	ctx.SetValue(countedKey{}, cc)
	return cc
}

// countedKey finds a connection's countedConn in its context.
type countedKey struct{}

// admitted gives back the place of the session's connection.
func admitted(ctx ssh.Context) {
	if cc, ok := ctx.Value(countedKey{}).(*countedConn); ok {
		cc.once.Do(cc.release)
	}
}

// countedConn releases its place once, on the first Close.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

// Close implements net.Conn.
func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}
