package cli

import (
	"io"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/feedcache"
)

// latency is added by the sandbox to every request in the start-up
// benchmark: one round trip.
const latency = 100 * time.Millisecond

// postsOnScreen matches the list's title once it counts posts, whichever
// timeline and whatever the note after it.
var postsOnScreen = regexp.MustCompile(`(Home feed|Public timeline) · \d+ posts`)

// BenchmarkFirstFrameToPosts runs the whole program against the sandbox
// with 100 ms added to every request, as a fresh process would start, and
// reports the time from its first frame to the first frame showing posts
// (issue 7: within one round trip). Warm: last run's home page is on disk,
// so no round trip is needed. Cold: nothing on disk, so the public
// timeline, which needs no token, is fetched in parallel with sign-in (the
// home feed needs two round trips: a token, then the feed).
func BenchmarkFirstFrameToPosts(b *testing.B) {
	srv := sandbox.New(sandbox.Options{Seed: 1, NoRateLimit: true,
		Faults: sandbox.Faults{LatencyMin: latency, LatencyMax: latency}})
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	c, id := demoClient(b, srv, ts.URL)
	page, err := c.Feed.List(b.Context(), nil)
	if err != nil {
		b.Fatal(err)
	}
	warmDir := b.TempDir()
	if err := feedcache.New(warmDir, c.BaseURL(), id, nil).Save(page.Items, time.Now()); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		dir  func() string
	}{
		{"warm", func() string { return warmDir }},
		{"cold", b.TempDir},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var total time.Duration
			for range b.N {
				// A new client per start: no token yet, as in a new process.
				c, id := demoClient(b, srv, ts.URL)
				cache := feedcache.New(bc.dir(), c.BaseURL(), id, nil)
				tm, scr := startApp(b, cachedDeps(b, c, cache, io.Discard), 120, 40)
				total += firstFrameToPosts(b, scr)
				tm.Quit()
				tm.WaitFinished(b, teatest.WithFinalTimeout(5*time.Second))
			}
			per := total / time.Duration(b.N)
			b.ReportMetric(float64(per)/float64(time.Millisecond), "ms/first-posts")
			b.ReportMetric(float64(per)/float64(latency), "round-trips")
			b.ReportMetric(0, "ns/op") // mostly start-up and teardown, not the figure
		})
	}
}

// firstFrameToPosts watches the screen from before the first frame and
// returns how long after it posts appeared.
func firstFrameToPosts(b *testing.B, scr *screen) time.Duration {
	b.Helper()
	var first time.Time
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		text := scr.text()
		now := time.Now()
		if first.IsZero() && strings.TrimSpace(text) != "" {
			first = now
		}
		if !first.IsZero() && postsOnScreen.MatchString(text) {
			return now.Sub(first)
		}
		time.Sleep(200 * time.Microsecond)
	}
	b.Fatalf("no posts on screen within 10 s:\n%s", scr.text())
	return 0
}
