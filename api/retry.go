package api

// The request loop. One call = one or more attempts, decided here:
//
//   - reads (GET) and DELETE, which are idempotent, get up to 3 attempts on
//     transport errors, 408 and 5xx, with full-jitter backoff (base 500 ms,
//     cap 8 s) that never sleeps past the context deadline; a 404 on a
//     DELETE that may already have been applied counts as success;
//   - writes (POST, PATCH) are repeated only when nothing was sent (dial,
//     DNS, refused) or after a refusal (401, 408, 429); once they may have
//     reached the server (timeout, reset or EOF after sending, 5xx) the call
//     ends with *UnknownOutcomeError and is never resent;
//   - a 401 on a call that carried a token invalidates that token once and
//     repeats the call with a fresh one, whatever the method (the server
//     refused before acting); a second 401 is returned (ErrUnauthorized);
//   - the public timeline does not wait for the first token (authEager): it
//     goes out anonymously until one exists, and once more with a token if
//     the anonymous read draws a 401;
//   - a 429 is waited out when the wait fits the deadline (ratelimit.go);
//   - Background calls make exactly one attempt.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"
)

// authMode says whether a request carries the access token.
type authMode int

const (
	authNone     authMode = iota // never (token endpoint, registration)
	authOptional                 // when the client has credentials (public reads)
	authRequired                 // always; ErrNoCredentials without credentials
	// authEager is authOptional that does not wait for the first token:
	// until the client has been issued one it reads anonymously, so a
	// public page can load in parallel with sign-in instead of after it.
	// Once a token exists it behaves like authOptional (a token near expiry
	// is renewed, not skipped); a 401 to the anonymous read repeats it with
	// a token, in case the server wants one after all.
	authEager
)

// endpointKind separates the token and registration endpoints, which use the
// auth budget, from ordinary API calls.
type endpointKind int

const (
	kindAPI endpointKind = iota
	kindRegister
	kindToken
)

// request describes one API call.
type request struct {
	method string
	path   string // below the base URL, starting with "/api/", segments escaped
	query  url.Values
	body   any // encoded as JSON when non-nil
	auth   authMode
	kind   endpointKind
	list   bool // a list response: larger body limit
}

// response is an HTTP answer with its body read (within limits).
type response struct {
	status   int
	header   http.Header
	body     []byte
	tooLarge bool
}

// Body limits (security.md §5.1).
const (
	maxListBody   = 4 << 20
	maxObjectBody = 1 << 20
	maxErrorBody  = 64 << 10
)

// Per-request deadlines used when the caller's context has none.
const (
	readTimeout  = 15 * time.Second
	writeTimeout = 20 * time.Second
	tokenTimeout = 10 * time.Second
)

// Retry tuning.
const (
	maxAttempts  = 3
	maxRateWaits = 2 // the default of WithRateWaits
	backoffBase  = 500 * time.Millisecond
	backoffCap   = 8 * time.Second
)

func (r *request) bucket() bucket {
	switch {
	case r.kind != kindAPI:
		return authBucket
	case r.method == http.MethodGet || r.method == http.MethodHead:
		return readBucket
	}
	return writeBucket
}

// idempotent reports whether repeating the request is harmless even if an
// earlier attempt reached the server. A token grant only issues a token.
func (r *request) idempotent() bool {
	switch r.method {
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		return true
	}
	return r.kind == kindToken
}

func (r *request) timeout() time.Duration {
	switch {
	case r.kind == kindToken:
		return tokenTimeout
	case r.method == http.MethodGet || r.method == http.MethodHead:
		return readTimeout
	}
	return writeTimeout
}

// do performs r, retrying as described at the top of this file, and decodes
// a successful body into out. It is the only way services reach the network,
// and out (built in decode.go) is the only way a body becomes a value.
func (c *Client) do(ctx context.Context, r *request, out target) (err error) {
	done, err := guardWrite(ctx, r)
	if err != nil {
		return err
	}
	defer func() { done(err) }()
	if c.sharable(r) {
		return c.doShared(ctx, r, out)
	}
	if r.method != http.MethodGet && r.method != http.MethodHead {
		// A write makes every kept read stale, whatever its outcome.
		c.reads.forget()
		defer c.reads.forget()
	}
	return c.doOnce(ctx, r, out)
}

