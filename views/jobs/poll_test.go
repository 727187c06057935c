package jobs

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestFastPollingAndSpinnerRunOnlyWhileAJobIsActive(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	if got := hs.m.PollInterval(); got != idlePoll {
		t.Fatalf("idle interval = %v, want %v", got, idlePoll)
	}
	if len(hs.ticks) != 0 {
		t.Fatalf("an idle pane scheduled %d ticks", len(hs.ticks))
	}

	// A job appears: fast polling, and the spinner starts.
	hs.gen.setPending(job("j1", api.ProviderOpenAI, api.GenImage, api.JobPending, 2*time.Second, "a lighthouse in fog"))
	hs.poll()
	if got := hs.m.PollInterval(); got != fastPoll {
		t.Fatalf("interval with an active job = %v, want %v", got, fastPoll)
	}
	if hs.spinTicks() != 1 {
		t.Fatalf("spinner ticks scheduled = %d, want 1", hs.spinTicks())
	}
	before := hs.plain()
	hs.fire()
	hs.now = hs.now.Add(time.Second)
	hs.fire()
	if hs.plain() == before {
		t.Error("the spinner and the elapsed time did not move while the job ran")
	}

	// A stage change shows on the next poll.
	hs.gen.setPending(job("j1", api.ProviderOpenAI, api.GenImage, api.JobGenerating, 2*time.Second, "a lighthouse in fog"))
	hs.poll()
	if !strings.Contains(hs.plain(), "●━━●━━○━━○ generating") {
		t.Fatalf("stage change not shown:\n%s", hs.plain())
	}

	// The job leaves the pending list: one history page tells how it ended.
	hs.gen.requests()
	hs.gen.setPending()
	hs.gen.setHistory(completed("j1", api.ProviderOpenAI, api.GenImage, 40*time.Second, "a lighthouse in fog", "post-9"))
	hs.poll()
	if got := hs.gen.requests(); !slices.Equal(got, []string{"pending", "history:"}) {
		t.Errorf("requests = %q, want pending then one history page", got)
	}
	if got := hs.m.PollInterval(); got != idlePoll {
		t.Errorf("interval after the job finished = %v, want %v", got, idlePoll)
	}
	if !strings.Contains(hs.plain(), "posted") {
		t.Errorf("completed job not shown as posted:\n%s", hs.plain())
	}

	// The tick in flight ends the spinner: nothing is scheduled any more.
	hs.fire()
	if len(hs.ticks) != 0 || hs.m.spinning {
		t.Fatalf("spinner still running after the last job finished (%d ticks)", len(hs.ticks))
	}

	// Idle: time passes, polls bring nothing new, the frame stays identical.
	idle := hs.m.View()
	for range 3 {
		hs.now = hs.now.Add(time.Hour)
		hs.poll()
		if hs.m.View() != idle {
			t.Fatalf("an idle poll changed the frame:\n%s\n---\n%s", ansi.Strip(idle), hs.plain())
		}
	}
	if got := hs.gen.requests(); slices.Contains(got, "history:") {
		t.Errorf("idle polls read the history: %q", got)
	}
}

func TestAStageChangeIsPickedUpWithinThreeSeconds(t *testing.T) {
	hs := newHarness(t, 80, 24, true, job("j1", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "x"))
	// The root arms the next poll at PollInterval (±10 % jitter).
	if d := hs.m.PollInterval(); d+d/10 > 3*time.Second {
		t.Fatalf("interval %v (+10%% jitter) exceeds 3 s", d)
	}
}

