// Package coalesce is an http.RoundTripper that lets many callers share
// one account's reads: identical GETs in flight are sent once and the
// answer is handed to every caller, and an answer stays fresh for a short
// window, so callers asking a moment later get it too. `imagine serve`
// puts it under the one API client its SSH sessions share, so that N
// operators cost the API what one does.
//
// Only GETs with a 200 answer are shared. Any other method sends as usual
// and empties the fresh answers (after a write, the next read must see
// it). Requests are told apart by method, URL and Authorization header.
package coalesce

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// maxBody is the largest answer kept or shared; larger ones are passed to
// the one caller that sent the request and the others send their own.
const maxBody = 8 << 20

// Transport coalesces GETs over Base. The zero value is not usable; make
// one with New.
type Transport struct {
	base   http.RoundTripper
	fresh  time.Duration
	now    func() time.Time
	group  singleflight.Group
	mu     sync.Mutex
	cache  map[string]entry
	sent   int64 // requests passed to base
	shared int64 // GETs answered without a request of their own
}

// entry is one answer kept for the freshness window.
type entry struct {
	at     time.Time
	status int
	header http.Header
	body   []byte
}

// New returns a Transport sending through base (http.DefaultTransport
// when nil) that keeps answers fresh for fresh (0: only requests in flight
// at the same time are shared).
func New(base http.RoundTripper, fresh time.Duration) *Transport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &Transport{base: base, fresh: fresh, now: time.Now, cache: map[string]entry{}}
}

// Stats returns how many requests went to the base transport and how many
// GETs were answered from another caller's request.
func (t *Transport) Stats() (sent, shared int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sent, t.shared
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet || req.Body != nil && req.Body != http.NoBody {
		if req.Method != http.MethodHead {
			t.forget()
		}
		t.count(false)
		return t.base.RoundTrip(req)
	}
	key := req.URL.String() + "\x00" + req.Header.Get("Authorization")
	if e, ok := t.lookup(key); ok {
		t.count(true)
		return e.response(req), nil
	}
	leader := false
	v, err, _ := t.group.Do(key, func() (any, error) {
		leader = true
		t.count(false)
		res, err := t.base.RoundTrip(req)
		if err != nil {
			return nil, err
		}
		return t.keep(key, res)
	})
	if err != nil {
		return nil, err
	}
	switch v := v.(type) {
	case entry:
		if !leader {
			t.count(true)
		}
		return v.response(req), nil
	case *http.Response:
		if leader {
			return v, nil
		}
	}
	// The leader's answer could not be shared: send this one alone.
	t.count(false)
	return t.base.RoundTrip(req)
}

// keep reads a 200 answer of bounded size into an entry and keeps it;
// anything else is returned as the response itself, for the leader only.
func (t *Transport) keep(key string, res *http.Response) (any, error) {
	if res.StatusCode != http.StatusOK || res.ContentLength > maxBody {
		return res, nil
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, maxBody+1))
	_ = res.Body.Close()
	if err != nil {
		return nil, err
	}
	if len(body) > maxBody {
		// Too large to share; the leader still gets what it asked for.
		res.Body = io.NopCloser(bytes.NewReader(body))
		return res, nil
	}
	e := entry{at: t.now(), status: res.StatusCode, header: res.Header.Clone(), body: body}
	if t.fresh > 0 {
		t.mu.Lock()
		t.cache[key] = e
		t.mu.Unlock()
	}
	return e, nil
}

// lookup returns a fresh answer for key.
func (t *Transport) lookup(key string) (entry, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.cache[key]
	if !ok {
		return entry{}, false
	}
	if t.now().Sub(e.at) >= t.fresh {
		delete(t.cache, key)
		return entry{}, false
	}
	return e, true
}

// forget drops every kept answer.
func (t *Transport) forget() {
	t.mu.Lock()
	clear(t.cache)
	t.mu.Unlock()
}

// count adds one request sent or one shared answer.
func (t *Transport) count(shared bool) {
	t.mu.Lock()
	if shared {
		t.shared++
	} else {
		t.sent++
	}
	t.mu.Unlock()
}

// response is a copy of the entry for req: its own header and body.
func (e entry) response(req *http.Request) *http.Response {
	return &http.Response{
		Status:        strconv.Itoa(e.status) + " " + http.StatusText(e.status),
		StatusCode:    e.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        e.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(e.body)),
		ContentLength: int64(len(e.body)),
		Request:       req,
	}
}
