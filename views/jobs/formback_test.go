package jobs

import (
	"strings"
	"testing"

	"charm.land/huh/v2"
)

// onPrompt reports whether the prompt has the focus.
func onPrompt(hs *harness) bool {
	if hs.m.form == nil || hs.m.form.host == nil {
		return false
	}
	f, ok := hs.m.form.host.form.GetFocusedField().(*huh.Text)
	return ok && huh.Field(f) != hs.m.form.last
}

// TestShiftTabGoesBackFromAnEmptyPrompt: going back does not wait for
// the field left to be valid: shift+tab on an empty prompt goes to the
// parameters, and the prompt is still checked on the way forward.
func TestShiftTabGoesBackFromAnEmptyPrompt(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter", "enter", "enter") // OpenAI: model, size, quality, then the prompt
	if !onPrompt(hs) {
		t.Fatalf("not on the prompt:\n%s", hs.plain())
	}
	hs.keys("shift+tab")
	v := hs.plain()
	if strings.Contains(v, "prompt is empty") || !strings.Contains(v, "New image on OpenAI · parameters") {
		t.Fatalf("shift+tab on an empty prompt did not go back:\n%s", v)
	}
	hs.keys("enter") // quality, forward again
	hs.keys("enter") // the empty prompt, forward: refused
	if v := hs.plain(); !strings.Contains(v, "prompt is empty") {
		t.Errorf("going forward no longer checks the prompt:\n%s", v)
	}
}

// TestShiftTabGoesBackFromAWrongNumber: a width out of range does not
// hold the operator on its page going back; going forward it is refused
// again with its reason.
func TestShiftTabGoesBackFromAWrongNumber(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "enter", "enter", "enter") // Runware image → width
	hs.keys("backspace", "backspace", "backspace", "backspace")
	hs.typeText("99999")
	hs.keys("enter")
	if v := hs.plain(); !strings.Contains(v, "width must be a whole number from 64 to 2048") {
		t.Fatalf("the width was not refused going forward:\n%s", v)
	}
	hs.keys("shift+tab")
	v := hs.plain()
	if strings.Contains(v, "width must be") || !strings.Contains(v, "New image on Runware · model") {
		t.Fatalf("shift+tab on a wrong width did not go back to the model:\n%s", v)
	}
	hs.keys("enter", "enter")
	if v := hs.plain(); !strings.Contains(v, "width must be a whole number from 64 to 2048") {
		t.Errorf("going forward no longer checks the width:\n%s", v)
	}
}

// TestShiftTabOnTheFirstDetailGoesBackToTheProviderStep: the details step
// is a form of its own; shift+tab on its first field goes back to the
// provider step (on the type page, for a provider with several), with
// everything chosen and typed kept.
func TestShiftTabOnTheFirstDetailGoesBackToTheProviderStep(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "enter", "enter", "enter", "enter", "enter") // Runware image → the prompt
	hs.typeText("a kite")
	for range 4 { // prompt → height → width → model → the provider step
		hs.keys("shift+tab")
	}
	v := hs.plain()
	if hs.m.form.step != stepChoose || !strings.Contains(v, "┃ Type") || !strings.Contains(v, "> Image") {
		t.Fatalf("shift+tab on the model did not go back to the type:\n%s", v)
	}
	hs.keys("shift+tab")
	if v := hs.plain(); !strings.Contains(v, "┃ Provider") || !strings.Contains(v, "> Runware") {
		t.Fatalf("shift+tab on the type did not go back to the provider:\n%s", v)
	}
	hs.keys("enter", "enter", "enter", "enter", "enter") // provider, type, model, width, height
	if v := hs.plain(); !strings.Contains(v, "a kite") {
		t.Errorf("the prompt typed before going back is lost:\n%s", v)
	}
}
