package feed

import (
	"testing"
)

// BenchmarkWheelNotch is what one wheel event costs the program between
// two frames: the Update that moves the list and the View Bubble Tea asks
// for after it (10000 posts held, 160x48). A burst of wheel events in one
// frame costs this much per event in CPU and nothing more in bytes, since
// the frame is diffed and written once per tick; it is why the root does
// not coalesce wheel events (ui/mouse.go).
func BenchmarkWheelNotch(b *testing.B) {
	hs := newHarness(b, 160, 48, nil, false)
	hs.m.setEntries(hs.m.tl(), bigTimeline(10000), "", false)
	for range 5000 {
		hs.m.Wheel(1)
	}
	hs.m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		hs.m.Wheel(1 - 2*(i%2))
		_ = hs.m.View()
	}
}
