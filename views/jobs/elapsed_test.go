package jobs

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
)

// TestAJobWithoutAStartTimeShowsNoElapsedTime: a job the server sent
// without createdAt shows no clock, not the 2562047:47:16 since year 1.
func TestAJobWithoutAStartTimeShowsNoElapsedTime(t *testing.T) {
	js := trio(api.JobGenerating)
	for i := range js {
		js[i].CreatedAt = time.Time{}
	}
	hs := newHarness(t, 120, 40, true, js...)
	view := ansi.Strip(hs.m.View())
	if strings.Contains(view, "2562047") {
		t.Fatalf("a job with no start time shows an elapsed time since year 1:\n%s", view)
	}
	if !strings.Contains(view, "a lighthouse in fog") {
		t.Fatalf("the jobs are not shown:\n%s", view)
	}
}
