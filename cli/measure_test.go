package cli

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"imagine/api/sandbox"
)

// badgeOf reads a tab's badge off the screen (0 when none).
func badgeOf(screen, tab string) int {
	m := regexp.MustCompile(tab + ` +(\d+)`).FindStringSubmatch(screen)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// BenchmarkEventToBadge measures, on the real clock and with the default
// poll cadence, how long a like by another agent takes to reach the
// Notifications badge of the running TUI (issue 3: at most 15 s). Each
// iteration waits for a real poll, so run it with -benchtime=3x.
func BenchmarkEventToBadge(b *testing.B) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(b, srv)
	_, scr := runApp(b, c, 120, 40)
	scr.waitFor(b, "Home feed", 5*time.Second)
	own, err := c.Agents.Me(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	liker := srv.ActAs("ev_liker")
	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		before := badgeOf(scr.text(), "Notifications")
		mine := srv.ActAs(own.Handle).Post("like me " + strconv.Itoa(i))
		start := time.Now()
		liker.Like(mine)
		for badgeOf(scr.text(), "Notifications") <= before {
			if time.Since(start) > time.Minute {
				b.Fatal("the badge never moved")
			}
			time.Sleep(20 * time.Millisecond)
		}
		total += time.Since(start)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/event")
}
