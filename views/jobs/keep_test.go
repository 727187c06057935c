package jobs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/internal/tuitest"
)

// TestEscKeepsThePromptForTheNextN (issue 12): esc in the generation form
// sends nothing but keeps what was written; n reopens the form with it.
func TestEscKeepsThePromptForTheNextN(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a lighthouse at dusk")
	msgs := hs.keys("esc")
	if hs.m.CapturesInput() || len(hs.gen.starts) != 0 {
		t.Fatal("esc did not close the form, or sent it")
	}
	if got := statusText(msgs); !strings.Contains(got, "reopens it as you left it") {
		t.Errorf("status = %q", got)
	}
	hs.keys("n", "enter", "enter", "enter", "enter")
	if v := hs.plain(); !strings.Contains(v, "a lighthouse at dusk") {
		t.Fatalf("the prompt written before esc is not offered again:\n%s", v)
	}
}

// TestAFailedJobIsOfferedAgainByN: n with a failed job under the cursor
// opens the form filled in from it, to change and start again.
func TestAFailedJobIsOfferedAgainByN(t *testing.T) {
	j := job("f", api.ProviderOpenAI, api.GenImage, api.JobFailed, 30*time.Second, "a cat in a teacup")
	j.ErrorMessage = "OpenAI: content policy violation"
	j.RetryCount = api.MaxJobRetries
	hs := newHarness(t, 80, 24, true, j)
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter")
	if v := hs.plain(); !strings.Contains(v, "prompt 17/1000") {
		t.Fatalf("the failed job's prompt (17 characters) is not offered:\n%s", v)
	}
	hs.keys("enter", "enter")
	if v := hs.plain(); !strings.Contains(v, "a cat in a teacup") {
		t.Fatalf("the prompt page does not show the failed job's prompt:\n%s", v)
	}
}

// TestAnEnterTypedWhileTheFormLoadsIsKept: keys pressed before a step of
// the form has loaded are handed to it once it shows.
func TestAnEnterTypedWhileTheFormLoadsIsKept(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	load := hs.m.Update(tuitest.Press("n")) // the providers are being read
	hs.settle(hs.m.Update(tuitest.Press("enter")))
	hs.settle(load)
	// The enter chose the first provider (OpenAI, one type): its models
	// were asked for, as if it had been pressed on the shown step.
	if got := hs.gen.requests(); len(got) == 0 || got[0] != "models:OPENAI/image" {
		t.Fatalf("the enter typed ahead was lost: requests %q\n%s", got, hs.plain())
	}
}

// TestThePromptSurvivesAQuit: what the form held when the program ended
// is written to the draft directory and offered by the first n of the
// next run; a form with nothing typed leaves no file.
func TestThePromptSurvivesAQuit(t *testing.T) {
	dir := t.TempDir()
	hs := newHarness(t, 80, 24, true)
	hs.m.draftDir = dir
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a harbour at night")
	if err := hs.m.FlushDrafts(); err != nil {
		t.Fatal(err)
	}
	next := newHarness(t, 80, 24, true)
	next.m.draftDir = dir
	next.svc.list = allProviders()
	next.settle(next.m.Init())
	next.keys("n", "enter", "enter", "enter", "enter")
	if v := next.plain(); !strings.Contains(v, "a harbour at night") {
		t.Fatalf("the prompt of the last run is not offered:\n%s", v)
	}
	empty := newHarness(t, 80, 24, true)
	empty.m.draftDir = dir
	if err := empty.m.FlushDrafts(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, draftFile)); !os.IsNotExist(err) {
		t.Errorf("nothing to keep, yet the file stays: %v", err)
	}
}
