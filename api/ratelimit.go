package api

// Rate limits, in one place.
//
// The API allows 100 reads (GET) a minute, 30 writes (POST, PATCH, DELETE)
// and 10 auth requests, and reports X-RateLimit-Limit, -Remaining and -Reset
// on its responses. The client keeps three promises:
//
//  1. It never draws a 429 by itself: every request first takes a token from
//     a client-side budget (golang.org/x/time/rate) sized so that burst plus
//     refill stays under the documented limit in any 60 s window:
//     interactive reads 5 + 40/min and background reads 10 + 40/min
//     (together ≤ 95 < 100; the background burst lets every pane poll at
//     once at start-up, the rate carries a running generation job polled
//     every 2.5 s on top of the idle 12 a minute), writes 5 + 24/min (≤ 29 < 30), auth 2 + 8.6/min
//     (≤ 10). An interactive read whose budget is spent borrows from the
//     background one while it holds more than the next polls need
//     (interactiveRead): still within the 95.
//  2. Server feedback wins over the static budget: a response saying
//     Remaining ≤ 1 holds that bucket until Reset, and a 429 is answered by
//     waiting (Retry-After header → body retry_after → X-RateLimit-Reset →
//     60 s, clamped to [1 s, 120 s], plus up to 10 % jitter).
//  3. It never sleeps past the caller's deadline: if a wait does not fit,
//     the call fails at once with *RateLimitError. Calls marked with
//     Background wait for the client's own budget only briefly (up to
//     maxBackgroundWait), and never for the server.

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is the state of the API's rate limit as last reported by its
// X-RateLimit-* headers. The zero Rate means nothing was reported yet.
type Rate struct {
	// Limit is the number of requests allowed in the current window.
	Limit int
	// Remaining is the number of requests left in the window.
	Remaining int
	// Reset is when the window resets (zero if unknown).
	Reset time.Time
}

// Bounds of every rate-limit wait: per-minute windows make longer waits
// pointless, and a hostile header must not park the client for days.
const (
	minRateWait     = time.Second
	maxRateWait     = 120 * time.Second
	defaultRateWait = 60 * time.Second
	// maxBackgroundWait is how long a poller waits for the client's own
	// budget before giving up its tick: short against any poll cadence.
	maxBackgroundWait = 2 * time.Second
)

// bucket names a client-side budget.
type bucket int

const (
	readBucket bucket = iota
	writeBucket
	authBucket
	bucketCount
)

// backgroundKey marks a context as belonging to a background poller.
type backgroundKey struct{}

// Background marks ctx as a background (poller) context. Calls made with it
// make exactly one attempt: no retry after a transport error or a 5xx, no
// waiting for the client-side budget or after a 429. Instead they fail fast
// with *RateLimitError (whose Wait says when to try again), so the poll
// scheduler can back off without holding a goroutine. Background reads also
// draw from their own budget (10 + 40/min), keeping the rest for the
// user's own actions, which may borrow what the polls leave idle.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// paceKey carries the observer of WithPaceObserver in a context.
type paceKey struct{}

// WithPaceObserver returns ctx carrying f, which the client calls when a
// request made with ctx (or a context derived from it) is about to wait
// for the rate limit (its own budget, or the server's word), with how
// long it will wait, so that a screen can say why it is still loading.
// Background requests, which give up instead of waiting, never call it.
// f runs on the request's goroutine and must not block.
func WithPaceObserver(ctx context.Context, f func(wait time.Duration)) context.Context {
	return context.WithValue(ctx, paceKey{}, f)
}

// observePace tells ctx's observer, if any, of a wait of d.
func observePace(ctx context.Context, d time.Duration) {
	if f, ok := ctx.Value(paceKey{}).(func(time.Duration)); ok && f != nil {
		f(d)
	}
}

// isBackground reports whether ctx was marked with Background.
func isBackground(ctx context.Context) bool {
	v, _ := ctx.Value(backgroundKey{}).(bool)
	return v
}

