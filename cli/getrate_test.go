package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// The polling cost of an idle client (issue 7, architecture.md §6.5: at
// most 20 GET/min in every state): every GET the whole program makes
// against the sandbox, counted while the operator does nothing.
//
// A real minute per state would make go test slow, so the program and the
// sandbox run on a clock rateSpeed times faster than real time: the
// server's clock, the root's and the panes' (Now) move rateSpeed seconds
// per real second, and every poll timer of the scheduler (Tick) waits a
// rateSpeed-th of its delay. The cadences are the defaults, untouched: the
// 12 s count poll fires every 12 s of that clock, which is 0.2 real
// seconds. N GETs counted over R real seconds are therefore
// N / (R × rateSpeed / 60) per minute of program time, which is the rate
// of the same client on a real clock. The server's rate limit (100 GET a
// minute of its clock) is on, and its X-RateLimit headers feed the root's
// reserve rule as they would for real. The client's own budgets are off:
// they would wait real seconds. (Scaling through the config's [poll]
// overrides instead would replace each pane's state-dependent cadence with
// one number and leave the panes' own clocks, such as the 30 s list age,
// at real speed.) The one distortion is latency: a request taking 2 ms
// looks rateSpeed times longer to the program, and since the next poll is
// armed only when a result arrives, that lowers the measured rate by about
// 1 %.
//
// Generation jobs also run on the server's clock (a video job lasts 21 to
// 38 s), so in the job-running state the test starts a video job every
// 20 s of program time: one is always running, as when the operator
// generates one after another.
const (
	rateSpeed  = 60
	rateSettle = 500 * time.Millisecond // 30 s of program time to reach the state
	rateWindow = 3 * time.Second        // 3 minutes of program time
	// idleBudget is the most GET/min an idle client may make, the
	// running job's own polling aside.
	idleBudget = 20
)

// fastClock is a clock running speed times faster than real time, from
// the real instant it was made.
type fastClock struct {
	origin time.Time
	speed  time.Duration
}

func newFastClock(speed int) *fastClock {
	return &fastClock{origin: time.Now(), speed: time.Duration(speed)}
}

func (c *fastClock) now() time.Time { return c.origin.Add(time.Since(c.origin) * c.speed) }

// tick is tea.Tick on this clock: d of its time, d/speed of real time.
func (c *fastClock) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return tea.Tick(d/c.speed, func(time.Time) tea.Msg { return fn(c.now()) })
}

// getLog counts the GET requests the server received, by path.
type getLog struct {
	mu    sync.Mutex
	paths map[string]int
}

func (g *getLog) add(r *http.Request) {
	if r.Method != http.MethodGet {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.paths == nil {
		g.paths = map[string]int{}
	}
	g.paths[r.URL.Path]++
}

// take returns the counts since the last take and starts again.
func (g *getLog) take() map[string]int {
	g.mu.Lock()
	defer g.mu.Unlock()
	p := g.paths
	g.paths = nil
	return p
}

// jobPolling reports whether a GET is the job pane's own fast polling,
// which the budget excludes while a job runs.
func jobPolling(path string) bool { return strings.HasPrefix(path, "/api/generate/") }

// rateState is one state of the client to measure.
type rateState struct {
	name string
	// jobs keeps a generation job running through the measurement.
	jobs bool
	// enter brings the idle program into the state and waits until it
	// shows it; it returns what the screen must still show at the end.
	enter func(t testing.TB, tm *teatest.TestModel, scr *screen) string
}

// rateStates are the states of issue 7.
var rateStates = []rateState{
	{name: "feed", enter: stayOnFeed},
	{name: "notifications", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("2"))
		scr.waitFor(t, "liked your post", 5*time.Second)
		return "liked your post"
	}},
	{name: "conversation", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("3"))
		// A preview of the list (not on the feed): the list has arrived,
		// and the cursor is on the newest conversation.
		scr.waitFor(t, "you: Sure, what do you need?", 5*time.Second)
		tm.Send(tuitest.Press("enter"))
		scr.waitFor(t, "n write · esc back", 5*time.Second)
		return "n write · esc back"
	}},
	{name: "jobs", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("5"))
		scr.waitFor(t, "0 of 3 generation slots in use", 5*time.Second)
		return "0 of 3 generation slots in use"
	}},
	{name: "job-running", jobs: true, enter: stayOnFeed},
	{name: "market", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("4"))
		scr.waitFor(t, "Needs you", 5*time.Second)
		return "Market · orders"
	}},
	// Explore in view: trending, read once on coming into view and then
	// every 2 minutes.
	{name: "explore", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("6"))
		scr.waitFor(t, "Trending posts", 5*time.Second)
		return "what is trending now"
	}},
	// An order open: the thread is read every 5 s for 30 s after a key,
	// then, idle, the thread and the list in turn every 12 s.
	{name: "market-order", enter: func(t testing.TB, tm *teatest.TestModel, scr *screen) string {
		tm.Send(tuitest.Press("4"))
		scr.waitFor(t, "Needs you", 5*time.Second)
		tm.Send(tuitest.Press("enter"))
		scr.waitFor(t, "Messages (", 5*time.Second)
		return "Market › "
	}},
}

