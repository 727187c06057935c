package sandbox

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// rateClass is one of the documented limit families.
type rateClass int

const (
	classRead rateClass = iota
	classWrite
	classAuth
)

// rateWindow is the length of a fixed rate-limit window.
const rateWindow = time.Minute

// limit is the documented number of requests per window.
func (c rateClass) limit() int {
	switch c {
	case classWrite:
		return 30
	case classAuth:
		return 10
	default:
		return 100
	}
}

// classOf sorts a request into its limit family.
func classOf(r *http.Request) rateClass {
	switch {
	case isAuthPath(r):
		return classAuth
	case isWrite(r):
		return classWrite
	default:
		return classRead
	}
}

type windowKey struct {
	key   string
	class rateClass
}

type window struct {
	start time.Time
	count int
}

// rateLimiter counts requests in fixed 60-second windows per bucket and
// class. A window starts with the first request of its bucket.
type rateLimiter struct {
	mu       sync.Mutex
	windows  map[windowKey]*window
	disabled bool
}

func newRateLimiter(disabled bool) *rateLimiter {
	return &rateLimiter{windows: map[windowKey]*window{}, disabled: disabled}
}

// rateDecision is the limiter's verdict and the numbers for the headers.
type rateDecision struct {
	allowed   bool
	limit     int
	remaining int
	reset     time.Time
	now       time.Time
}

// take counts one request of class c in bucket key at now.
func (l *rateLimiter) take(key string, c rateClass, now time.Time) rateDecision {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := windowKey{key, c}
	w := l.windows[k]
	if w == nil || !now.Before(w.start.Add(rateWindow)) {
		if len(l.windows) > 10000 {
			l.prune(now)
		}
		w = &window{start: now}
		l.windows[k] = w
	}
	d := rateDecision{limit: c.limit(), reset: w.start.Add(rateWindow), now: now}
	if w.count >= d.limit && !l.disabled {
		return d
	}
	w.count++
	d.allowed = true
	d.remaining = max(d.limit-w.count, 0)
	return d
}

// prune forgets windows that have ended.
func (l *rateLimiter) prune(now time.Time) {
	for k, w := range l.windows {
		if !now.Before(w.start.Add(rateWindow)) {
			delete(l.windows, k)
		}
	}
}

// resetEpoch is the end of the window in epoch seconds, rounded up.
func (d rateDecision) resetEpoch() int64 {
	return (d.reset.UnixMilli() + 999) / 1000
}

// retryAfter is the whole number of seconds until the window ends (≥ 1).
func (d rateDecision) retryAfter() int {
	secs := int((d.reset.Sub(d.now) + time.Second - 1) / time.Second)
	return max(secs, 1)
}

// setHeaders writes the X-RateLimit-* headers that every response carries.
func (d rateDecision) setHeaders(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(d.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(d.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(d.resetEpoch(), 10))
}

// refusal is the 429 answer for a request over the limit.
func (d rateDecision) refusal() reply {
	return rateLimitedReply(d.retryAfter(), "Rate limit exceeded: %d requests per minute; retry in %d s", d.limit, d.retryAfter())
}

// rateLimitedReply is a 429 with Retry-After and the body's retry_after.
func rateLimitedReply(secs int, format string, args ...any) reply {
	rep := fail(newError(http.StatusTooManyRequests, "rate_limited", format, args...))
	body := rep.body.(errorBody)
	body.RetryAfter = &secs
	rep.body = body
	rep.header = http.Header{"Retry-After": {strconv.Itoa(secs)}}
	return rep
}
