package api

import (
	"time"

	"golang.org/x/time/rate"
)

// AIMD (security.md §5.4): a 429 says the budget was too generous for the
// server right now, whatever the documented limit. The bucket's rate is
// halved at once and held there for aimdHold, then raised by 10 % a minute
// back to its cap: additive-ish increase, multiplicative decrease, so one
// burst of 429s is not followed by another as soon as the wait is over.
const (
	aimdHold = 5 * time.Minute
	aimdStep = time.Minute
	aimdRise = 1.10
	// aimdFloor bounds the cuts of a run of 429s: at most an eighth of the
	// cap, so that the climb back takes minutes, not an hour.
	aimdFloor = 8
)

// cut is the state of one bucket after a 429.
type cut struct {
	at    time.Time  // when the rate was last halved (zero: never)
	floor rate.Limit // the rate it was halved to
}

// caps are the rates each limiter is built with; AIMD never goes above.
func (b *budgets) capOf(lim *rate.Limiter) rate.Limit {
	switch lim {
	case b.reads:
		return b.capReads
	case b.bgReads:
		return b.capBgReads
	case b.writes:
		return b.capWrites
	}
	return b.capAuth
}

// penalize halves bucket k's rate at now (both read limiters for reads:
// the server counts them together).
func (b *budgets) penalize(k bucket, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, lim := range b.limitersOf(k) {
		half := max(lim.Limit()/2, b.capOf(lim)/aimdFloor)
		lim.SetLimitAt(now, half)
		b.cuts[lim] = cut{at: now, floor: half}
	}
}

// recover raises the rates cut by penalize as time passes: nothing for
// aimdHold, then 10 % a minute, compounding, up to the cap.
func (b *budgets) recover(k bucket, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, lim := range b.limitersOf(k) {
		c, ok := b.cuts[lim]
		if !ok {
			continue
		}
		since := now.Sub(c.at) - aimdHold
		if since < 0 {
			continue
		}
		steps := int(since/aimdStep) + 1
		target := c.floor
		for range steps {
			target *= aimdRise
		}
		if cp := b.capOf(lim); target >= cp {
			target = cp
			delete(b.cuts, lim)
		}
		if target != lim.Limit() {
			lim.SetLimitAt(now, target)
		}
	}
}

// limitersOf are the limiters bucket k draws from.
func (b *budgets) limitersOf(k bucket) []*rate.Limiter {
	switch k {
	case writeBucket:
		return []*rate.Limiter{b.writes}
	case authBucket:
		return []*rate.Limiter{b.auth}
	}
	return []*rate.Limiter{b.reads, b.bgReads}
}
