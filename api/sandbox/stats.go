package sandbox

import (
	"maps"
	"sync"
)

// Stats are request counters for tests and measurements.
type Stats struct {
	// Requests counts every request that reached the server, faulted or not.
	Requests int
	// ByRoute counts requests per route pattern, such as "POST /api/posts"
	// or "POST /api/posts/{id}/like" (wildcards such as {id}, {handle},
	// {jobId} or {file} stand for the path values; media downloads count
	// under "GET /media/{file}"). Requests no route serves count under
	// "UNMATCHED".
	ByRoute map[string]int
	// RateLimited counts genuine 429 answers (limit exceeded).
	RateLimited int
	// Faults counts requests answered by an injected fault (error status,
	// spurious 429 or dropped connection), random or InjectOnce.
	Faults int
}

type statsCounter struct {
	mu sync.Mutex
	st Stats
}

func newStatsCounter() *statsCounter {
	return &statsCounter{st: Stats{ByRoute: map[string]int{}}}
}

func (c *statsCounter) count(pattern string) {
	if pattern == "" {
		pattern = "UNMATCHED"
	}
	c.mu.Lock()
	c.st.Requests++
	c.st.ByRoute[pattern]++
	c.mu.Unlock()
}

func (c *statsCounter) rateLimited() {
	c.mu.Lock()
	c.st.RateLimited++
	c.mu.Unlock()
}

func (c *statsCounter) fault() {
	c.mu.Lock()
	c.st.Faults++
	c.mu.Unlock()
}

// Stats returns a snapshot of the request counters.
func (s *Server) Stats() Stats {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	st := s.stats.st
	st.ByRoute = maps.Clone(st.ByRoute)
	return st
}
