package api

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// Shared reads (WithSharedReads) let many callers of one client cost the
// API what one does: `imagine serve` gives every SSH session the same
// client, and their pollers ask for the same pages at the same instants.
// Identical GETs in flight are sent once and the body handed to every
// caller; a body stays fresh for a short window so that callers a moment
// late get it too. Every caller decodes its own copy (decode.go), and only
// the request actually sent takes a token from the rate budget, which is
// why this sits above the budgets and not in the transport. Any write
// empties the fresh bodies: the next read must see it.

// WithSharedReads turns shared reads on with bodies kept fresh for fresh
// (0: only requests in flight at the same time are shared).
func WithSharedReads(fresh time.Duration) Option {
	return func(c *config) error {
		if fresh < 0 {
			return errors.New("api: WithSharedReads: negative window")
		}
		c.sharedReads, c.sharedFresh = true, fresh
		return nil
	}
}

// sharedReads is the state of shared reads.
type sharedReads struct {
	fresh time.Duration
	now   func() time.Time
	group singleflight.Group

	mu     sync.Mutex
	kept   map[string]keptBody
	sent   int64
	shared int64
}

// keptBody is a body and when it arrived.
type keptBody struct {
	at   time.Time
	body []byte
}

// rawBody is a target that keeps the body as it came.
type rawBody struct{ body []byte }

func (r *rawBody) parse(body []byte) (any, error) {
	r.body = append([]byte(nil), body...)
	return nil, nil
}

// SharedReads reports how many GETs went to the server and how many were
// answered with another caller's body (both 0 without WithSharedReads).
func (c *Client) SharedReads() (sent, shared int64) {
	if c.reads == nil {
		return 0, 0
	}
	c.reads.mu.Lock()
	defer c.reads.mu.Unlock()
	return c.reads.sent, c.reads.shared
}

// sharable reports whether r may be shared.
func (c *Client) sharable(r *request) bool {
	return c.reads != nil && r.kind == kindAPI && r.method == http.MethodGet
}

// doShared answers a GET from a fresh body, another caller's request in
// flight, or a request of its own, and decodes the body into out.
func (c *Client) doShared(ctx context.Context, r *request, out target) error {
	s := c.reads
	key := r.path
	if len(r.query) > 0 {
		key += "?" + r.query.Encode()
	}
	key += "\x00" + string(rune('0'+r.auth))
	if body, ok := s.lookup(key); ok {
		s.count(true)
		return decode(out, body)
	}
	leader := false
	v, err, _ := s.group.Do(key, func() (any, error) {
		leader = true
		s.count(false)
		raw := &rawBody{}
		if err := c.doOnce(ctx, r, raw); err != nil {
			return nil, err
		}
		s.keep(key, raw.body)
		return raw.body, nil
	})
	if err != nil && !leader && ctx.Err() == nil && errors.Is(err, context.Canceled) {
		// The caller that sent it went away: ask on our own.
		return c.doOnce(ctx, r, out)
	}
	if err != nil {
		return err
	}
	if !leader {
		s.count(true)
	}
	return decode(out, v.([]byte))
}

// lookup returns a fresh body.
func (s *sharedReads) lookup(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.kept[key]
	if !ok {
		return nil, false
	}
	if s.now().Sub(k.at) >= s.fresh {
		delete(s.kept, key)
		return nil, false
	}
	return k.body, true
}

// keep stores a body for the freshness window.
func (s *sharedReads) keep(key string, body []byte) {
	if s.fresh <= 0 {
		return
	}
	s.mu.Lock()
	s.kept[key] = keptBody{at: s.now(), body: body}
	s.mu.Unlock()
}

// forget drops every kept body (after a write).
func (s *sharedReads) forget() {
	if s == nil {
		return
	}
	s.mu.Lock()
	clear(s.kept)
	s.mu.Unlock()
}

// count adds a request sent or a body shared.
func (s *sharedReads) count(shared bool) {
	s.mu.Lock()
	if shared {
		s.shared++
	} else {
		s.sent++
	}
	s.mu.Unlock()
}
