package jobs

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// TestAFormFilledFromAFailedJobSaysSo: n on a failed job opens the form
// filled in from it, and says so beside the title, with the key that
// empties it; ctrl+u does, and the form then says nothing of the job.
func TestAFormFilledFromAFailedJobSaysSo(t *testing.T) {
	hs := newHarness(t, 80, 24, true,
		failed("f", api.ProviderOpenAI, api.GenImage, time.Minute, "an old prompt", "OPENAI is not connected", 0))
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.keys("n")
	head := strings.SplitN(hs.plain(), "\n", 2)[0]
	if !strings.Contains(head, "new generation · from the failed job") || !strings.Contains(head, "ctrl+u start blank") {
		t.Errorf("the header does not say the form is filled in: %q", head)
	}
	hs.keys("ctrl+u")
	if head := strings.SplitN(hs.plain(), "\n", 2)[0]; strings.Contains(head, "failed job") || strings.Contains(head, "ctrl+u") {
		t.Errorf("the blank form still says it is filled in: %q", head)
	}
	hs.keys("enter", "enter", "enter", "enter")
	if !onPrompt(hs) || strings.Contains(hs.plain(), "an old prompt") || hs.m.form.d.prompt != "" {
		t.Errorf("ctrl+u kept the failed job's prompt:\n%s", hs.plain())
	}
}

// TestTheFilledInFormKeepsItsPrompt: without ctrl+u the failed job's
// prompt is there to change, and the form names where it came from on
// every page; a blank form names nothing.
func TestTheFilledInFormKeepsItsPrompt(t *testing.T) {
	hs := newHarness(t, 80, 24, true,
		failed("f", api.ProviderOpenAI, api.GenImage, time.Minute, "an old prompt", "boom", 0))
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.keys("n", "enter", "enter", "enter", "enter")
	v := hs.plain()
	if !strings.Contains(v, "an old prompt") || !strings.Contains(v, "from the failed job") {
		t.Errorf("the prompt page does not show the job's prompt and where it came from:\n%s", v)
	}
	if strings.Contains(v, "ctrl+u") {
		t.Errorf("ctrl+u is offered where it deletes text instead:\n%s", v)
	}
	hs.keys("esc", "n")
	if head := strings.SplitN(hs.plain(), "\n", 2)[0]; !strings.Contains(head, "as you left it") {
		t.Errorf("the form reopened after esc does not say so: %q", head)
	}

	blank := newHarness(t, 80, 24, true, job("r", api.ProviderOpenAI, api.GenImage, api.JobGenerating, time.Second, "running"))
	blank.svc.list = hs.svc.list
	blank.keys("n")
	if head := strings.SplitN(blank.plain(), "\n", 2)[0]; strings.Contains(head, "from") || strings.Contains(head, "ctrl+u") {
		t.Errorf("a blank form says it is filled in: %q", head)
	}
}
