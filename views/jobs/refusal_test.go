package jobs

import (
	"strings"
	"testing"
	"time"

	"imagine/api"
)

// notConnectedErr is the server's refusal of a job whose provider has no
// connected, turned-on service.
func notConnectedErr() error {
	return &api.Error{StatusCode: 400, Code: "service_not_connected",
		Message: "OPENAI is not connected or is switched off: add an API key under /api/settings/services"}
}

// TestARetryRefusedForAProviderNotConnectedSaysWhatToPress: the server's
// words point at a web page; the pane names the provider and the key that
// opens the AI providers instead.
func TestARetryRefusedForAProviderNotConnectedSaysWhatToPress(t *testing.T) {
	hs := newHarness(t, 80, 24, true, failed("j", api.ProviderOpenAI, api.GenImage, time.Minute, "x", "boom", 0))
	hs.gen.errs["retry"] = notConnectedErr()
	msgs := hs.keys("R")
	const want = "OpenAI is not connected or is turned off · s opens the AI providers"
	if got := statusText(msgs); got != "couldn't retry the job: "+want {
		t.Errorf("status = %q", got)
	}
	if v := strings.Join(strings.Fields(hs.plain()), " "); !strings.Contains(v, "Couldn't retry the job: "+want) || strings.Contains(v, "/api/") || strings.Contains(v, "OPENAI") {
		t.Errorf("the banner shows the server's words:\n%s", v)
	}
}

// TestAStartRefusedForAProviderNotConnectedSaysWhatToPress: the same for
// a new generation, whose banner is read whole (it wraps rather than
// losing its end) and keeps the way back to the form.
func TestAStartRefusedForAProviderNotConnectedSaysWhatToPress(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.gen.errs["start"] = notConnectedErr()
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a kite")
	hs.keys("enter", "enter")
	v := strings.Join(strings.Fields(hs.plain()), " ")
	if !strings.Contains(v, "Couldn't start the generation: OpenAI is not connected or is turned off · s opens the AI providers · n reopens the form with what you wrote") {
		t.Errorf("the banner does not say what to press, whole:\n%s", hs.plain())
	}
	if strings.Contains(v, "refused") || strings.Contains(v, "/api/") {
		t.Errorf("the banner shows the server's words:\n%s", hs.plain())
	}
}
