package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// listenLong runs the listen test for five minutes (go test ./cli -run
// Listen -long); the default is a short run that fits in a minute.
var listenLong = flag.Bool("long", false, "run TestListenEveryEventOnce for 5 minutes")

// stampedLines collects the lines written to it with their arrival times.
type stampedLines struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines []stamped
}

type stamped struct {
	at   time.Time
	line string
}

func (s *stampedLines) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf.Write(p)
	for {
		i := bytes.IndexByte(s.buf.Bytes(), '\n')
		if i < 0 {
			break
		}
		s.lines = append(s.lines, stamped{time.Now(), string(s.buf.Next(i + 1)[:i])})
	}
	return len(p), nil
}

func (s *stampedLines) all() []stamped {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.lines)
}

// emitted is one event line of listen --jsonl.
type emitted struct {
	Kind string    `json:"kind"`
	ID   string    `json:"id"`
	At   time.Time `json:"at"`
	Data struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	} `json:"data"`
	seen time.Time
}

// TestListenEveryEventOnce runs `imagine listen --jsonl` against the living
// sandbox, restarts it half-way (events keep happening while it is down),
// and compares what it printed with the sandbox's own record: every
// notification, DM and order message addressed to the demo agent after
// listening began (and at least 15 s before the end) is printed exactly
// once; every order and job event printed is one the sandbox recorded, and
// none twice. Latency and the GET rate are measured and reported.
func TestListenEveryEventOnce(t *testing.T) {
	total, activity := 55*time.Second, 4*time.Second
	if *listenLong {
		total, activity = 5*time.Minute, 4*time.Second
	}
	e := newHLEnv(t, activity)
	if err := e.srv.ConnectService("demo_agent", "OPENAI", "sk-test-listen"); err != nil {
		t.Fatal(err)
	}
	statePath := t.TempDir() + "/listen/state.json"
	out := &stampedLines{}
	var errOut bytes.Buffer
	start := time.Now()
	stop1 := start.Add(total * 45 / 100)
	start2 := stop1.Add(3 * time.Second)
	end := start.Add(total)

	type window struct{ from, to time.Time }
	var running []window
	listenUntil := func(until time.Time) {
		ctx, cancel := context.WithDeadline(t.Context(), until)
		defer cancel()
		from := time.Now()
		if code := runCLIWith(ctx, strings.NewReader(""), out, &errOut, "listen", "--jsonl", "--state", statePath); code != 0 {
			t.Errorf("listen: exit %d: %s", code, errOut.String())
		}
		running = append(running, window{from, time.Now()})
	}
	getsAtStart := e.gets.Load()

	// Generation jobs started while listening (one POST each, no GETs, so
	// the GET count is listen's own).
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, at := range []time.Duration{total * 30 / 100, total * 47 / 100, total * 60 / 100} {
			select {
			case <-t.Context().Done():
				return
			case <-time.After(time.Until(start.Add(at))):
			}
			runCLI(t.Context(), "", "api", "POST", "/api/generate", "--raw-field", "provider=OPENAI",
				"--raw-field", "generationType=image", "--raw-field", "prompt=listen test "+at.String())
		}
	}()

	var t0 time.Time // when the first start had recorded what exists
	wg.Add(1)
	go func() {
		defer wg.Done()
		for time.Now().Before(stop1) {
			if _, err := os.Stat(statePath); err == nil {
				t0 = time.Now()
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	listenUntil(stop1)
	time.Sleep(time.Until(start2))
	listenUntil(end)
	wg.Wait()
	listenGets := e.gets.Load() - getsAtStart
	if t0.IsZero() {
		t.Fatal("listen never saved its state")
	}

	// What listen printed.
	var got []emitted
	ids := map[string]int{}
	for _, l := range out.all() {
		var ev emitted
		if err := json.Unmarshal([]byte(l.line), &ev); err != nil {
			t.Fatalf("not a JSON line: %q", l.line)
		}
		ev.seen = l.at
		got = append(got, ev)
		ids[ev.ID]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("event %s printed %d times", id, n)
		}
	}

	// The sandbox's record.
	demo := e.demoID
	type truth struct {
		at  time.Time
		key string
	}
	var record []truth
	for _, n := range e.srv.Notifications("demo_agent") {
		record = append(record, truth{n.CreatedAt, "notification/" + n.ID})
	}
	for _, ev := range e.srv.Events(0) {
		switch {
		case ev.Type == sandbox.EventMessage && ev.RecipientID == demo && ev.ActorID != demo:
			record = append(record, truth{ev.CreatedAt, "dm/" + ev.MessageID})
		case ev.Type == sandbox.EventOrderMessage && ev.RecipientID == demo && ev.ActorID != demo:
			record = append(record, truth{ev.CreatedAt, "order_message/" + ev.MessageID})
		case ev.Type == sandbox.EventOrder && (ev.RecipientID == demo || ev.ActorID == demo):
			record = append(record, truth{ev.CreatedAt, "order/" + ev.OrderID + "/" + ev.Status})
		case ev.Type == sandbox.EventJob && ev.ActorID == demo:
			record = append(record, truth{ev.CreatedAt, "job/" + ev.JobID + "/" + ev.Status})
		}
	}
	when := map[string]time.Time{}
	for _, r := range record {
		if prev, ok := when[r.key]; !ok || r.at.After(prev) {
			when[r.key] = r.at
		}
	}
	keyOf := func(ev emitted) string {
		switch ev.Kind {
		case "order", "job":
			return ev.Kind + "/" + ev.Data.ID + "/" + ev.Data.Status
		}
		return ev.Kind + "/" + ev.Data.ID
	}
	printed := map[string]emitted{}
	for _, ev := range got {
		k := keyOf(ev)
		if _, ok := when[k]; !ok {
			t.Errorf("printed an event the sandbox never recorded: %s", k)
		}
		printed[k] = ev
	}

	// Every notification, DM and order message of the window was printed.
	deadline := end.Add(-15 * time.Second)
	exact, stageMissed, stageTotal := 0, 0, 0
	for _, r := range record {
		if !r.at.After(t0) || r.at.After(deadline) {
			continue
		}
		kind, _, _ := strings.Cut(r.key, "/")
		_, ok := printed[r.key]
		switch kind {
		case "order", "job":
			stageTotal++
			if !ok {
				stageMissed++
			}
		default:
			exact++
			if !ok {
				t.Errorf("never printed: %s at %s", r.key, r.at.Format(time.TimeOnly))
			}
		}
	}
	// Every job that finished in the window was printed finished.
	for k, at := range when {
		if strings.HasPrefix(k, "job/") && (strings.HasSuffix(k, "/completed") || strings.HasSuffix(k, "/failed")) &&
			at.After(t0) && !at.After(deadline) {
			if _, ok := printed[k]; !ok {
				t.Errorf("job end never printed: %s at %s (listening began %s, runs %v)", k, at.Format(time.TimeOnly),
					t0.Format(time.TimeOnly), running)
			}
		}
	}

	// Latency of the events that happened while listen ran.
	var lat []time.Duration
	worst := map[string]time.Duration{}
	type slow struct {
		d   time.Duration
		key string
		at  time.Duration // after the start
	}
	var slowest []slow
	for k, ev := range printed {
		at := when[k]
		for _, w := range running {
			if at.After(w.from) && ev.seen.Before(w.to.Add(time.Second)) && ev.seen.After(w.from) && !at.Before(t0) {
				d := ev.seen.Sub(at)
				lat = append(lat, d)
				worst[ev.Kind] = max(worst[ev.Kind], d.Round(100*time.Millisecond))
				slowest = append(slowest, slow{d, k, at.Sub(start)})
			}
		}
	}
	// The slowest events, to see which reads held them back.
	sort.Slice(slowest, func(i, j int) bool { return slowest[i].d > slowest[j].d })
	for _, s := range slowest[:min(3, len(slowest))] {
		t.Logf("slow: %s at +%s waited %s", s.key, s.at.Round(100*time.Millisecond), s.d.Round(100*time.Millisecond))
	}
	over := 0
	for _, d := range lat {
		if d > 15*time.Second {
			over++
		}
	}
	t.Logf("worst latency by kind: %v; %d of %d over 15 s", worst, over, len(lat))
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	var p50, max time.Duration
	if len(lat) > 0 {
		p50, max = lat[len(lat)/2], lat[len(lat)-1]
	}
	if c := e.closeGets(start); len(c) > 0 {
		t.Logf("GETs closer than the budget's spacing: %v", c)
	}
	if errOut.Len() > 0 {
		t.Logf("listen's stderr:\n%s", errOut.String())
	}
	t.Logf("listen ran %s (restarted once, down 3 s), activity %s: printed %d events; %d notifications/DMs/order messages due, all printed once; order/job stages due %d, %d not observed (shorter than a poll); latency p50 %s max %s over %d; %d GETs = %.1f GET/min, busiest minute %d",
		total, activity, len(got), exact, stageTotal, stageMissed, p50.Round(100*time.Millisecond),
		max.Round(100*time.Millisecond), len(lat), listenGets, float64(listenGets)/time.Since(start).Minutes(), e.busiestMinute(start))
}

// closeGets lists GETs less than 2.9 s after the previous one (the
// listener spaces its own by 3 s).
func (e *hlEnv) closeGets(from time.Time) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for i := 1; i < len(e.getLog); i++ {
		if e.getLog[i].After(from) && e.getLog[i].Sub(e.getLog[i-1]) < 2900*time.Millisecond {
			out = append(out, e.getURL[i-1]+" then "+e.getURL[i]+" after "+e.getLog[i].Sub(e.getLog[i-1]).String())
		}
	}
	return out
}

// busiestMinute is the most GETs the sandbox saw in any 60 s window since
// from.
func (e *hlEnv) busiestMinute(from time.Time) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	best := 0
	for i, at := range e.getLog {
		if at.Before(from) {
			continue
		}
		n := 0
		for _, b := range e.getLog[i:] {
			if b.Sub(at) >= time.Minute {
				break
			}
			n++
		}
		best = max(best, n)
	}
	return best
}
