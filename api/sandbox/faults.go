package sandbox

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Faults describes random misbehaviour applied to every route alike. The
// zero value injects nothing.
type Faults struct {
	// LatencyMin and LatencyMax bound a random delay added before each
	// request is processed (equal values give a fixed delay).
	LatencyMin, LatencyMax time.Duration
	// Error is the probability of answering 500 or 503 before processing.
	Error float64
	// RateLimit is the probability of a spurious 429 carrying all rate-limit
	// headers, Retry-After and retry_after.
	RateLimit float64
	// Drop is the probability of closing the connection without an answer.
	// Reads are dropped before processing; writes after processing, so the
	// client cannot know whether the write happened.
	Drop float64
}

// IsZero reports whether f injects nothing.
func (f Faults) IsZero() bool { return f == Faults{} }

// String renders f in the syntax ParseFaults reads ("" for no faults).
func (f Faults) String() string {
	var parts []string
	switch {
	case f.LatencyMax > 0 && f.LatencyMin == f.LatencyMax:
		parts = append(parts, "latency="+f.LatencyMin.String())
	case f.LatencyMax > 0:
		parts = append(parts, "latency="+f.LatencyMin.String()+"-"+f.LatencyMax.String())
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"error", f.Error}, {"ratelimit", f.RateLimit}, {"drop", f.Drop}} {
		if p.v > 0 {
			parts = append(parts, p.name+"="+strconv.FormatFloat(p.v, 'g', -1, 64))
		}
	}
	return strings.Join(parts, ",")
}

// ParseFaults reads a fault specification such as
// "latency=50ms-2s,error=0.05,ratelimit=0.02,drop=0.01". Keys may appear in
// any order, each at most once; "latency=1s" alone is a fixed delay;
// probabilities are between 0 and 1 and together at most 1. An empty spec
// (or "none") means no faults. Errors quote the whole spec and name the bad
// key.
func ParseFaults(spec string) (Faults, error) {
	var f Faults
	spec = strings.TrimSpace(spec)
	if spec == "" || spec == "none" {
		return f, nil
	}
	seen := map[string]bool{}
	for item := range strings.SplitSeq(spec, ",") {
		key, value, found := strings.Cut(strings.TrimSpace(item), "=")
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if !found || key == "" || value == "" {
			return Faults{}, fmt.Errorf("fault spec %q: %q is not key=value", spec, item)
		}
		if seen[key] {
			return Faults{}, fmt.Errorf("fault spec %q: %s given twice", spec, key)
		}
		seen[key] = true
		var err error
		switch key {
		case "latency":
			f.LatencyMin, f.LatencyMax, err = parseLatency(value)
		case "error":
			f.Error, err = parseProbability(value)
		case "ratelimit":
			f.RateLimit, err = parseProbability(value)
		case "drop":
			f.Drop, err = parseProbability(value)
		default:
			return Faults{}, fmt.Errorf("fault spec %q: unknown key %q (want latency, error, ratelimit, drop)", spec, key)
		}
		if err != nil {
			return Faults{}, fmt.Errorf("fault spec %q: %s: %w", spec, key, err)
		}
	}
	if sum := f.Error + f.RateLimit + f.Drop; sum > 1 {
		return Faults{}, fmt.Errorf("fault spec %q: error+ratelimit+drop = %g exceeds 1", spec, sum)
	}
	return f, nil
}

// parseLatency reads "D" or "MIN-MAX".
func parseLatency(v string) (time.Duration, time.Duration, error) {
	lo, hi, isRange := strings.Cut(v, "-")
	minD, err := time.ParseDuration(strings.TrimSpace(lo))
	if err != nil {
		return 0, 0, fmt.Errorf("bad duration %q (use e.g. 50ms or 50ms-2s)", lo)
	}
	maxD := minD
	if isRange {
		if maxD, err = time.ParseDuration(strings.TrimSpace(hi)); err != nil {
			return 0, 0, fmt.Errorf("bad duration %q (use e.g. 50ms or 50ms-2s)", hi)
		}
	}
	if minD < 0 || maxD < minD {
		return 0, 0, fmt.Errorf("range %q must satisfy 0 <= min <= max", v)
	}
	return minD, maxD, nil
}

// parseProbability reads a number in [0, 1].
func parseProbability(v string) (float64, error) {
	p, err := strconv.ParseFloat(v, 64)
	if err != nil || p < 0 || p > 1 || p != p {
		return 0, fmt.Errorf("%q is not a probability between 0 and 1", v)
	}
	return p, nil
}

