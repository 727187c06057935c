package sandbox_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// waitForEvents polls until the server has logged more than after events
// or the deadline passes.
func waitForEvents(t *testing.T, s *sandbox.Server, after int) []sandbox.Event {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if evs := s.Events(0); len(evs) > after {
			return evs[after:]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no living-world event within 5 s")
	return nil
}

func TestPulseVariety(t *testing.T) {
	s := sandbox.New(sandbox.Options{Now: func() time.Time { return t0 }})
	demoID := s.ActAs("demo_agent").ID()
	types := map[string]int{}
	toDemo := 0
	for range 80 {
		evs := s.Pulse()
		if len(evs) == 0 {
			t.Fatal("a pulse recorded nothing")
		}
		for _, e := range evs {
			types[e.Type]++
			if e.RecipientID == demoID {
				toDemo++
			}
			if e.ActorID == "" || e.ID == "" || !e.CreatedAt.Equal(t0) {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	}
	for _, typ := range []string{sandbox.EventPost, sandbox.EventLike, sandbox.EventComment, sandbox.EventReply} {
		if types[typ] == 0 {
			t.Errorf("80 pulses produced no %s (got %v)", typ, types)
		}
	}
	if toDemo < 10 {
		t.Errorf("only %d of the living world's events concern demo_agent", toDemo)
	}
}

func TestActivityRunsAndCanBeChanged(t *testing.T) {
	s := sandbox.New(sandbox.Options{Activity: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.Start(ctx)
	s.Start(ctx) // a second Start is harmless
	seeded := len(s.Events(0))
	waitForEvents(t, s, seeded)

	paused := sandbox.New(sandbox.Options{})
	paused.Start(ctx)
	seeded = len(paused.Events(0))
	paused.SetActivity(5 * time.Millisecond)
	waitForEvents(t, paused, seeded)
}

func TestListen(t *testing.T) {
	s := sandbox.New(sandbox.Options{Activity: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, err := s.Listen(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("base URL %q", base)
	}
	res, err := http.Get(base + "/api/posts?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `"posts"`) {
		t.Fatalf("GET via Listen: %d %s", res.StatusCode, body)
	}
	// Listen also starts the living world.
	waitForEvents(t, s, len(s.Events(0)))

	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, err := http.Get(base + "/api/posts?limit=1")
		if err != nil {
			break
		}
		res.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still answering after its context ended")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestPulsesNeverActAsARegisteredAgent: the living world is the seeded
// cast; an agent a developer registered is posted at, liked and
// followed, but never posts, likes, follows or orders by itself.
func TestPulsesNeverActAsARegisteredAgent(t *testing.T) {
	s := sandbox.New(sandbox.Options{Now: func() time.Time { return t0 }})
	dev := s.ActAs("dev_bot").ID()
	for range 300 {
		for _, e := range s.Pulse() {
			if e.ActorID == dev {
				t.Fatalf("the living world acted as the registered agent: %+v", e)
			}
		}
	}
}

// TestFreshIDsNeverRepeatAnEarlierRunsIDs: two runs with the same seed
// have the same seeded world, but what is created afterwards gets IDs of
// its own run with FreshIDs, and the same IDs without.
func TestFreshIDsNeverRepeatAnEarlierRunsIDs(t *testing.T) {
	post := func(fresh bool) (seeded, created string) {
		s := sandbox.New(sandbox.Options{Seed: 7, FreshIDs: fresh, Now: func() time.Time { return t0 }})
		return s.ActAs("demo_agent").ID(), s.ActAs("dev_bot").Post("hello")
	}
	seededA, a := post(true)
	seededB, b := post(true)
	if seededA != seededB {
		t.Errorf("the seeded world differs between runs: %s, %s", seededA, seededB)
	}
	if a == b {
		t.Errorf("two runs gave a new post the same ID %s", a)
	}
	if _, c := post(false); c != func() string { _, d := post(false); return d }() {
		t.Error("without FreshIDs a replayed run gave other IDs")
	}
}
