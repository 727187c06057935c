package jobs

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// cellOf is where text shows first in the pane's frame.
func (hs *harness) cellOf(text string) (x, y int) {
	hs.t.Helper()
	for y, l := range strings.Split(hs.plain(), "\n") {
		if i := strings.Index(l, text); i >= 0 {
			return ansi.StringWidth(l[:i]), y
		}
	}
	hs.t.Fatalf("%q is not on screen:\n%s", text, hs.plain())
	return -1, -1
}

// click clicks at x, y and settles what it returns.
func (hs *harness) click(x, y int, double bool) ([]tea.Msg, bool) {
	cmd, opened := hs.m.Click(x, y, double)
	return hs.settle(cmd), opened
}

// sixJobs are six running jobs, "prompt 1" newest.
func sixJobs() []api.GenerationJob {
	var out []api.GenerationJob
	for i := 1; i <= 6; i++ {
		out = append(out, job(fmt.Sprintf("j%d", i), api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Duration(i)*time.Minute, fmt.Sprintf("prompt %d", i)))
	}
	return out
}

// TestClickSelectsTheJobUnderItInTheGrid: three columns of blocks, the
// block found by row and column.
func TestClickSelectsTheJobUnderItInTheGrid(t *testing.T) {
	hs := newHarness(t, 160, 30, true, sixJobs()...)
	if hs.m.columns() != 3 {
		t.Fatalf("premise: three columns at 160, got %d", hs.m.columns())
	}
	x, y := hs.cellOf("prompt 5")
	if _, opened := hs.click(x, y, false); opened {
		t.Fatal("a click on another job opened it")
	}
	if got := hs.m.selectedID(); got != hs.m.jobs.entries[4].job.ID {
		t.Fatalf("selected %s, want the fifth block", got)
	}
	// Between two blocks, and under the last row: nothing.
	w := (160 - 2*colGap) / 3
	hs.click(w, y, false)
	hs.click(x, y+8, false)
	if got := hs.m.selectedID(); got != hs.m.jobs.entries[4].job.ID {
		t.Fatalf("a click on no block moved the selection to %s", got)
	}
	// A click on the selected job presses enter: a running job shows its
	// detail.
	msgs, opened := hs.click(x, y, false)
	if !opened || !strings.Contains(hs.plain(), "Jobs › ") {
		t.Fatalf("a click on the selected job: opened %v, %v:\n%s", opened, msgs, hs.plain())
	}
}

func TestWheelMovesThroughJobs(t *testing.T) {
	hs := newHarness(t, 80, 30, true, sixJobs()...)
	hs.settle(hs.m.Wheel(1))
	hs.settle(hs.m.Wheel(1))
	if hs.m.sel != 2 {
		t.Fatalf("two notches down: %d", hs.m.sel)
	}
	hs.settle(hs.m.Wheel(-1))
	if hs.m.sel != 1 {
		t.Fatalf("a notch up: %d", hs.m.sel)
	}
}

func TestClickInTheHistoryOpensTheJobsPost(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.gen.setHistory(
		completed("a", api.ProviderOpenAI, api.GenImage, time.Minute, "first thing", "post-1"),
		completed("b", api.ProviderOpenAI, api.GenImage, time.Hour, "second thing", "post-2"),
	)
	hs.keys("h")
	_, y := hs.cellOf("second thing")
	hs.click(4, y, false)
	if p := hs.m.selectedPast(); p == nil || p.ID != "b" {
		t.Fatalf("selected %v", p)
	}
	hs.click(4, 0, false) // the title line
	if p := hs.m.selectedPast(); p == nil || p.ID != "b" {
		t.Fatalf("a click on the title moved the selection to %v", p)
	}
	cmd, opened := hs.m.Click(4, y, true)
	open, ok := tuitest.Find[views.OpenPostMsg](hs.settle(cmd))
	if !opened || !ok || open.PostID != "post-2" {
		t.Fatalf("a double click on the job: opened %v, %+v", opened, open)
	}
}

// TestClickAmongTheHistoryMatches: with the `/` filter on, the rows are
// the matches, and a click selects the job it lands on.
func TestClickAmongTheHistoryMatches(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.gen.setHistory(
		completed("a", api.ProviderOpenAI, api.GenImage, time.Minute, "a lighthouse", "post-1"),
		completed("b", api.ProviderOpenAI, api.GenImage, time.Hour, "a harbour", "post-2"),
		completed("c", api.ProviderOpenAI, api.GenImage, 2*time.Hour, "a lighthouse at night", "post-3"),
	)
	hs.keys("h", "/")
	hs.typeText("lighthouse")
	hs.keys("enter")
	_, y := hs.cellOf("a lighthouse at night")
	hs.click(4, y, false)
	if p := hs.m.selectedPast(); p == nil || p.ID != "c" {
		t.Fatalf("selected %v:\n%s", p, hs.plain())
	}
}
