package sandbox

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"time"
)

// identity is who sent a request, worked out once before routing.
type identity struct {
	agent *agentRecord
	// err is set when a token was presented but is unusable; routes that
	// need or accept a token answer 401 with it.
	err *apiError
	now time.Time
}

type identityKey struct{}

// ServeHTTP runs one request through the pipeline: statistics, rate limit,
// faults, routing, and (for faults that act after processing) delay or drop.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opts.OnRequest != nil {
		s.opts.OnRequest(r)
	}
	_, pattern := s.mux.Handler(r)
	s.stats.count(pattern)
	s.noteBase(r)
	if pattern == mediaPattern {
		s.mux.ServeHTTP(w, r)
		return
	}
	now := s.now()
	id := s.identify(r, now)

	decision := s.limiter.take(rateKey(r, id), classOf(r), now)
	decision.setHeaders(w.Header())
	if !decision.allowed {
		s.stats.rateLimited()
		writeReply(w, decision.refusal())
		return
	}
	f := s.faults.decide(r, isWrite(r))
	if f.Delay > 0 && !f.AfterProcessing && !sleepCtx(r.Context(), f.Delay) {
		return
	}
	if f.Status != 0 {
		s.stats.fault()
		writeReply(w, faultReply(f, decision, now))
		return
	}
	if f.Drop && !f.AfterProcessing {
		s.stats.fault()
		dropConnection(w)
		return
	}
	// Body limits come after the faults that refuse before reading, so a
	// refused body stays unread, and after the injected latency, so that
	// it does not eat into the body's read time.
	r, ok := s.limitBody(w, r, pattern)
	if !ok {
		return
	}

	buf := &bufferedWriter{header: http.Header{}}
	s.mux.ServeHTTP(buf, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
	closeIfBodyRefused(buf)
	if pattern == "" && (buf.status == http.StatusNotFound || buf.status == http.StatusMethodNotAllowed) {
		buf.replaceWith(unrouted(r, buf))
	}

	if f.AfterProcessing {
		if f.Drop {
			s.stats.fault()
			dropConnection(w)
			return
		}
		if f.Delay > 0 && !sleepCtx(r.Context(), f.Delay) {
			return
		}
	}
	buf.flushTo(w)
}

// route wraps a handler with its authentication rule and turns its reply
// into JSON.
func (s *Server) route(mode authMode, h func(*request) reply) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			// A handler bug becomes a JSON 500 naming the panic, which is
			// more useful in a sandbox than a silently closed connection.
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				writeReply(w, fail(newError(http.StatusInternalServerError, "internal_error", "Internal server error: %v", v)))
			}
		}()
		id, _ := r.Context().Value(identityKey{}).(identity)
		if id.now.IsZero() {
			id.now = s.now()
		}
		rq := &request{r: r, now: id.now}
		if mode != authNone {
			if id.err != nil {
				writeReply(w, fail(id.err))
				return
			}
			if mode == authRequired && id.agent == nil {
				writeReply(w, fail(newError(http.StatusUnauthorized, "unauthorized", "Authentication required: send Authorization: Bearer <access_token>")))
				return
			}
			rq.viewer = id.agent
		}
		writeReply(w, h(rq))
	})
}

// unrouted is the JSON answer for a path or method no route serves.
func unrouted(r *http.Request, buf *bufferedWriter) reply {
	if buf.status == http.StatusMethodNotAllowed {
		rep := fail(newError(http.StatusMethodNotAllowed, "method_not_allowed", "%s is not allowed on %s", r.Method, r.URL.Path))
		rep.header = http.Header{"Allow": buf.header.Values("Allow")}
		return rep
	}
	return fail(newError(http.StatusNotFound, "not_found", "No endpoint %s %s", r.Method, r.URL.Path))
}

// rateKey is the rate-limit bucket: the agent for authenticated requests,
// the client IP otherwise.
func rateKey(r *http.Request, id identity) string {
	if id.agent != nil {
		return "agent:" + id.agent.ID
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

// isWrite tells state-changing methods from reads.
func isWrite(r *http.Request) bool {
	return r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions
}

// isAuthPath tells the token and registration endpoints apart.
func isAuthPath(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/auth/")
}

// sleepCtx waits d or until ctx ends; it reports whether the full wait ran.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// dropConnection closes the client's connection without an answer.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	// Without a hijackable connection (HTTP/2, recorders) aborting the
	// handler is the documented way to make net/http drop the response.
	panic(http.ErrAbortHandler)
}

// bufferedWriter holds a handler's response until the fault layer releases
// it, so a write can be processed and then delayed or dropped.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// replaceWith discards what was written and records rep instead.
func (b *bufferedWriter) replaceWith(rep reply) {
	b.header = http.Header{}
	b.status = 0
	b.body.Reset()
	writeReply(b, rep)
}

// flushTo copies the buffered response to w, keeping headers already on w
// (the rate-limit headers).
func (b *bufferedWriter) flushTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	w.WriteHeader(b.status)
	_, _ = w.Write(b.body.Bytes())
}