func TestAJobFinishingWhileUnfocusedAsksForAttention(t *testing.T) {
	hs := newHarness(t, 80, 24, false,
		job("img", api.ProviderOpenAI, api.GenImage, api.JobUploading, 30*time.Second, "a lighthouse in fog\nsecond line"),
		job("vid", api.ProviderRunware, api.GenVideo, api.JobGenerating, 20*time.Second, "a cat surfing"),
	)
	if hs.m.Badge() != 2 || hs.m.Alerts() != 0 || hs.m.NotifyText() != "" {
		t.Fatalf("before: badge %d alerts %d notify %q", hs.m.Badge(), hs.m.Alerts(), hs.m.NotifyText())
	}

	// The image completes (it leaves the pending list).
	hs.gen.setPending(job("vid", api.ProviderRunware, api.GenVideo, api.JobGenerating, 20*time.Second, "a cat surfing"))
	hs.gen.setHistory(completed("img", api.ProviderOpenAI, api.GenImage, 30*time.Second, "a lighthouse in fog\nsecond line", "post-1"))
	hs.poll()
	if hs.m.Alerts() != 1 {
		t.Errorf("alerts = %d, want 1", hs.m.Alerts())
	}
	if hs.m.Badge() != 2 { // one running + one unseen
		t.Errorf("badge = %d, want 2 (1 active + 1 unseen)", hs.m.Badge())
	}
	if got := hs.m.NotifyText(); got != "Image job completed: a lighthouse in fog" {
		t.Errorf("notify = %q", got)
	}

	// The video fails.
	v := failed("vid", api.ProviderRunware, api.GenVideo, 20*time.Second, "a cat surfing", "Runware: upstream timeout", 0)
	v.UpdatedAt = testNow().Add(time.Minute)
	hs.gen.setPending(v)
	hs.poll()
	if hs.m.Alerts() != 2 || hs.m.Badge() != 2 {
		t.Errorf("after the failure: alerts %d badge %d, want 2 and 2", hs.m.Alerts(), hs.m.Badge())
	}
	if got := hs.m.NotifyText(); got != "Video job failed: Runware: upstream timeout" {
		t.Errorf("notify = %q", got)
	}

	// Coming on screen marks them seen; the attention key selects the
	// newest of them.
	hs.keys("j")
	hs.m.SetFocused(true)
	if hs.m.Badge() != 0 {
		t.Errorf("badge after focus = %d, want 0", hs.m.Badge())
	}
	hs.settle(hs.m.JumpToUnread())
	if id := hs.m.selectedID(); id != "vid" {
		t.Errorf("jump selected %q, want the failed video", id)
	}
	if hs.m.Alerts() != 2 {
		t.Errorf("alerts must only grow; got %d", hs.m.Alerts())
	}
}

func TestAJobFinishingOnScreenIsNotUnseen(t *testing.T) {
	hs := newHarness(t, 80, 24, true, job("img", api.ProviderOpenAI, api.GenImage, api.JobUploading, 30*time.Second, "x"))
	hs.gen.setPending()
	hs.gen.setHistory(completed("img", api.ProviderOpenAI, api.GenImage, 30*time.Second, "x", "p"))
	hs.poll()
	if hs.m.Alerts() != 1 || hs.m.Badge() != 0 {
		t.Errorf("alerts %d badge %d, want 1 and 0", hs.m.Alerts(), hs.m.Badge())
	}
}

func TestFirstLoadIsNotNews(t *testing.T) {
	hs := newHarness(t, 80, 24, false, failed("f", api.ProviderOpenAI, api.GenImage, time.Hour, "x", "boom", 1))
	if hs.m.Alerts() != 0 || hs.m.Badge() != 0 {
		t.Errorf("a failure that was there at start counted: alerts %d badge %d", hs.m.Alerts(), hs.m.Badge())
	}
}

func TestAJobTheHistoryDoesNotKnowIsDroppedAfterAFewLookups(t *testing.T) {
	hs := newHarness(t, 80, 24, true, job("ghost", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "x"))
	hs.gen.setPending()
	for i := range maxLookups {
		if len(hs.m.jobs.entries) != 1 {
			t.Fatalf("dropped after %d lookups", i)
		}
		hs.poll()
	}
	if len(hs.m.jobs.entries) != 0 || hs.m.PollInterval() != idlePoll {
		t.Errorf("ghost job kept: %d entries, interval %v", len(hs.m.jobs.entries), hs.m.PollInterval())
	}
}

