package sshserve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"imagine/api"
)

// handle is the only session handler (security.md §7 rule 5, in order):
// panics contained, no exec or subsystem, the key checked again, a PTY
// required, the session caps, then the program with an idle watch.
func (s *Server) handle(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log().Error("session panicked", "panic", r)
				_ = sess.Exit(1)
			}
		}()
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			wish.Fatalln(sess, "imagine serves its TUI only: commands and subsystems are refused")
			return
		}
		fp := ""
		if k := sess.PublicKey(); k != nil {
			fp = gossh.FingerprintSHA256(k)
		}
		entry, ok := s.lookup(fp)
		if !ok {
			s.log().Warn("session refused: key not in the allow-list", "fingerprint", fp)
			wish.Fatalln(sess, "this key is not allowed")
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, "Requires an active PTY: connect with ssh -t")
			return
		}
		ctx, cancel := context.WithCancelCause(sess.Context())
		defer cancel(nil)
		session := &Session{
			SSH:      sess,
			ID:       newID(),
			Operator: entry,
			Env:      termEnv(sess.Environ()),
			cancel:   cancel,
		}
		session.last.touch()
		session.Input = &watchedInput{r: sess, last: &session.last}
		session.Context = api.WithWriteGuard(ctx, &guard{srv: s, session: session})
		if err := s.add(session); err != nil {
			s.log().Warn("session refused", "operator", entry.Name, "err", err)
			wish.Fatalln(sess, err.Error())
			return
		}
		defer s.remove(session)
		admitted(sess.Context())
		s.log().Info("session started", "operator", entry.Name, "role", entry.Role, "fingerprint", fp, "session", session.ID, "remote", sess.RemoteAddr().String())
		go s.watchIdle(session)
		s.cfg.Run(session)
		why := context.Cause(ctx)
		if why != nil && !errors.Is(why, context.Canceled) {
			wish.Println(sess, "\r\nsession ended: "+why.Error()+"\r")
		}
		s.log().Info("session ended", "operator", entry.Name, "session", session.ID, "why", why)
		_ = sess.Exit(0)
	}
}

// termEnv keeps TERM and COLORTERM of the client's environment: nothing
// else a client sends reaches the program.
func termEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "TERM=") || strings.HasPrefix(kv, "COLORTERM=") {
			out = append(out, kv)
		}
	}
	return out
}

// add registers a session within the caps.
func (s *Server) add(sess *Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sessions) >= s.cfg.MaxSessions {
		return fmt.Errorf("too many sessions (%d): try again later", s.cfg.MaxSessions)
	}
	n := 0
	for o := range s.sessions {
		if o.Operator.Fingerprint == sess.Operator.Fingerprint {
			n++
		}
	}
	if n >= s.cfg.MaxPerKey {
		return fmt.Errorf("this key already has %d sessions open", n)
	}
	s.sessions[sess] = struct{}{}
	return nil
}

// remove forgets an ended session.
func (s *Server) remove(sess *Session) {
	s.mu.Lock()
	delete(s.sessions, sess)
	s.mu.Unlock()
}

// Sessions is the number of open sessions.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// lastInput is when the operator last typed, in Unix nanoseconds.
type lastInput struct{ ns atomic.Int64 }

// touch records input now.
func (l *lastInput) touch() { l.ns.Store(time.Now().UnixNano()) }

// since is how long ago the last input was.
func (l *lastInput) since() time.Duration { return time.Since(time.Unix(0, l.ns.Load())) }

// watchedInput records every read that returns bytes.
type watchedInput struct {
	r    interface{ Read([]byte) (int, error) }
	last *lastInput
}

// Read implements io.Reader.
func (w *watchedInput) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		w.last.touch()
	}
	return n, err
}

// watchIdle ends the session after IdleTimeout without input.
func (s *Server) watchIdle(sess *Session) {
	idle := s.cfg.IdleTimeout
	step := min(idle/4, time.Second)
	t := time.NewTicker(max(step, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-sess.Context.Done():
			return
		case <-t.C:
			if sess.last.since() >= idle {
				sess.end(fmt.Errorf("idle for %s", idle))
				return
			}
		}
	}
}
