package jobs

import (
	"slices"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

func TestTheServersRefusalIsShownAndTheDraftKept(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.gen.errs["start"] = &api.Error{StatusCode: 400, Code: "too_many_jobs", Message: "At most 3 generation jobs can run at once"}
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a red kite")
	msgs := hs.keys("enter", "enter")
	if got := statusText(msgs); !strings.Contains(got, "At most 3 generation jobs can run at once") {
		t.Errorf("status = %q", got)
	}
	if v := hs.plain(); !strings.Contains(v, "The server refused the generation: At most 3 generation jobs can run at once") {
		t.Errorf("refusal not on screen:\n%s", v)
	}
	hs.gen.errs["start"] = nil
	hs.keys("n", "enter", "enter", "enter", "enter")
	if !strings.Contains(hs.plain(), "a red kite") {
		t.Errorf("the draft was not offered again:\n%s", hs.plain())
	}
}

func TestRetryRules(t *testing.T) {
	cases := []struct {
		name  string
		job   api.GenerationJob
		other []api.GenerationJob
		want  string // status text; "" means the retry is sent
	}{
		{"not failed", job("j", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "x"), nil, "only a failed job can be retried; this one is generating"},
		{"no retries left", failed("j", api.ProviderOpenAI, api.GenImage, time.Minute, "x", "boom", 3), nil, "no retries left (3 of 3 used): n starts a new generation"},
		{"every slot in use", failed("j", api.ProviderOpenAI, api.GenImage, time.Hour, "x", "boom", 0), []api.GenerationJob{
			job("a", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "a"),
			job("b", api.ProviderOpenAI, api.GenImage, api.JobGenerating, 2*time.Second, "b"),
			job("c", api.ProviderOpenAI, api.GenImage, api.JobGenerating, 3*time.Second, "c"),
		}, "all 3 generation slots are in use"},
		{"retries left", failed("j", api.ProviderOpenAI, api.GenImage, time.Minute, "x", "boom", 1), nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, 80, 24, true, append([]api.GenerationJob{tc.job}, tc.other...)...)
			hs.m.reselect("j")
			msgs := hs.keys("R")
			calls := hs.gen.requests()
			if tc.want != "" {
				if got := statusText(msgs); !strings.Contains(got, tc.want) {
					t.Errorf("status = %q, want %q", got, tc.want)
				}
				if slices.Contains(calls, "retry:j") {
					t.Error("a refused retry was sent")
				}
				return
			}
			if !slices.Equal(calls, []string{"retry:j", "pending"}) {
				t.Errorf("calls = %q, want the retry then an immediate fetch", calls)
			}
			if got := statusText(msgs); !strings.Contains(got, "1 of 3 retries left after this one") {
				t.Errorf("status = %q", got)
			}
			if !strings.Contains(hs.plain(), "●━━○━━○━━○ pending") || hs.m.PollInterval() != fastPoll {
				t.Errorf("the retried job does not run:\n%s", hs.plain())
			}
		})
	}
}

func TestEnterOpensTheCompletedJobsPost(t *testing.T) {
	hs := newHarness(t, 80, 24, true,
		job("run", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "still going"),
		job("img", api.ProviderOpenAI, api.GenImage, api.JobUploading, time.Minute, "done soon"),
	)
	hs.gen.setPending(job("run", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "still going"))
	hs.gen.setHistory(completed("img", api.ProviderOpenAI, api.GenImage, time.Minute, "done soon", "post-42"))
	hs.poll()

	msgs := hs.keys("enter")
	if _, ok := tuitest.Find[views.OpenPostMsg](msgs); ok {
		t.Fatal("enter on a running job opened a post")
	}
	if v := hs.plain(); !strings.Contains(v, "Jobs › image job") {
		t.Errorf("enter on a running job did not show its detail:\n%s", v)
	}
	hs.keys("esc")
	msgs = hs.keys("j", "enter")
	open, ok := tuitest.Find[views.OpenPostMsg](msgs)
	if !ok || open.PostID != "post-42" {
		t.Fatalf("enter on the completed job: %+v (found %v)", open, ok)
	}
}

func TestStartShowsTheJobAtOnceAndPollsFastUntilTheRootDoes(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a lighthouse in fog")
	hs.gen.requests()
	hs.keys("enter", "enter")
	if got := hs.gen.requests(); !slices.Equal(got, []string{"start", "pending"}) {
		t.Fatalf("calls = %q, want the start then an immediate fetch", got)
	}
	if len(hs.gen.starts) != 1 {
		t.Fatalf("%d starts", len(hs.gen.starts))
	}
	if !strings.Contains(hs.plain(), "a lighthouse in fog") || hs.m.PollInterval() != fastPoll {
		t.Fatalf("the new job is not on screen or polled fast:\n%s", hs.plain())
	}
	// The server now lists it: the pane keeps fetching every 2 s by itself
	// until the root's own poll comes.
	st := hs.gen.starts[0]
	hs.gen.setPending(job("new1", st.Provider, st.GenerationType, api.JobGenerating, 0, st.Prompt))
	kicks := 0
	for _, tk := range hs.ticks {
		if _, ok := tk.msg.(kickMsg); ok && tk.d == fastPoll {
			kicks++
		}
	}
	if kicks != 1 {
		t.Fatalf("bridging fetches scheduled = %d, want 1", kicks)
	}
	hs.fire()
	if got := hs.gen.requests(); !slices.Equal(got, []string{"pending"}) {
		t.Fatalf("bridging fetch = %q", got)
	}
	if !strings.Contains(hs.plain(), "generating") {
		t.Errorf("stage not updated by the bridging fetch:\n%s", hs.plain())
	}
	hs.poll() // the root's poll takes over
	hs.gen.requests()
	hs.fire()
	if got := hs.gen.requests(); len(got) != 0 {
		t.Errorf("the pane kept fetching by itself after the root's poll: %q", got)
	}
}

func TestAPollThatPredatesARetryCannotUndoIt(t *testing.T) {
	hs := newHarness(t, 80, 24, true, failed("j", api.ProviderOpenAI, api.GenImage, time.Minute, "x", "boom", 1))
	stale := hs.m.Refresh(t.Context()) // started before the retry…
	old := stale()                     // …and answered with the job still failed
	hs.keys("R")
	hs.settle(hs.m.Update(old))
	if !strings.Contains(hs.plain(), "pending") || strings.Contains(hs.plain(), "✕ failed") {
		t.Errorf("a stale poll brought the failure back:\n%s", hs.plain())
	}
}
