package cli

import (
	"strings"
	"testing"
	"time"

	"imagine/config"
	"imagine/internal/tuitest"
)

// BenchmarkSplitWalkPreviewWait walks down the Feed in the split view at
// reading pace (ten posts, half a second on each, long enough for every
// one's preview to be asked for) and reports how long the post the
// cursor stops on then takes to show its comments (ms/wait). The
// previews left behind must not keep the read budget from it
// (ui/split_fetch.go); ns/op is the walk and means nothing.
func BenchmarkSplitWalkPreviewWait(b *testing.B) {
	on := true
	var waited time.Duration
	for range b.N {
		r := newCostRigSized(b, config.Config{Split: &on}, nil, 160, 48)
		for range 10 {
			r.term.Send(tuitest.Press("j"))
			time.Sleep(500 * time.Millisecond)
		}
		start := time.Now()
		for strings.Contains(r.term.Text(), "loading") {
			if time.Since(start) > 30*time.Second {
				b.Fatalf("the preview is still loading after 30 s:\n%s", r.term.Text())
			}
			time.Sleep(10 * time.Millisecond)
		}
		waited += time.Since(start)
	}
	b.ReportMetric(float64(waited.Milliseconds())/float64(b.N), "ms/wait")
	b.ReportMetric(0, "ns/op")
}
