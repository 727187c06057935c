package notifications

import (
	"fmt"
	"testing"

	"imagine/internal/tuitest"
	"imagine/views"
)

// BenchmarkView measures one frame after a cursor move: the Update that
// moves the cursor plus the View that draws it. A frame must cost the same
// with 10,000 notifications loaded as with 20.
func BenchmarkView(b *testing.B) {
	for _, bc := range []struct{ n, w, h int }{{20, 160, 48}, {10000, 160, 48}, {20, 80, 24}, {10000, 80, 24}} {
		b.Run(fmt.Sprintf("notifications=%d/%dx%d", bc.n, bc.w, bc.h), func(b *testing.B) {
			hs := newHarness(b, bc.w, bc.h, many(bc.n), false)
			hs.m.win = views.Window{Cursor: bc.n / 2, Top: bc.n/2 - 2}
			hs.m.View()
			tuitest.BenchFrames(b, hs.m.Update, hs.m.View, tuitest.Press("j"), tuitest.Press("k"))
		})
	}
}

// TestFrameCostDoesNotGrowWithLoadedNotifications checks the property the
// benchmark measures without timing: a cold frame renders the same number
// of rows whether 60 or 10,000 are loaded, and a warm frame renders none.
func TestFrameCostDoesNotGrowWithLoadedNotifications(t *testing.T) {
	renders := map[int][2]int{}
	for _, n := range []int{60, 10000} {
		hs := newHarness(t, 160, 48, many(n), false)
		hs.m.win = views.Window{Cursor: n / 2, Top: n/2 - 2}
		hs.m.cache.Clear()
		before := hs.m.cache.Renders
		hs.m.View()
		cold := hs.m.cache.Renders - before
		hs.m.View()
		warm := hs.m.cache.Renders - before - cold
		renders[n] = [2]int{cold, warm}
	}
	if renders[60] != renders[10000] {
		t.Errorf("renders per frame (cold, warm): 60 loaded %v, 10000 loaded %v", renders[60], renders[10000])
	}
	if renders[10000][1] != 0 {
		t.Errorf("a warm frame rendered %d rows", renders[10000][1])
	}
}