// budgets is the client-side rate budget: one limiter per bucket (two for
// reads) plus a hold per bucket set from server feedback.
type budgets struct {
	enabled bool
	reads   *rate.Limiter
	bgReads *rate.Limiter
	writes  *rate.Limiter
	auth    *rate.Limiter

	// The rates the limiters are built with, which AIMD (aimd.go) returns
	// to after a 429.
	capReads, capBgReads, capWrites, capAuth rate.Limit

	mu   sync.Mutex
	hold [bucketCount]time.Time
	cuts map[*rate.Limiter]cut
}

func newBudgets(enabled bool) *budgets {
	b := &budgets{
		enabled: enabled,
		reads:   rate.NewLimiter(rate.Every(1500*time.Millisecond), 5),
		bgReads: rate.NewLimiter(rate.Every(1500*time.Millisecond), 10),
		writes:  rate.NewLimiter(rate.Every(2500*time.Millisecond), 5),
		auth:    rate.NewLimiter(rate.Every(7*time.Second), 2),
		cuts:    map[*rate.Limiter]cut{},
	}
	b.capReads, b.capBgReads = b.reads.Limit(), b.bgReads.Limit()
	b.capWrites, b.capAuth = b.writes.Limit(), b.auth.Limit()
	return b
}

func (b *budgets) limiter(k bucket, background bool) *rate.Limiter {
	switch k {
	case writeBucket:
		return b.writes
	case authBucket:
		return b.auth
	}
	if background {
		return b.bgReads
	}
	return b.reads
}

// pollReserve is how many tokens of the background budget an interactive
// read leaves to the pollers when it borrows (interactiveRead): enough for
// every pane's next poll to go out on time.
const pollReserve = 3

// interactiveRead is the limiter an interactive read draws from: its own
// budget, or, when that is spent and the pollers hold more than they need
// (pollReserve), theirs. A token borrowed is still one of the 95 a minute
// the two budgets are sized for together, so borrowing never draws a 429;
// it lets a run of the operator's own reads (a profile, its followers, a
// conversation) go at once while the polls are idle, instead of one every
// 1.5 s.
func (b *budgets) interactiveRead(now time.Time) *rate.Limiter {
	if b.reads.TokensAt(now) < 1 && b.bgReads.TokensAt(now) >= 1+pollReserve {
		return b.bgReads
	}
	return b.reads
}

// holdUntil keeps bucket k closed until t (server said Remaining ≤ 1).
func (b *budgets) holdUntil(k bucket, t time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if t.After(b.hold[k]) {
		b.hold[k] = t
	}
}

func (b *budgets) heldUntil(k bucket) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.hold[k]
}

// wait takes one token from bucket k, sleeping if the budget asks for it and
// the caller allows it; otherwise it returns *RateLimitError.
func (c *Client) wait(ctx context.Context, k bucket) error {
	b := c.budgets
	if !b.enabled {
		return nil
	}
	bg := isBackground(ctx)
	now := c.now()
	b.recover(k, now)
	if until := b.heldUntil(k); now.Before(until) {
		d := until.Sub(now)
		if bg || !fits(ctx, d) {
			return c.rateLimitError(d)
		}
		observePace(ctx, d)
		if err := c.sleep(ctx, d); err != nil {
			return err
		}
		now = c.now()
	}
	lim := b.limiter(k, bg)
	if k == readBucket && !bg {
		lim = b.interactiveRead(now)
	}
	r := lim.ReserveN(now, 1)
	if !r.OK() {
		return c.localRateLimitError(defaultRateWait)
	}
	d := r.DelayFrom(now)
	if d <= 0 {
		return nil
	}
	if (bg && d > maxBackgroundWait) || !fits(ctx, d) {
		r.CancelAt(now)
		return c.localRateLimitError(d)
	}
	if !bg {
		observePace(ctx, d)
	}
	if err := c.sleep(ctx, d); err != nil {
		r.CancelAt(c.now())
		return err
	}
	return nil
}

