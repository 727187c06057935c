package jobs

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// paramNamed is the parameter name of provider and type.
func paramNamed(t *testing.T, provider, genType, name string) param {
	t.Helper()
	for _, p := range paramsFor(provider, genType) {
		if p.name == name {
			return p
		}
	}
	t.Fatalf("no parameter %s for %s/%s", name, provider, genType)
	return param{}
}

// TestNumbersMustBeFinite: strconv.ParseFloat reads "NaN" and "Inf" as
// numbers; NaN passes every range check and no JSON can carry it. Such a
// value gets the field's ordinary range message.
func TestNumbersMustBeFinite(t *testing.T) {
	cfg := paramNamed(t, api.ProviderRunware, api.GenVideo, "CFGScale")
	dur := paramNamed(t, api.ProviderElevenLabs, api.GenSoundEffect, "duration_seconds")
	for _, tc := range []struct {
		p    param
		want string
	}{
		{cfg, "CFG scale must be a number from 0 to 50"},
		{dur, "duration must be a number from 0.5 to 30"},
	} {
		for _, raw := range []string{"NaN", "nan", "Inf", "-inf", "+Infinity"} {
			if v, err := tc.p.check(raw); err == nil || err.Error() != tc.want {
				t.Errorf("%s %q: got %v, %v; want %q", tc.p.name, raw, v, err, tc.want)
			}
		}
	}
	if v, err := cfg.check("7.5"); err != nil || v != 7.5 {
		t.Errorf("a finite number was refused: %v, %v", v, err)
	}
}

// TestNaNIsRefusedInTheForm: typed into the CFG scale of a Runware video,
// NaN is refused on the field, and nothing is sent.
func TestNaNIsRefusedInTheForm(t *testing.T) {
	hs := newHarness(t, 80, 30, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "enter", "j", "enter") // Runware, Video
	hs.keys("enter")                         // model
	hs.keys("enter", "enter", "enter")       // aspect ratio, duration, reference image
	hs.typeText("NaN")
	hs.keys("enter")
	if v := hs.plain(); !strings.Contains(v, "CFG scale must be a number from 0 to 50") {
		t.Errorf("NaN was not refused with the range:\n%s", v)
	}
	if slices.Contains(hs.gen.requests(), "start") {
		t.Error("a form holding NaN was sent")
	}
}

// TestALocalFailureIsNotBlamedOnTheServer: a request that could not be
// encoded never reached the server: the pane says it was not sent, not
// that the server refused it.
func TestALocalFailureIsNotBlamedOnTheServer(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.gen.errs["start"] = fmt.Errorf("api: encode POST /api/generate: %w", &json.UnsupportedValueError{Str: "NaN"})
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("a kite")
	msgs := hs.keys("enter", "enter")
	v := hs.plain()
	if strings.Contains(v, "refused") || !strings.Contains(v, "The generation was not sent: a value in the form cannot be sent") {
		t.Errorf("the banner blames the server or says nothing:\n%s", v)
	}
	st := statusText(msgs)
	if !strings.HasSuffix(st, "couldn't start the generation: a value in the form cannot be sent (json: unsupported value: NaN)") {
		t.Errorf("the last status is not the failure: %q", st)
	}
}

// TestStartingIsShownBeforeTheRequest: "starting…" and the request run
// in order, so a request failing at once is never covered by "starting…"
// arriving after it (side by side, in a Batch, either may come first).
func TestStartingIsShownBeforeTheRequest(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	cmd := hs.m.start(&api.GenerateRequest{Provider: api.ProviderOpenAI, GenerationType: api.GenImage, Prompt: "x"}, newDraft())
	msg := cmd()
	if _, batch := msg.(tea.BatchMsg); batch {
		t.Fatal("the status and the request run side by side")
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() || v.Len() != 2 {
		t.Fatalf("start is not a sequence of the status and the request: %T", msg)
	}
	if s, ok := v.Index(0).Interface().(tea.Cmd)().(views.StatusMsg); !ok || !strings.HasPrefix(s.Text, "starting") {
		t.Errorf("the first message is not the status: %#v", s)
	}
}
