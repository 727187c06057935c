package termcost

import (
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// quietFor is how long the terminal must receive nothing before a step is
// taken to be drawn: a few frames of Bubble Tea's 60 fps renderer.
const quietFor = 60 * time.Millisecond

// Terminal runs a Bubble Tea program on a real pseudo-terminal, as a person's
// terminal or an SSH session would, and reads what the program writes: every
// byte is counted and replayed into a virtual terminal, so a step's cost is
// known both on the wire and on the screen. Input is delivered with Send,
// which reaches the model exactly as a parsed key would.
type Terminal struct {
	tb   testing.TB
	prog *tea.Program
	emu  *vt.SafeEmulator
	w, h int

	mu    sync.Mutex
	bytes int64
	last  time.Time
	done  chan struct{}
	// recent keeps what was written since Mark, for a look at what a step
	// really sent (Recent).
	recent []byte
}

// Start runs m on a w×h pseudo-terminal until the test ends. The program
// sees TERM=xterm-256color and a 256-colour profile, whatever terminal the
// test itself runs in, so figures do not depend on where they are taken.
func Start(tb testing.TB, m tea.Model, w, h int, opts ...tea.ProgramOption) *Terminal {
	tb.Helper()
	master, slave, err := pty.Open()
	if err != nil {
		tb.Skipf("no pseudo-terminal on this machine (%v): the byte cost is measured on a real pty", err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		tb.Fatal(err)
	}
	t := &Terminal{tb: tb, emu: vt.NewSafeEmulator(w, h), w: w, h: h, done: make(chan struct{})}
	// The emulator answers terminal queries; nobody reads the answers, as
	// with a terminal that does not support them (tmux 3.3a answers few).
	go func() { _, _ = io.Copy(io.Discard, t.emu) }()
	go t.read(master)

	opts = append([]tea.ProgramOption{
		tea.WithInput(slave), tea.WithOutput(slave),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		tea.WithColorProfile(colorProfile),
		tea.WithoutSignalHandler(),
	}, opts...)
	t.prog = tea.NewProgram(m, opts...)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		_, _ = t.prog.Run()
	}()
	tb.Cleanup(func() {
		t.prog.Quit()
		select {
		case <-finished:
		case <-time.After(5 * time.Second):
			t.prog.Kill()
		}
		_ = slave.Close()
		_ = master.Close()
		<-t.done
	})
	return t
}

// read counts and replays everything the program writes.
func (t *Terminal) read(master *os.File) {
	defer close(t.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := master.Read(buf)
		if n > 0 {
			_, _ = t.emu.Write(buf[:n])
			t.mu.Lock()
			t.bytes += int64(n)
			t.last = time.Now()
			t.recent = append(t.recent, buf[:n]...)
			t.mu.Unlock()
		}
		if err != nil {
			if !errors.Is(err, os.ErrClosed) && !errors.Is(err, io.EOF) {
				// EIO is how Linux says the slave side closed.
				return
			}
			return
		}
	}
}

// Send delivers msgs to the program in order.
func (t *Terminal) Send(msgs ...tea.Msg) {
	for _, m := range msgs {
		t.prog.Send(m)
	}
}

// Mark forgets what Recent would return.
func (t *Terminal) Mark() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.recent = t.recent[:0]
}

// Recent is what the program wrote since Mark, as Go-quoted text, to see
// what a step really sent.
func (t *Terminal) Recent() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strconv.Quote(string(t.recent))
}

// Bytes is the number of bytes written to the terminal so far.
func (t *Terminal) Bytes() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.bytes
}

// Settle waits until the terminal has received nothing for a few frames
// (at most max in all), so a step's output is complete.
func (t *Terminal) Settle(max time.Duration) {
	start := time.Now()
	time.Sleep(quietFor)
	for time.Since(start) < max {
		t.mu.Lock()
		quiet := time.Since(t.last)
		t.mu.Unlock()
		if quiet >= quietFor {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Text is the screen's text, one line per row, trailing spaces trimmed.
func (t *Terminal) Text() string {
	var b strings.Builder
	for y := range t.h {
		var row strings.Builder
		for x := 0; x < t.w; x++ {
			c := t.emu.CellAt(x, y)
			if c == nil || c.Width == 0 {
				continue
			}
			if c.Content == "" {
				row.WriteByte(' ')
				continue
			}
			row.WriteString(c.Content)
		}
		b.WriteString(strings.TrimRight(row.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// WaitFor waits until the screen shows want, failing the test after d.
func (t *Terminal) WaitFor(want string, d time.Duration) string {
	t.tb.Helper()
	deadline := time.Now().Add(d)
	var last string
	for time.Now().Before(deadline) {
		if last = t.Text(); strings.Contains(last, want) {
			return last
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.tb.Fatalf("the screen never showed %q; it shows:\n%s", want, last)
	return last
}

// Snapshot copies the screen's cells, to compare with a later one.
func (t *Terminal) Snapshot() Cells {
	cells := make(Cells, t.h)
	for y := range t.h {
		cells[y] = make([]uv.Cell, t.w)
		for x := range t.w {
			if c := t.emu.CellAt(x, y); c != nil {
				cells[y][x] = *c
			}
		}
	}
	return cells
}

// Cells is a copy of a screen's cells, row by row.
type Cells [][]uv.Cell

// Changed counts the cells that look different between two snapshots:
// content, width, style or link, except that two spaces differing only in
// what a space does not show (foreground colour, bold, italic) look alike.
func Changed(a, b Cells) int {
	n := 0
	for y := range min(len(a), len(b)) {
		for x := range min(len(a[y]), len(b[y])) {
			if !looksAlike(&a[y][x], &b[y][x]) {
				n++
			}
		}
	}
	return n
}

// looksAlike reports whether two cells show the same thing on screen.
func looksAlike(a, b *uv.Cell) bool {
	if a.Equal(b) {
		return true
	}
	return blankShowsOnly(a) && blankShowsOnly(b) && a.Link.Equal(&b.Link) &&
		a.Style.Bg == b.Style.Bg
}

// blankShowsOnly reports whether c is a space whose only visible property
// is its background: no underline, reverse or strikethrough.
func blankShowsOnly(c *uv.Cell) bool {
	return c.Content == " " && c.Width == 1 &&
		c.Style.Underline == uv.UnderlineNone &&
		c.Style.Attrs&(uv.AttrReverse|uv.AttrStrikethrough) == 0
}