func TestAFailedPollKeepsTheJobsAndSaysSo(t *testing.T) {
	hs := newHarness(t, 80, 24, true, job("j", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "a lighthouse"))
	hs.gen.errs["pending"] = api.ErrOffline
	msgs := hs.poll()
	p, ok := tuitest.Find[pollMsg](msgs)
	if !ok || !errors.Is(p.Err(), api.ErrOffline) {
		t.Fatalf("poll result does not expose the error: %+v", p)
	}
	if v := hs.plain(); !strings.Contains(v, "couldn't refresh: offline") || !strings.Contains(v, "a lighthouse") {
		t.Errorf("view:\n%s", v)
	}
}

func TestManualRefreshInHistoryReloadsItInTheSameCmd(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.gen.setHistory(completed("h1", api.ProviderOpenAI, api.GenImage, time.Hour, "old", "p1"))
	hs.keys("h")
	hs.gen.setHistory(completed("h2", api.ProviderOpenAI, api.GenImage, time.Minute, "new one", "p2"),
		completed("h1", api.ProviderOpenAI, api.GenImage, time.Hour, "old", "p1"))
	hs.gen.requests()
	hs.m.ForceRefresh()
	hs.poll()
	if got := hs.gen.requests(); !slices.Equal(got, []string{"pending", "history:"}) {
		t.Errorf("requests = %q", got)
	}
	if !strings.Contains(hs.plain(), "new one") {
		t.Errorf("history not reloaded:\n%s", hs.plain())
	}
}

func TestHistoryPagesWithCursors(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	var first, second []api.GenerationJob
	for i := range historyPage {
		first = append(first, completed("a"+string(rune('a'+i)), api.ProviderOpenAI, api.GenImage, time.Duration(i+1)*time.Minute, "first page", "p"))
	}
	second = append(second, failed("zz", api.ProviderRunware, api.GenVideo, 48*time.Hour, "a prompt", "from page two", 3))
	hs.gen.pages[""] = &api.Page[api.GenerationJob]{Items: first, NextCursor: "c2", HasMore: true}
	hs.gen.pages["c2"] = &api.Page[api.GenerationJob]{Items: second}
	hs.keys("h")
	if got := hs.gen.requests(); !slices.Equal(got, []string{"history:"}) {
		t.Fatalf("opening the history: %q", got)
	}
	for range historyPage - nearEnd - 1 {
		hs.keys("j")
	}
	if got := hs.gen.requests(); len(got) != 0 {
		t.Fatalf("next page fetched too early: %q", got)
	}
	hs.keys("j")
	if got := hs.gen.requests(); !slices.Equal(got, []string{"history:c2"}) {
		t.Fatalf("near the end: %q", got)
	}
	hs.keys("G")
	if !strings.Contains(hs.plain(), "from page two") || hs.m.hist.hasMore {
		t.Errorf("second page not shown:\n%s", hs.plain())
	}
	hs.keys("j", "j")
	if got := hs.gen.requests(); len(got) != 0 {
		t.Errorf("fetched past the last page: %q", got)
	}
}

// TestTheSpinnerTicksOnlyWhileThePaneIsShown: a running job's spinner stops
// once the pane is hidden (no timers for what nobody sees), starts again
// the moment the pane is shown, and ticks once a second beside the clock.
func TestTheSpinnerTicksOnlyWhileThePaneIsShown(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.gen.setPending(job("j1", api.ProviderOpenAI, api.GenImage, api.JobGenerating, 2*time.Second, "a lighthouse in fog"))
	hs.poll()
	if hs.spinTicks() != 1 {
		t.Fatalf("spinner ticks scheduled = %d, want 1", hs.spinTicks())
	}
	for _, tk := range hs.ticks {
		if _, ok := tk.msg.(spinMsg); ok && tk.d != time.Second {
			t.Errorf("the spinner ticks every %v, want once a second", tk.d)
		}
	}

	hs.m.SetFocused(false)
	hs.fire()
	if hs.spinTicks() != 0 || hs.m.spinning {
		t.Fatalf("the spinner still ticks while the pane is hidden (%d ticks)", hs.spinTicks())
	}

	hs.m.SetFocused(true)
	hs.settle(hs.m.Update(views.ShownMsg{}))
	if hs.spinTicks() != 1 {
		t.Fatalf("the spinner did not start again when the pane was shown (%d ticks)", hs.spinTicks())
	}
}
