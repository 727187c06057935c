package api

import (
	"context"
	"time"
)

// WithSleep replaces the client's sleep (backoff, rate-limit and budget
// waits) so tests can pair it with WithClock and run without real waits.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *config) error { c.sleep = sleep; return nil }
}

// Skew exposes the token refresh margin for its table test.
func Skew(lifetime time.Duration) time.Duration { return skew(lifetime) }

// RemovedIn and WithoutRemoved are the removed-record helpers for the
// external tests.
var (
	RemovedIn      = removedIn
	WithoutRemoved = withoutRemoved
)
