package api

import (
	"sync"
	"time"
)

// Connectivity is the client's view of the network, for the UI's status
// line. It is derived from transport failures only: any HTTP answer, even a
// 4xx or 5xx, proves the server is reachable and means Online.
type Connectivity int

const (
	// Online means the last request got an HTTP answer (or none was made).
	Online Connectivity = iota
	// Degraded means the last request got no answer, but the failure is
	// recent and isolated.
	Degraded
	// Offline means at least two consecutive requests got no answer over
	// five seconds or more, or a DNS lookup failed. The client keeps
	// working as usual; the caller decides whether to pause polling and
	// refuse writes until a request succeeds again.
	Offline
)

// String returns "online", "degraded" or "offline".
func (s Connectivity) String() string {
	switch s {
	case Online:
		return "online"
	case Degraded:
		return "degraded"
	case Offline:
		return "offline"
	}
	return "unknown"
}

// offlineAfter is how long consecutive failures must span before the state
// goes from Degraded to Offline.
const offlineAfter = 5 * time.Second

// connState tracks consecutive transport failures.
type connState struct {
	mu       sync.Mutex
	failures int
	first    time.Time
	state    Connectivity
}

// success records an HTTP answer.
func (s *connState) success() {
	s.mu.Lock()
	s.failures = 0
	s.state = Online
	s.mu.Unlock()
}

// failure records a request that got no HTTP answer at time now; dns says
// the host name could not be resolved, which counts as offline at once.
func (s *connState) failure(now time.Time, dns bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures++
	if s.failures == 1 {
		s.first = now
	}
	switch {
	case dns, s.failures >= 2 && now.Sub(s.first) >= offlineAfter:
		s.state = Offline
	case s.state != Offline:
		s.state = Degraded
	}
}

func (s *connState) get() Connectivity {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}
