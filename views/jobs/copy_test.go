package jobs

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"imagine/api"
)

func TestYCopiesTheResultOrTheJobsID(t *testing.T) {
	done := completed("job_done", "OPENAI", "image", 3*time.Minute, "a lighthouse", "p9")
	done.ResultURL = "https://cdn.example/gen/lighthouse.png"
	hs := newHarness(t, 100, 30, true, job("job_run", "OPENAI", "image", api.JobGenerating, time.Minute, "a harbour"), done)
	copied := func() string { return fmt.Sprint(hs.keys("y")) }
	if got := copied(); !strings.Contains(got, "copied job_run") {
		t.Errorf("y on a running job: %v, want its ID", got)
	}
	hs.keys("j")
	if got := copied(); !strings.Contains(got, "copied https://cdn.example/gen/lighthouse.png") {
		t.Errorf("y on a finished job: %v, want what it made", got)
	}
}
