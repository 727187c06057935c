package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"
)

// screen feeds a test program's output into a virtual terminal so tests can
// assert on what a person would see. Bubble Tea v2 writes only changed
// cells, so grepping the raw byte stream does not work (charm-v2.md §5.4).
type screen struct {
	emu *vt.SafeEmulator
	out io.Reader
}

func newScreen(tm *teatest.TestModel, w, h int) *screen {
	emu := vt.NewSafeEmulator(w, h)
	go func() { _, _ = io.Copy(io.Discard, emu) }() // drain replies to terminal queries
	return &screen{emu: emu, out: tm.Output()}
}

// text pumps pending output into the emulator and returns the screen text.
func (s *screen) text() string {
	b, _ := io.ReadAll(s.out)
	// teatest's input is not a TTY, so bubbletea writes bare "\n".
	b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	_, _ = s.emu.Write(b)
	return s.emu.String()
}

// waitFor waits until the screen shows want, failing the test after d.
func (s *screen) waitFor(t testing.TB, want string, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	var last string
	for time.Now().Before(deadline) {
		last = s.text()
		if strings.Contains(last, want) {
			return last
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("screen never showed %q; last screen:\n%s", want, last)
	return last
}
