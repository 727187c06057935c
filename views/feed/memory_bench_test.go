package feed

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkScrollMemory scrolls the home feed down through 20,000 posts, a
// frame drawn after every key as the program would, and reports the live
// heap and the RSS after 2,000 posts and after 20,000. Memory must stop
// growing with scrolling: heap-ratio (20,000 over 2,000) stays at most 1.2.
//
// The render cache is emptied before each reading: it is bounded on its
// own (views.RenderCache restarts at 2,048 renderings), so its size at a
// given moment is a sawtooth unrelated to how far one scrolled.
func BenchmarkScrollMemory(b *testing.B) {
	var heap2k, heap20k, rss2k, rss20k float64
	for b.Loop() {
		hs, _ := newEndless(b, 120, 40, 20, 20_500)
		scrollTo(b, hs, 2_000)
		heap2k, rss2k = liveMemory(hs)
		scrollTo(b, hs, 20_000)
		heap20k, rss20k = liveMemory(hs)
	}
	b.ReportMetric(heap2k/1e6, "heap-MB-2k")
	b.ReportMetric(heap20k/1e6, "heap-MB-20k")
	b.ReportMetric(heap20k/heap2k, "heap-ratio")
	if rss2k > 0 {
		b.ReportMetric(rss2k/1e6, "rss-MB-2k")
		b.ReportMetric(rss20k/1e6, "rss-MB-20k")
		b.ReportMetric(rss20k/rss2k, "rss-ratio")
	}
}

// scrollTo presses pgdown (and j now and then) until the selected post is
// number n, drawing a frame after each key.
func scrollTo(b *testing.B, hs *harness, n int) {
	b.Helper()
	for i := 0; endlessNumber(hs.m.selected()) < n; i++ {
		k := "pgdown"
		if i%4 == 3 {
			k = "j"
		}
		before := endlessNumber(hs.m.selected())
		hs.keys(k)
		hs.m.View()
		if endlessNumber(hs.m.selected()) == before && i > 0 && !hs.m.tl().more {
			b.Fatalf("stuck at post %d:\n%s", before, hs.plain())
		}
	}
}

// liveMemory is the heap in use after a collection, and the resident set
// size (0 where /proc is missing), with the render cache emptied and the
// current frame drawn again.
func liveMemory(hs *harness) (heap, rss float64) {
	hs.m.ClearRenders()
	hs.m.View()
	runtime.GC()
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if statm, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(statm)); len(f) > 1 {
			pages, _ := strconv.Atoi(f[1])
			rss = float64(pages * os.Getpagesize())
		}
	}
	// The model must count as live until the heap has been read.
	runtime.KeepAlive(hs)
	return float64(ms.HeapAlloc), rss
}