// Fault is a deterministic misbehaviour for one request (see InjectOnce).
type Fault struct {
	// Status, when non-zero, answers with this error status instead of
	// processing (e.g. 500, 503, 429, 401). A 429 carries the rate-limit
	// headers, Retry-After and retry_after; a 401 is invalid_token.
	Status int
	// Delay waits this long before processing or, with AfterProcessing,
	// after processing and before answering.
	Delay time.Duration
	// AfterProcessing applies Delay or Drop once the request has changed
	// the state, so the client cannot tell whether its write happened.
	AfterProcessing bool
	// Drop closes the connection without an answer.
	Drop bool
	// RetryAfter is the wait a Status 429 advertises; 0 means one second.
	RetryAfter time.Duration
}

// pendingFault is one InjectOnce entry.
type pendingFault struct {
	method, prefix string
	fault          Fault
}

// faultInjector picks the fault for each request.
type faultInjector struct {
	mu      sync.Mutex
	cfg     Faults
	rng     *rand.Rand
	pending []pendingFault
}

func newFaultInjector(cfg Faults, seed uint64) *faultInjector {
	return &faultInjector{cfg: cfg, rng: rand.New(rand.NewPCG(seed, 0xfa17))}
}

// InjectOnce queues a one-shot fault for the next request whose method
// equals method (any method when empty) and whose path starts with
// pathPrefix. Queued faults are matched in the order they were added and
// take precedence over the random Options.Faults.
func (s *Server) InjectOnce(method, pathPrefix string, f Fault) {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.pending = append(s.faults.pending, pendingFault{strings.ToUpper(method), pathPrefix, f})
}

// decide returns the fault for r: a matching one-shot fault, or a random one
// drawn from the configuration (the zero Fault when none applies).
func (fi *faultInjector) decide(r *http.Request, write bool) Fault {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	var f Fault
	if c := fi.cfg; c.LatencyMax > 0 {
		f.Delay = c.LatencyMin + time.Duration(fi.rng.Int64N(int64(c.LatencyMax-c.LatencyMin)+1))
	}
	for i, p := range fi.pending {
		if (p.method == "" || p.method == r.Method) && strings.HasPrefix(r.URL.Path, p.prefix) {
			fi.pending = append(fi.pending[:i], fi.pending[i+1:]...)
			injected := p.fault
			if !injected.AfterProcessing {
				injected.Delay += f.Delay
			}
			return injected
		}
	}
	x := fi.rng.Float64()
	c := fi.cfg
	switch {
	case x < c.Error:
		f.Status = http.StatusInternalServerError
		if fi.rng.IntN(2) == 0 {
			f.Status = http.StatusServiceUnavailable
		}
	case x < c.Error+c.RateLimit:
		f.Status = http.StatusTooManyRequests
		f.RetryAfter = time.Duration(1+fi.rng.IntN(3)) * time.Second
	case x < c.Error+c.RateLimit+c.Drop:
		f.Drop = true
		f.AfterProcessing = write
	}
	return f
}

// faultReply is the error answer of a fault with a Status.
func faultReply(f Fault, d rateDecision, now time.Time) reply {
	switch f.Status {
	case http.StatusTooManyRequests:
		secs := max(int((f.RetryAfter+time.Second-1)/time.Second), 1)
		rep := rateLimitedReply(secs, "Rate limit exceeded; retry in %d s", secs)
		reset := now.Add(time.Duration(secs) * time.Second)
		rep.header.Set("X-RateLimit-Limit", strconv.Itoa(d.limit))
		rep.header.Set("X-RateLimit-Remaining", "0")
		rep.header.Set("X-RateLimit-Reset", strconv.FormatInt((reset.UnixMilli()+999)/1000, 10))
		return rep
	case http.StatusUnauthorized:
		return fail(newError(http.StatusUnauthorized, "invalid_token", "Access token expired"))
	}
	code := map[int]string{
		400: "bad_request", 403: "forbidden", 404: "not_found", 408: "request_timeout",
		409: "conflict", 500: "internal_error", 502: "bad_gateway", 503: "service_unavailable",
		504: "gateway_timeout",
	}[f.Status]
	if code == "" {
		code = "error"
	}
	return fail(newError(f.Status, code, "Injected fault: %s", http.StatusText(f.Status)))
}
