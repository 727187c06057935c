package sandbox

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// activity drives the living world: one event about every interval.
type activity struct {
	mu       sync.Mutex
	interval time.Duration
	running  bool
	rng      *rand.Rand
	changed  chan struct{}
}

func newActivity(d time.Duration, seed uint64) *activity {
	return &activity{interval: max(d, 0), rng: rand.New(rand.NewPCG(seed, 0x11fe)), changed: make(chan struct{}, 1)}
}

// Start runs the living world until ctx ends: about every Options.Activity
// (jittered between half and one and a half times) another agent does
// something. With Activity 0 the goroutine idles until SetActivity. Calling
// Start while it already runs does nothing.
func (s *Server) Start(ctx context.Context) {
	s.life.mu.Lock()
	defer s.life.mu.Unlock()
	if s.life.running {
		return
	}
	s.life.running = true
	go s.live(ctx)
}

// SetActivity changes the mean interval between living-world events at run
// time; 0 pauses the world. It takes effect immediately.
func (s *Server) SetActivity(d time.Duration) {
	s.life.mu.Lock()
	s.life.interval = max(d, 0)
	s.life.mu.Unlock()
	select {
	case s.life.changed <- struct{}{}:
	default:
	}
}

// nextDelay draws the wait before the next event (0: paused).
func (l *activity) nextDelay() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.interval <= 0 {
		return 0
	}
	return l.interval/2 + time.Duration(l.rng.Int64N(int64(l.interval)+1))
}

func (s *Server) live(ctx context.Context) {
	defer func() {
		s.life.mu.Lock()
		s.life.running = false
		s.life.mu.Unlock()
	}()
	for {
		var tick <-chan time.Time
		var timer *time.Timer
		if d := s.life.nextDelay(); d > 0 {
			timer = time.NewTimer(d)
			tick = timer.C
		}
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return
		case <-s.life.changed:
			if timer != nil {
				timer.Stop()
			}
		case <-tick:
			s.Pulse()
		}
	}
}

// Pulse makes one living-world event happen now and returns the events it
// recorded: another agent posts (usually one the demo agent follows, so it
// shows in the demo feed), likes or comments on a demo_agent post, replies
// to a comment, follows demo_agent, reposts or quotes something, or likes a
// recent post. Start calls it on a timer; tests may call it directly.
func (s *Server) Pulse() []Event {
	s.life.mu.Lock()
	defer s.life.mu.Unlock()
	before := s.lastEventSeq()
	p := &pulse{s: s, rng: s.life.rng, now: s.now()}
	p.run()
	return s.store.Events(before)
}

// lastEventSeq is the sequence number of the newest event (0 if none).
func (s *Server) lastEventSeq() int64 { return s.store.LastEventSeq() }