// doOnce is do without the guard and shared reads: one call, with its
// retries.
func (c *Client) doOnce(ctx context.Context, r *request, out target) (err error) {
	if r.kind == kindAPI {
		// The token first, on the caller's deadline rather than the
		// request's: a sign-in refused for the limit is waited out
		// (tokenManager.token), and the request's own time starts after.
		if _, _, err := c.tokenFor(ctx, r.auth); err != nil {
			return err
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.timeout())
		defer cancel()
	}
	var payload []byte
	if r.body != nil {
		if payload, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("api: encode %s %s: %w", r.method, r.path, err)
		}
	}
	u := c.baseURL.String() + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	bg := isBackground(ctx)
	attempts, rateWaits := 0, 0
	authRetried, mayHaveApplied := false, false
	auth := r.auth
	for {
		if open := c.breaker.allow(c.now()); open != nil {
			return open
		}
		if err := c.wait(ctx, r.bucket()); err != nil {
			c.breaker.release()
			return err
		}
		tok, gen, err := c.tokenFor(ctx, auth)
		if err != nil {
			c.breaker.release()
			return err
		}
		res, sent, err := c.send(ctx, r, u, payload, tok)
		attempts++
		switch {
		case err != nil && errors.Is(err, context.Canceled):
			c.breaker.release()
		case err != nil:
			c.breaker.record(c.now(), true)
		default:
			c.breaker.record(c.now(), retryableStatus(res.status))
		}
		if err != nil {
			if (r.idempotent() || !sent) && !bg && attempts < maxAttempts && !errors.Is(err, context.Canceled) && c.backoff(ctx, r, attempts) {
				mayHaveApplied = mayHaveApplied || sent
				continue
			}
			return c.transportError(r, u, err, sent)
		}
		switch s := res.status; {
		case s >= 200 && s < 300:
			if res.tooLarge {
				return fmt.Errorf("api: %s %s: %w", r.method, u, ErrResponseTooLarge)
			}
			return decode(out, res.body)
		case s == http.StatusUnauthorized && tok != "" && !authRetried:
			c.tokens.invalidate(gen)
			authRetried = true
			continue
		case s == http.StatusUnauthorized && auth == authEager && c.tokens != nil && !authRetried:
			auth = authOptional // the server wants a token for this read after all
			authRetried = true
			continue
		case s == http.StatusTooManyRequests:
			if c.budgets.enabled {
				c.budgets.penalize(r.bucket(), c.now())
			}
			d := retryWait(res, c.now())
			if bg || rateWaits >= c.rateWaits || !fits(ctx, d) {
				return c.rateLimitError(d)
			}
			observePace(ctx, d)
			if err := c.sleep(ctx, d); err != nil {
				return err
			}
			rateWaits++
			continue
		case s == http.StatusNotFound && r.method == http.MethodDelete && mayHaveApplied:
			return decode(out, nil)
		case s == http.StatusRequestTimeout:
			limit := maxAttempts
			if !r.idempotent() {
				limit = 2
			}
			if !bg && attempts < limit && c.backoff(ctx, r, attempts) {
				continue
			}
		case retryableStatus(s) && r.idempotent():
			if !bg && attempts < maxAttempts && c.backoff(ctx, r, attempts) {
				mayHaveApplied = true
				continue
			}
		}
		err = checkResponse(r.method, u, res)
		if retryableStatus(res.status) && !r.idempotent() {
			return &UnknownOutcomeError{Method: r.method, URL: u, Err: err}
		}
		return err
	}
}

// retryableStatus is a 5xx that may succeed later (not 501 or 505, which
// say the server will never do this).
func retryableStatus(s int) bool {
	return s >= 500 && s != http.StatusNotImplemented && s != http.StatusHTTPVersionNotSupported
}

// tokenFor returns the token (and its generation) a request should carry.
func (c *Client) tokenFor(ctx context.Context, mode authMode) (Secret, uint64, error) {
	switch {
	case mode == authNone, mode == authOptional && c.tokens == nil:
		return "", 0, nil
	case mode == authEager && (c.tokens == nil || !c.tokens.issued()):
		return "", 0, nil
	case c.tokens == nil:
		return "", 0, ErrNoCredentials
	}
	return c.tokens.token(ctx)
}

// send makes one attempt. sent reports whether the request may have reached
// the server: false only when the connection failed before the request
// headers were written.
func (c *Client) send(ctx context.Context, r *request, u string, payload []byte, tok Secret) (res *response, sent bool, err error) {
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteHeaders: func() { wrote.Store(true) }})
	if tok != "" {
		ctx = withToken(ctx, tok)
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.hc
	if r.kind == kindToken {
		hc = c.tokenHC
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, wrote.Load() && !isDialError(err), err
	}
	res, err = c.readResponse(r, resp)
	return res, true, err
}

// readResponse records that an answer arrived (connectivity, rate-limit
// headers), reads its body within the limit for its kind and closes it.
func (c *Client) readResponse(r *request, resp *http.Response) (*response, error) {
	defer discard(resp.Body)
	c.conn.success()
	c.observeRate(r.bucket(), resp.Header)
	limit := int64(maxObjectBody)
	switch {
	case resp.StatusCode >= 300:
		limit = maxErrorBody
	case r.list:
		limit = maxListBody
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	res := &response{status: resp.StatusCode, header: resp.Header, body: data}
	if int64(len(data)) > limit {
		res.body, res.tooLarge = nil, true
	}
	return res, nil
}

// transportError classifies a failed attempt that got no (complete) answer
// and records it for Connectivity. A write that may have been sent becomes
// *UnknownOutcomeError; anything else is wrapped with ErrOffline, except a
// cancellation by the caller, which is returned as is.
func (c *Client) transportError(r *request, u string, err error, sent bool) error {
	canceled := errors.Is(err, context.Canceled)
	if !canceled {
		var dns *net.DNSError
		c.conn.failure(c.now(), errors.As(err, &dns))
	}
	switch {
	case sent && !r.idempotent():
		return &UnknownOutcomeError{Method: r.method, URL: u, Err: err}
	case canceled:
		return err
	}
	return fmt.Errorf("%w: %w", ErrOffline, err)
}

// isDialError reports whether err happened while connecting, before any
// byte of the request could be sent.
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// backoff sleeps before attempt n+1 with full jitter, rand[0, min(cap,
// base·2ⁿ⁻¹)); the token endpoint uses a 1 s base. It reports false (and does
// not sleep) when the sleep would not fit the deadline.
func (c *Client) backoff(ctx context.Context, r *request, n int) bool {
	base := backoffBase
	if r.kind == kindToken {
		base = time.Second
	}
	ceiling := min(base<<(n-1), backoffCap)
	d := rand.N(ceiling)
	if !fits(ctx, d) {
		return false
	}
	return c.sleep(ctx, d) == nil
}
