package jobdetail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/theme"
	"imagine/views"
)

// failed is a failed job with a long prompt, as the Jobs list holds it.
func failed() api.GenerationJob {
	at := time.Date(2026, 12, 6, 9, 30, 0, 0, time.Local)
	end := at.Add(42 * time.Second)
	return api.GenerationJob{
		ID: "job_1", Provider: api.ProviderRunware, Type: api.GenVideo, Model: "klingai:5@3", Status: api.JobFailed,
		Prompt:       "a slow pan across a harbour at dusk, fishing boats coming home, gulls overhead, the lights of the town coming on one by one",
		ErrorMessage: "The provider refused the prompt: content policy",
		RetryCount:   1, CreatedAt: at, UpdatedAt: end, CompletedAt: &end,
	}
}

// TestTheDetailShowsTheWholeJob: what the list cuts to a line (the
// prompt, the error) is shown whole, wrapped to the width, with where the
// job stands and when it ran; no line is wider than the detail.
func TestTheDetailShowsTheWholeJob(t *testing.T) {
	s := New(theme.New(true, true))
	s.SetSize(50, 30)
	s.Update(views.OpenJobMsg{Job: failed()})
	v := ansi.Strip(s.View())
	for _, want := range []string{
		"Selected › video job", "Video · Runware · klingai:5@3", "failed · retried 1×",
		"started Dec 6 09:30:00 · ended Dec 6 09:30:42 ·", "took 42s",
		"Prompt", "the town coming on one by one", "Why it failed", "content policy",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
	for i, l := range strings.Split(s.View(), "\n") {
		if w := ansi.StringWidth(l); w > 50 {
			t.Errorf("line %d is %d cells wide: %q", i, w, ansi.Strip(l))
		}
	}
}

// TestTheWheelScrollsALongDetail: a detail longer than its height shows
// its start, and the wheel brings the rest into view and stops at its end.
func TestTheWheelScrollsALongDetail(t *testing.T) {
	s := New(theme.New(true, true))
	s.SetSize(24, 6)
	s.Update(views.OpenJobMsg{Job: failed()})
	if v := ansi.Strip(s.View()); strings.Contains(v, "content policy") || len(strings.Split(v, "\n")) != 6 {
		t.Fatalf("a short detail shows its end or more than its height:\n%s", v)
	}
	s.Wheel(100)
	if v := ansi.Strip(s.View()); !strings.Contains(v, "policy") {
		t.Errorf("scrolled to the end, the error is not shown:\n%s", v)
	}
}