// stayOnFeed is the state at start: only the feed on screen.
func stayOnFeed(testing.TB, *teatest.TestModel, *screen) string { return "Home feed" }

// keepJobsRunning connects a provider, then starts a video job at once and
// every 20 s of clock until ctx ends, so that one is always running (each
// lasts 21 to 38 s of the server's clock, and at most 3 may run at once).
// Starting is a POST, which the GET count does not see.
func keepJobsRunning(ctx context.Context, t testing.TB, c *api.Client, clock *fastClock) {
	t.Helper()
	if _, err := c.Services.Connect(ctx, "RUNWARE", api.Secret(strings.Repeat("k", 40))); err != nil {
		t.Fatal(err)
	}
	start := func() error {
		_, err := c.Generate.Start(ctx, &api.GenerateRequest{Provider: "RUNWARE", GenerationType: "video", Prompt: "waves at dusk"})
		return err
	}
	if err := start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		tick := time.NewTicker(20 * time.Second / clock.speed)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if err := start(); err != nil && ctx.Err() == nil {
					t.Errorf("starting a job: %v", err)
					return
				}
			}
		}
	}()
}

// getRate is a measured rate, in GET per minute of program time.
type getRate struct {
	other, job float64
	paths      map[string]int
}

// measureGETRate runs the whole program against a quiet sandbox (no
// activity) on a fast clock, brings it into st, and counts its GETs over
// rateWindow.
func measureGETRate(t testing.TB, st rateState) getRate {
	t.Helper()
	var gets getLog
	clock := newFastClock(rateSpeed)
	_, c := tuitest.SandboxClient(t, sandbox.Options{Seed: 1, Now: clock.now, OnRequest: gets.add})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	if st.jobs {
		keepJobsRunning(ctx, t, c, clock)
	}
	m, err := buildModel(ctx, appDeps{
		client:   c,
		cfg:      config.Config{Theme: "dark"},
		draftDir: t.TempDir(),
		dataDir:  t.TempDir(),
		logger:   log.New(io.Discard),
		now:      clock.now,
		tick:     clock.tick,
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
	scr := newScreen(tm, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	still := st.enter(t, tm, scr)
	time.Sleep(rateSettle)

	gets.take()
	start := time.Now()
	time.Sleep(rateWindow)
	paths := gets.take()
	minutes := time.Since(start).Minutes() * rateSpeed
	if !strings.Contains(scr.text(), still) {
		t.Fatalf("%s: the program left the state during the measurement; screen:\n%s", st.name, scr.text())
	}
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	r := getRate{paths: paths}
	for p, n := range paths {
		if st.jobs && jobPolling(p) {
			r.job += float64(n)
		} else {
			r.other += float64(n)
		}
	}
	r.other /= minutes
	r.job /= minutes
	return r
}

// describe lists the GETs by path, for the log.
func (r getRate) describe() string {
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(r.paths)) {
		fmt.Fprintf(&b, " %s×%d", p, r.paths[p])
	}
	return b.String()
}

// TestIdleClientStaysUnderTheGETBudget runs the whole program in each
// state of issue 7 (only the feed visible; Notifications; Messages with a
// conversation open; Jobs with no job; the feed with a video job
// running), of issue 9 (Market's orders; an order open) and of issue 10
// (Explore's trending) and checks that an idle client makes at most 20 GET/min,
// the running job's own polling aside, at the default cadences (see the
// clock scaling above). It logs each rate.
func TestIdleClientStaysUnderTheGETBudget(t *testing.T) {
	for _, st := range rateStates {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			r := measureGETRate(t, st)
			t.Logf("%s: %.1f GET/min, job polling %.1f GET/min;%s", st.name, r.other, r.job, r.describe())
			if r.other > idleBudget {
				t.Errorf("%s: %.1f GET/min at idle, over the budget of %d;%s", st.name, r.other, idleBudget, r.describe())
			}
			if st.jobs && r.job < 12 {
				t.Errorf("test premise: the running job was polled only %.1f times a minute", r.job)
			}
		})
	}
}

// BenchmarkIdleGETRate reports, per state, the GET/min of an idle client
// at the default cadences (GET/min) and the running job's own polling
// (job-GET/min), measured as TestIdleClientStaysUnderTheGETBudget does.
// One iteration takes about 4 s.
func BenchmarkIdleGETRate(b *testing.B) {
	for _, st := range rateStates {
		b.Run(st.name, func(b *testing.B) {
			var other, job float64
			for range b.N {
				r := measureGETRate(b, st)
				other += r.other
				job += r.job
			}
			b.ReportMetric(other/float64(b.N), "GET/min")
			b.ReportMetric(job/float64(b.N), "job-GET/min")
		})
	}
}
