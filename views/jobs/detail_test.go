package jobs

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// TestEnterOnARunningJobShowsItsDetail: enter on a job still generating
// shows its detail full width (provider, where it stands, when it
// started, the whole prompt) instead of saying the post is not there yet;
// the polls move it on; once it has posted, enter there opens the post,
// and esc comes back to the list.
func TestEnterOnARunningJobShowsItsDetail(t *testing.T) {
	run := job("run", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Minute, "a lighthouse in fog, long exposure, the beam sweeping over the rocks")
	hs := newHarness(t, 100, 30, true, run)
	msgs := hs.keys("enter")
	if _, ok := tuitest.Find[views.OpenPostMsg](msgs); ok {
		t.Fatal("enter on a running job opened a post")
	}
	v := hs.plain()
	for _, want := range []string{"Jobs › image job", "esc back", "Image · OpenAI", "generating · step 2 of 4", "started ", "the beam sweeping over the rocks"} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
	if hs.m.ShowsList() || hs.m.Target() != nil {
		t.Error("the split view would draw the list beside the detail")
	}

	up := run
	up.Status = api.JobUploading
	hs.gen.setPending(up)
	hs.poll()
	if v := hs.plain(); !strings.Contains(v, "uploading · step 3 of 4") {
		t.Errorf("a poll did not move the detail on:\n%s", v)
	}
	hs.gen.setPending()
	hs.gen.setHistory(completed("run", api.ProviderOpenAI, api.GenImage, time.Minute, run.Prompt, "post-7"))
	hs.poll()
	open, ok := tuitest.Find[views.OpenPostMsg](hs.keys("enter"))
	if !ok || open.PostID != "post-7" {
		t.Errorf("enter once the job posted: %+v (found %v)", open, ok)
	}
	hs.keys("esc")
	if v := hs.plain(); !strings.Contains(v, "generation slots in use") || strings.Contains(v, "Jobs › image job") {
		t.Errorf("esc did not come back to the list:\n%s", v)
	}
}

// TestTheHistorySaysOneJob: a history of one job is "1 job".
func TestTheHistorySaysOneJob(t *testing.T) {
	hs := newHarness(t, 100, 30, true)
	hs.gen.pages[""] = &api.Page[api.GenerationJob]{Items: []api.GenerationJob{completed("a", api.ProviderOpenAI, api.GenImage, time.Minute, "only one", "p1")}}
	hs.keys("h")
	if v := hs.plain(); !strings.Contains(v, "history · 1 job") || strings.Contains(v, "1 jobs") {
		t.Errorf("the header does not count one job:\n%s", strings.SplitN(v, "\n", 2)[0])
	}
}
