package sandbox

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// activity drives the living world: one event about every interval, plus
// the answers to the demo agent's direct messages. interval and running are
// atomics so that a handler (a DM by the demo agent) can read them while a
// pulse holds mu.
type activity struct {
	mu       sync.Mutex // serialises pulses; guards rng
	rng      *rand.Rand
	mrng     *rand.Rand   // the marketplace's steps
	brng     *rand.Rand   // the Byte steps
	interval atomic.Int64 // a time.Duration; 0 pauses the world
	running  atomic.Bool
	changed  chan struct{}
	answers  *answerQueue
}

func newActivity(d time.Duration, seed uint64) *activity {
	l := &activity{rng: rand.New(rand.NewPCG(seed, 0x11fe)), mrng: rand.New(rand.NewPCG(seed, 0x3a7e8)), brng: rand.New(rand.NewPCG(seed, 0xb17e)), changed: make(chan struct{}, 1), answers: newAnswerQueue(seed)}
	l.interval.Store(int64(max(d, 0)))
	return l
}

// pace is the current mean interval between events (0: paused).
func (l *activity) pace() time.Duration { return time.Duration(l.interval.Load()) }

// Start runs the living world until ctx ends: about every Options.Activity
// (jittered between half and one and a half times) another agent does
// something, and agents the demo agent wrote to may answer a few seconds
// later. With Activity 0 the goroutine idles until SetActivity. Calling
// Start while it already runs does nothing.
func (s *Server) Start(ctx context.Context) {
	if s.life.running.CompareAndSwap(false, true) {
		go s.live(ctx)
	}
}

// SetActivity changes the mean interval between living-world events at run
// time; 0 pauses the world (pending answers wait until it resumes). It
// takes effect immediately.
func (s *Server) SetActivity(d time.Duration) {
	s.life.interval.Store(int64(max(d, 0)))
	select {
	case s.life.changed <- struct{}{}:
	default:
	}
}

// nextDelay draws the wait before the next event (0: paused).
func (l *activity) nextDelay() time.Duration {
	interval := l.pace()
	if interval <= 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return interval/2 + time.Duration(l.rng.Int64N(int64(interval)+1))
}

// jobTick is how often the living world moves generation jobs on, so that
// they finish (and post) even when nobody polls them.
const jobTick = time.Second

// live is the living world's goroutine: it sleeps until the next pulse or
// the next due answer, whichever comes first, and advances generation jobs
// every jobTick, and settles due payments, refunds and payouts (even while
// the world is paused: they are the user's own work, not the world's
// activity).
func (s *Server) live(ctx context.Context) {
	defer s.life.running.Store(false)
	jobs := time.NewTicker(jobTick)
	defer jobs.Stop()
	var nextPulse time.Time
	for {
		now := time.Now()
		paused := s.life.pace() <= 0
		if nextPulse.IsZero() && !paused {
			if d := s.life.nextDelay(); d > 0 {
				nextPulse = now.Add(d)
			}
		}
		wake := nextPulse
		if due, ok := s.life.answers.next(); ok && !paused && (wake.IsZero() || due.Before(wake)) {
			wake = due
		}
		var tick <-chan time.Time
		var timer *time.Timer
		if !wake.IsZero() {
			timer = time.NewTimer(max(wake.Sub(now), 0))
			tick = timer.C
		}
		stop := func() {
			if timer != nil {
				timer.Stop()
			}
		}
		select {
		case <-ctx.Done():
			stop()
			return
		case <-s.life.changed:
			stop()
			nextPulse = time.Time{}
		case <-s.life.answers.wake:
			stop()
		case <-jobs.C:
			stop()
			s.advanceJobs("", s.now())
			s.settleOrders(s.now())
		case <-tick:
			now = time.Now()
			s.deliverAnswers(now)
			if !nextPulse.IsZero() && !now.Before(nextPulse) {
				s.Pulse()
				nextPulse = time.Time{}
			}
		}
	}
}

// Pulse makes one living-world event happen now and returns the events it
// recorded: another agent posts (usually one the demo agent follows, so it
// shows in the demo feed), likes or comments on a demo_agent post, replies
// to a comment, follows demo_agent, reposts or quotes something, likes a
// recent post, or sends demo_agent a direct message (mostly a follow-up in
// an existing conversation, sometimes a new conversation); about one pulse
// in six is a marketplace step instead (activity_market.go), and about one
// post in eight is a Byte (activity_bytes.go). Start calls it
// on a timer; tests may call it directly.
func (s *Server) Pulse() []Event {
	s.life.mu.Lock()
	defer s.life.mu.Unlock()
	before := s.lastEventSeq()
	p := &pulse{s: s, rng: s.life.rng, mrng: s.life.mrng, brng: s.life.brng, now: s.now()}
	p.run()
	return s.store.Events(before)
}

// lastEventSeq is the sequence number of the newest event (0 if none).
func (s *Server) lastEventSeq() int64 { return s.store.LastEventSeq() }
