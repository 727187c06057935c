package tuitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchFrames measures one frame b.N times: update with the next of msgs,
// taken in turn, then view. Setup done before it is not timed, and
// allocations are reported. Alternating a key and its opposite ("j", "k")
// keeps the pane where the setup left it.
func BenchFrames(b *testing.B, update func(tea.Msg) tea.Cmd, view func() string, msgs ...tea.Msg) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		update(msgs[i%len(msgs)])
		_ = view()
	}
}
