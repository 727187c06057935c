package listen

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
)

// TestPickEarliestDeadline: the GET goes to the source whose deadline
// comes first; a follow-up queue counts only while something waits in it,
// due as early as the read it follows up; a source not read yet comes
// first; a background source takes a GET only when it is due and the
// others have a slot of slack, or when it is a whole target overdue.
func TestPickEarliestDeadline(t *testing.T) {
	now := time.Now()
	slot := 3150 * time.Millisecond
	every := func(d time.Duration) func() time.Duration { return func() time.Duration { return d } }
	busyEvery, jobsIdle := busySlots*slot, jobsIdleSlots*slot
	var queued []followUp[string]
	idle := true
	notif := &source{name: "notifications", on: true, target: every(busyEvery), last: now.Add(-9450 * time.Millisecond)}
	dms := &source{name: "dms", on: true, target: every(busyEvery), last: now.Add(-6300 * time.Millisecond)}
	follow := &source{name: "follow-up", on: true, target: every(busyEvery),
		pending: func() (time.Time, bool) { return oldest(queued) }}
	jobs := &source{name: "jobs", on: true, target: every(jobsIdle), last: now.Add(-50 * time.Second),
		background: func() bool { return idle }}
	off := &source{name: "off", on: false, target: every(time.Second)}
	srcs := []*source{off, jobs, dms, notif, follow}
	// notifications are due in 3.15 s: a slot of slack, and the jobs are
	// due (5.9 s ago).
	if got := pick(srcs, now, slot); got != jobs {
		t.Errorf("picked %s, want the due background jobs (a slot of slack)", got.name)
	}
	// No slack: notifications due in 1 s.
	notif.last = now.Add(-11600 * time.Millisecond)
	if got := pick(srcs, now, slot); got != notif {
		t.Errorf("picked %s, want notifications (due in 1 s, no slack for the jobs)", got.name)
	}
	// Unless the jobs are a whole target overdue.
	jobs.last = now.Add(-90 * time.Second)
	if got := pick(srcs, now, slot); got != jobs {
		t.Errorf("picked %s, want the jobs a whole target overdue", got.name)
	}
	// An unfinished job: the jobs are a busy source like the others, due
	// by their deadline (77.4 s ago).
	idle = false
	jobs.target = every(busyEvery)
	if got := pick(srcs, now, slot); got != jobs {
		t.Errorf("picked %s, want the hot jobs (earliest deadline)", got.name)
	}
	jobs.last = now
	// A follow-up is due as an event just after the list's previous read
	// (12 s ago): before notifications, read 11.6 s ago.
	queued = queue(queued, "o1", "x", now.Add(-12*time.Second))
	if got := pick(srcs, now, slot); got != follow {
		t.Errorf("picked %s, want the waiting follow-up", got.name)
	}
	// Asking again keeps its age.
	queued = queue(queued, "o1", "y", now)
	if len(queued) != 1 || queued[0].what != "y" || !queued[0].since.Equal(now.Add(-12*time.Second)) {
		t.Errorf("queue again: %+v", queued)
	}
	// A tie within a tenth of a slot goes to the first listed.
	queued = queue(nil, "o2", "x", jobs.last.Add(-time.Millisecond))
	if got := pick([]*source{jobs, follow}, now, slot); got != jobs {
		t.Errorf("picked %s, want the jobs (listed first, deadlines 1 ms apart)", got.name)
	}
	queued = nil
	fresh := &source{name: "fresh", on: true, target: every(time.Hour)}
	if got := pick(append(srcs, fresh), now, slot); got != fresh {
		t.Errorf("picked %s, want the source not read yet", got.name)
	}
	// Nothing in the foreground: the background is read, due or not.
	idle = true
	jobs.target = every(jobsIdle)
	if got := pick([]*source{off, follow, jobs}, now, slot); got != jobs {
		t.Errorf("picked %v, want the jobs (nothing else to read)", got)
	}
	if got := pick([]*source{off, follow}, now, slot); got != nil {
		t.Errorf("picked %s with nothing to read", got.name)
	}
}

// rig is a sandbox with listen's GETs recorded by path.
type rig struct {
	srv   *sandbox.Server
	url   string
	state string
	mu    sync.Mutex
	gets  []string
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{state: filepath.Join(t.TempDir(), "listen", "state.json")}
	r.srv = sandbox.New(sandbox.Options{Seed: 3, NoRateLimit: true, OnRequest: func(req *http.Request) {
		if req.Method == http.MethodGet {
			r.mu.Lock()
			r.gets = append(r.gets, req.URL.Path)
			r.mu.Unlock()
		}
	}})
	ts := httptest.NewServer(r.srv)
	t.Cleanup(ts.Close)
	r.url = ts.URL
	return r
}

// count is how many GETs so far had a path containing part.
func (r *rig) count(part string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, p := range r.gets {
		if strings.Contains(p, part) {
			n++
		}
	}
	return n
}

// listen runs Run in the background, fast (a GET every 10.5 ms), sending
// each event to the returned channel; stop ends it and waits.
func (r *rig) listen(t *testing.T, emit func(Event)) (stop func()) {
	t.Helper()
	id, secret := r.srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(r.url), api.WithCredentials(id, api.Secret(secret)), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Client: c, StatePath: r.state, GetsPerMinute: 6000,
			Emit: func(e Event) error { emit(e); return nil }, Logf: t.Logf})
	}()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestDMFromTheList: a new DM, the only new one in its conversation, is
