package jobs

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/internal/tuitest"
)

func (hs *harness) selectedLive() string {
	if j := hs.m.selectedJob(); j != nil {
		return j.ID
	}
	return ""
}

// TestFilterLiveJobs: / and a query show only the jobs whose prompt,
// provider, type or status hold it, and how many; esc while typing gives
// the grid back on the same job; enter keeps the filter and j moves over
// the matches only; esc then keeps the job reached.
func TestFilterLiveJobs(t *testing.T) {
	hs := newHarness(t, 80, 24, true, trio(api.JobGenerating)...)
	if hs.selectedLive() != "c" {
		t.Fatalf("premise: c (the newest) selected, got %s", hs.selectedLive())
	}
	hs.keys("/")
	if !hs.m.CapturesInput() {
		t.Fatal("typing the filter must capture input")
	}
	hs.typeText("Light")
	v := hs.plain()
	if !strings.Contains(v, "/Light") || !strings.Contains(v, "2 of 3") || strings.Contains(v, "Voice") {
		t.Fatalf("want the two jobs with light, 2 of 3:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.selectedLive() != "c" || !strings.Contains(hs.plain(), "Voice") {
		t.Fatalf("esc must restore the grid on c, got %s", hs.selectedLive())
	}
	hs.keys("/")
	hs.typeText("light")
	hs.keys("enter")
	if hs.selectedLive() != "a" {
		t.Fatalf("the selection is the match nearest c once applied, got %s", hs.selectedLive())
	}
	hs.keys("j")
	if hs.selectedLive() != "b" {
		t.Fatalf("j must move to the next match, got %s", hs.selectedLive())
	}
	hs.keys("esc")
	if hs.m.live.Active() || hs.selectedLive() != "b" {
		t.Fatalf("esc must clear the filter keeping b, got %s", hs.selectedLive())
	}
}

// TestFilterHistory: the history filters the same way, by status too.
func TestFilterHistory(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.gen.setHistory(
		completed("h1", api.ProviderOpenAI, api.GenImage, time.Hour, "a lighthouse in fog", "p1"),
		failed("h2", api.ProviderElevenLabs, api.GenVoice, 2*time.Hour, "hello there", "quota exceeded", 1),
		completed("h3", api.ProviderRunware, api.GenVideo, 3*time.Hour, "a cat surfing", "p3"),
		failed("h4", api.ProviderOpenAI, api.GenImage, 4*time.Hour, "a dog", "content policy", 3),
	)
	hs.keys("h")
	hs.keys("/")
	hs.typeText("failed")
	if v := hs.plain(); !strings.Contains(v, "2 of 4") || strings.Contains(v, "lighthouse") {
		t.Fatalf("want the two failed jobs, 2 of 4:\n%s", v)
	}
	hs.keys("enter", "j")
	if j := hs.m.selectedPast(); j == nil || j.ID != "h4" {
		t.Fatalf("enter then j must move to the second failed job, got %v", j)
	}
	hs.keys("esc")
	if hs.m.hist.filter.Active() || hs.m.screen != viewHistory || hs.m.selectedPast().ID != "h4" {
		t.Fatal("esc must clear the filter and stay in the history on h4")
	}
}

// TestGoldenFilteredJobs is the live grid filtered by "light", the matches
// marked (between ⟦ and ⟧), at 80x24.
func TestGoldenFilteredJobs(t *testing.T) {
	hs := newHarness(t, 80, 24, true, trio(api.JobGenerating)...)
	hs.keys("/")
	hs.typeText("light")
	view := hs.m.View()
	tuitest.CheckFrame(t, view, 80, 24)
	golden.RequireEqual(t, []byte(tuitest.Marked(view)))
}
