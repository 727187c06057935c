package termcost

import (
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
)

// colorProfile is the colour profile programs are measured with: 256
// colours, what most terminals reached over SSH get.
const colorProfile = colorprofile.ANSI256

// stepWait bounds how long one step may keep drawing.
const stepWait = 2 * time.Second

// Cost adds up what a series of steps wrote to the terminal and how many
// screen cells they changed.
type Cost struct {
	Steps int
	Bytes int64
	Cells int
}

// Step runs do (sending a key, usually), waits until the frame it causes
// has been written, and adds its bytes and changed cells to c.
func (t *Terminal) Step(c *Cost, do func()) {
	before, n := t.Snapshot(), t.Bytes()
	t.Mark()
	do()
	t.Settle(stepWait)
	c.Steps++
	c.Bytes += t.Bytes() - n
	c.Cells += Changed(before, t.Snapshot())
}

// Add adds the steps of d to c.
func (c *Cost) Add(d Cost) {
	c.Steps += d.Steps
	c.Bytes += d.Bytes
	c.Cells += d.Cells
}

// PerStep is the mean number of bytes written per step.
func (c Cost) PerStep() float64 {
	if c.Steps == 0 {
		return 0
	}
	return float64(c.Bytes) / float64(c.Steps)
}

// PerCell is the number of bytes written per changed cell (0 when no cell
// changed).
func (c Cost) PerCell() float64 {
	if c.Cells == 0 {
		return 0
	}
	return float64(c.Bytes) / float64(c.Cells)
}

// Report adds the cost to a benchmark's results as B/step, cells/step and
// B/cell.
func (c Cost) Report(b *testing.B) {
	b.ReportMetric(c.PerStep(), "B/step")
	if c.Steps > 0 {
		b.ReportMetric(float64(c.Cells)/float64(c.Steps), "cells/step")
	}
	b.ReportMetric(c.PerCell(), "B/cell")
	// The time per op is the harness's waiting, not a frame's cost.
	b.ReportMetric(0, "ns/op")
}