// observeRate records the X-RateLimit-* headers of a response and, when the
// window is (nearly) used up, holds the bucket until it resets.
func (c *Client) observeRate(k bucket, h http.Header) {
	limit, okL := headerInt(h, "X-RateLimit-Limit")
	remaining, okR := headerInt(h, "X-RateLimit-Remaining")
	if !okL && !okR {
		return
	}
	now := c.now()
	r := Rate{Limit: limit, Remaining: remaining}
	if d, ok := resetDelay(h.Get("X-RateLimit-Reset"), now); ok {
		r.Reset = now.Add(d)
	}
	if k != authBucket {
		// Token responses report the auth limit (10/min); Rate is about
		// the API calls the UI paces.
		c.rate.set(r)
	}
	if okR && remaining <= 1 && c.budgets.enabled {
		d := defaultRateWait
		if !r.Reset.IsZero() {
			d = r.Reset.Sub(now)
		}
		c.budgets.holdUntil(k, now.Add(clampWait(d)))
	}
}

// rateState is the last Rate seen, shared by all requests.
type rateState struct {
	mu   sync.Mutex
	last Rate
}

func (s *rateState) set(r Rate) {
	s.mu.Lock()
	s.last = r
	s.mu.Unlock()
}

func (s *rateState) get() Rate {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// rateLimitError builds the error for a wait of d from now.
func (c *Client) rateLimitError(d time.Duration) *RateLimitError {
	return &RateLimitError{Wait: d, Until: c.now().Add(d), Rate: c.rate.get()}
}

// localRateLimitError is a refusal by the client's own budget: nothing was
// sent and the server has not complained.
func (c *Client) localRateLimitError(d time.Duration) *RateLimitError {
	e := c.rateLimitError(d)
	e.Local = true
	return e
}

// retryWait computes how long to wait after a 429: Retry-After (seconds or
// an HTTP date) → body retry_after (seconds) → X-RateLimit-Reset → 60 s,
// clamped to [1 s, 120 s], plus 0–10 % jitter.
func retryWait(res *response, now time.Time) time.Duration {
	d, ok := retryAfterHeader(res.header.Get("Retry-After"), now)
	if !ok {
		d, ok = bodyRetryAfter(res.body)
	}
	if !ok {
		d, ok = resetDelay(res.header.Get("X-RateLimit-Reset"), now)
	}
	if !ok {
		d = defaultRateWait
	}
	d = clampWait(d)
	return d + rand.N(d/10+1)
}

// retryAfterHeader parses Retry-After as delta-seconds or an HTTP date.
// Negative or unparsable values are ignored.
func retryAfterHeader(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		return seconds(float64(n)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// resetDelay interprets X-RateLimit-Reset, whose unit the API does not
// document: a value above 10¹² is epoch milliseconds, above 10⁹ epoch
// seconds, anything else seconds from now.
func resetDelay(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 {
		return 0, false
	}
	switch {
	case f > 1e12:
		return max(time.UnixMilli(int64(f)).Sub(now), 0), true
	case f > 1e9:
		return max(time.Unix(int64(f), 0).Sub(now), 0), true
	}
	return seconds(f), true
}

// seconds converts a number of seconds to a Duration without overflowing.
func seconds(f float64) time.Duration {
	if f > maxRateWait.Seconds()*2 {
		return 2 * maxRateWait
	}
	return time.Duration(f * float64(time.Second))
}

func clampWait(d time.Duration) time.Duration {
	return min(max(d, minRateWait), maxRateWait)
}

func headerInt(h http.Header, key string) (int, bool) {
	v := strings.TrimSpace(h.Get(key))
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// fits reports whether sleeping d still leaves time before ctx's deadline.
// Deadlines are real time, whatever clock the client uses.
func fits(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > d
}
