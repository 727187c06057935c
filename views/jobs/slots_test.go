package jobs

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
)

// threeRunning fills every generation slot.
func threeRunning() []api.GenerationJob {
	return []api.GenerationJob{
		job("a", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "one"),
		job("b", api.ProviderOpenAI, api.GenImage, api.JobGenerating, 2*time.Second, "two"),
		job("c", api.ProviderOpenAI, api.GenImage, api.JobUploading, 3*time.Second, "three"),
	}
}

// TestWithEverySlotInUseNStillOpensTheForm: n with every slot in use
// opens the form, which says the job can be sent once a slot frees; what
// is typed next goes into the form (it once ran as the pane's commands,
// and q quit the app). Enter on the last field sends nothing while the
// slots are full and keeps everything typed, with the reason; once a
// poll shows a slot free, the same enter sends the job.
func TestWithEverySlotInUseNStillOpensTheForm(t *testing.T) {
	hs := newHarness(t, 80, 24, true, threeRunning()...)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	if v := hs.plain(); !strings.Contains(v, "3 of 3 generation slots in use · n drafts the next one") {
		t.Errorf("the header does not say n still works:\n%s", v)
	}
	hs.keys("n")
	if !hs.m.CapturesInput() {
		t.Fatalf("n opened no form: the keys typed next run as commands\n%s", hs.plain())
	}
	if v := hs.plain(); !strings.Contains(v, "all 3 generation slots are in use: the job can be sent once one frees") {
		t.Errorf("the form does not say every slot is in use:\n%s", v)
	}
	hs.gen.requests()
	hs.svc.requests()

	// Typed at once, on the provider step: nothing leaves the form.
	msgs := hs.record(tuitest.TypeText(hs.m.Update, "quick job D"))
	if !hs.m.CapturesInput() || hs.m.screen != viewLive || hs.m.jobView != nil {
		t.Fatalf("typing after n left the form or changed the screen:\n%s", hs.plain())
	}
	if _, quit := tuitest.Find[tea.QuitMsg](msgs); quit || statusText(msgs) != "" {
		t.Errorf("typing after n did something else: %v %q", quit, statusText(msgs))
	}

	hs.keys("enter", "enter", "enter", "enter") // OpenAI: model, size, quality, then the prompt
	hs.typeText("quick job D")
	if hs.m.form.d.prompt != "quick job D" || !strings.Contains(hs.plain(), "quick job D") {
		t.Fatalf("the text is not in the prompt:\n%s", hs.plain())
	}
	hs.keys("enter", "enter") // to the post text, then send
	if slices.Contains(hs.gen.requests(), "start") || len(hs.gen.starts) != 0 {
		t.Fatal("a job was sent with every slot in use")
	}
	if hs.m.form == nil || hs.m.form.step != stepDetails {
		t.Fatal("the form closed on a send refused for the slots")
	}
	v := hs.plain()
	if !strings.Contains(v, "not sent: all 3 generation slots are still in use; enter sends it once one frees") {
		t.Errorf("no reason beside the form:\n%s", v)
	}
	if !strings.Contains(v, "quick job D") || !strings.Contains(v, "Post text") {
		t.Errorf("the form did not stay where it was with what was typed:\n%s", v)
	}

	// A slot frees: the form says so, and enter sends the job.
	hs.gen.setPending(threeRunning()[1:]...)
	hs.gen.setHistory(completed("a", api.ProviderOpenAI, api.GenImage, time.Second, "one", "p1"))
	hs.poll()
	if v := hs.plain(); !strings.Contains(v, "a generation slot is free now: enter sends the job") || strings.Contains(v, "still in use") {
		t.Errorf("the form does not say a slot is free:\n%s", v)
	}
	hs.keys("enter")
	if len(hs.gen.starts) != 1 || hs.gen.starts[0].Prompt != "quick job D" {
		t.Fatalf("enter once a slot is free did not send the job: %+v", hs.gen.starts)
	}
	if hs.m.CapturesInput() {
		t.Error("the form stayed open after the job was sent")
	}
}

// TestTheSlotsLineGoesWhenASlotFrees: the form opened with every slot in
// use stops saying so once a poll shows a slot free.
func TestTheSlotsLineGoesWhenASlotFrees(t *testing.T) {
	hs := newHarness(t, 80, 24, true, threeRunning()...)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.keys("n")
	if v := hs.plain(); !strings.Contains(v, "slots are in use") {
		t.Fatalf("the form does not say every slot is in use:\n%s", v)
	}
	hs.gen.setPending(threeRunning()[:2]...)
	hs.gen.setHistory(completed("c", api.ProviderOpenAI, api.GenImage, 3*time.Second, "three", "p3"))
	hs.poll()
	if v := hs.plain(); strings.Contains(v, "slots are in use") {
		t.Errorf("the form still says every slot is in use:\n%s", v)
	}
}

// TestTheNarrowHeaderStillSaysNDrafts: beside the split view's detail the
// header's hint is cut short rather than cut off.
func TestTheNarrowHeaderStillSaysNDrafts(t *testing.T) {
	hs := newHarness(t, 54, 24, true, threeRunning()...)
	head := strings.SplitN(hs.plain(), "\n", 2)[0]
	if head != "Jobs · 3 of 3 generation slots in use · n drafts" {
		t.Errorf("header = %q", head)
	}
}