// emitted from the conversation list, before any read of the
// conversation's messages; two that came at once are read from the
// conversation and emitted in the order they were sent, and none twice.
func TestDMFromTheList(t *testing.T) {
	r := newRig(t)
	var mu sync.Mutex
	var dms []string
	messageGets := -1 // message reads after the first DM was sent, when it was emitted
	sentAt := 0
	stop := r.listen(t, func(e Event) {
		if e.Kind != KindDM {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		dms = append(dms, e.ID)
		if len(dms) == 1 {
			messageGets = r.count("/messages") - sentAt
		}
	})
	defer stop()
	waitFor(t, "the first start's state", func() bool { _, err := os.Stat(r.state); return err == nil })
	pal := r.srv.ActAs("pen_pal")
	mu.Lock()
	sentAt = r.count("/messages")
	mu.Unlock()
	_, first := pal.SendDM("demo_agent", "hello")
	waitFor(t, "the DM", func() bool { mu.Lock(); defer mu.Unlock(); return len(dms) == 1 })
	mu.Lock()
	if messageGets != 0 || dms[0] != first {
		t.Errorf("DM %v emitted after %d reads of messages, want %s after none", dms, messageGets, first)
	}
	mu.Unlock()
	// Two more at once: the list shows the second; the conversation is
	// read for both, oldest first.
	conv, second := pal.SendDM("demo_agent", "again")
	r.srv.Advance(5 * time.Millisecond) // the later one is the list's last
	third := pal.SendMessage(conv, "and again")
	waitFor(t, "the two DMs", func() bool { mu.Lock(); defer mu.Unlock(); return len(dms) >= 3 })
	waitFor(t, "the check", func() bool {
		mu.Lock()
		defer mu.Unlock()
		st, err := loadState(r.state)
		return err == nil && st.Conversations[conv] == third
	})
	time.Sleep(100 * time.Millisecond) // a few more reads
	mu.Lock()
	defer mu.Unlock()
	seen := map[string]int{}
	for _, id := range dms {
		seen[id]++
	}
	if len(dms) != 3 || len(seen) != 3 {
		t.Errorf("DMs emitted: %v, want 3 distinct", dms)
	} else if dms[1] != second || dms[2] != third {
		t.Errorf("DMs emitted in the order %v, want %s then %s", dms, second, third)
	}
}

// TestDMsThatCameWhileStoppedAreEmittedInOrder: two DMs sent to one
// conversation while listen was stopped are emitted, at the restart,
// oldest first; the conversation list shows only the newer.
func TestDMsThatCameWhileStoppedAreEmittedInOrder(t *testing.T) {
	r := newRig(t)
	stop := r.listen(t, func(Event) {})
	waitFor(t, "the first start's state", func() bool { _, err := os.Stat(r.state); return err == nil })
	stop()
	pal := r.srv.ActAs("pen_pal")
	conv, one := pal.SendDM("demo_agent", "one")
	r.srv.Advance(time.Second)
	two := pal.SendMessage(conv, "two")
	var mu sync.Mutex
	var dms []string
	stop = r.listen(t, func(e Event) {
		if e.Kind == KindDM {
			mu.Lock()
			dms = append(dms, e.ID)
			mu.Unlock()
		}
	})
	defer stop()
	waitFor(t, "the two DMs", func() bool { mu.Lock(); defer mu.Unlock(); return len(dms) >= 2 })
	mu.Lock()
	defer mu.Unlock()
	if len(dms) != 2 || dms[0] != one || dms[1] != two {
		t.Errorf("DMs emitted %v, want %s then %s", dms, one, two)
	}
}

// TestRestartSkipsWhoami: the account's ID is kept in the state, so a
// restart reads no profile; a state file from before (no meId) still
// loads, asks once, and keeps the answer.
func TestRestartSkipsWhoami(t *testing.T) {
	r := newRig(t)
	saved := func() bool { _, err := os.Stat(r.state); return err == nil }
	stop := r.listen(t, func(Event) {})
	waitFor(t, "the first start's state", saved)
	stop()
	if n := r.count("/api/agents/me"); n != 1 {
		t.Fatalf("first start asked whoami %d times, want 1", n)
	}
	st, err := loadState(r.state)
	if err != nil || st.MeID != r.srv.ActAs("demo_agent").ID() {
		t.Fatalf("state has meId %q (%v)", st.MeID, err)
	}

	before := r.count("/")
	stop = r.listen(t, func(Event) {})
	waitFor(t, "reads after the restart", func() bool { return r.count("/") > before+5 })
	stop()
	if n := r.count("/api/agents/me"); n != 1 {
		t.Errorf("the restart asked whoami: %d in all", n)
	}

	// An older state file, without the field.
	b, err := os.ReadFile(r.state)
	if err != nil {
		t.Fatal(err)
	}
	var old map[string]any
	if err := json.Unmarshal(b, &old); err != nil {
		t.Fatal(err)
	}
	delete(old, "meId")
	if b, err = json.Marshal(old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(r.state, b, 0o600); err != nil {
		t.Fatal(err)
	}
	stop = r.listen(t, func(Event) {})
	waitFor(t, "the ID kept again", func() bool { st, err := loadState(r.state); return err == nil && st.MeID != "" })
	stop()
	if n := r.count("/api/agents/me"); n != 2 {
		t.Errorf("with an old state file: %d whoami in all, want 2", n)
	}
}
