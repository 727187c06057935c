package jobs

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// allProviders connects every provider, Google Gemini turned off.
func allProviders() []api.ConnectedService {
	return []api.ConnectedService{
		service(api.ProviderOpenAI, "sk-p…Wxyz", true),
		service(api.ProviderRunware, "abcd…wxyz", true),
		service(api.ProviderGoogleGemini, "AIza…k3Q9", false),
		service(api.ProviderElevenLabs, "1234…cdef", true),
	}
}

func TestOnlyConnectedActiveProvidersAreOffered(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n")
	v := hs.plain()
	for _, want := range []string{"OpenAI · image", "Runware · image, video", "ElevenLabs · voice, sound effect, music"} {
		if !strings.Contains(v, want) {
			t.Errorf("provider %q not offered:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Google Gemini") {
		t.Errorf("a provider turned off is offered:\n%s", v)
	}
}

func TestTypeChoicesAreLimitedByTheProvider(t *testing.T) {
	cases := []struct {
		downs    int // presses of j to reach the provider
		want     []string
		notWant  []string
		straight string // for single-type providers: the models asked for
	}{
		{downs: 0, straight: "models:OPENAI/image"},
		{downs: 1, want: []string{"Image", "Video"}, notWant: []string{"Voice", "Music", "Sound effect"}},
		{downs: 2, want: []string{"Voice", "Sound effect", "Music"}, notWant: []string{"Image", "Video"}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc.downs), func(t *testing.T) {
			hs := newHarness(t, 80, 24, true)
			hs.svc.list = allProviders()
			hs.keys("n")
			for range tc.downs {
				hs.keys("j")
			}
			hs.keys("enter")
			if tc.straight != "" {
				if got := hs.gen.requests(); !slices.Contains(got, tc.straight) {
					t.Errorf("a single-type provider did not go straight to its models: %q", got)
				}
				return
			}
			v := hs.plain()
			for _, w := range tc.want {
				if !strings.Contains(v, "  "+w) && !strings.Contains(v, "> "+w) {
					t.Errorf("type %q not offered:\n%s", w, v)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(v, "> "+w) || strings.Contains(v, "  "+w+"\n") {
					t.Errorf("type %q offered:\n%s", w, v)
				}
			}
		})
	}
}

func TestTheDefaultModelIsPreselectedAndParametersHaveTheirDefaults(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "enter", "enter") // Runware, Image
	if line := lineWith(hs.plain(), "> "); !strings.Contains(line, "FLUX.1 dev (runware:101@1) · default") {
		t.Errorf("selected model line = %q, want the default\n%s", line, hs.plain())
	}
	hs.keys("enter") // model
	if v := hs.plain(); strings.Count(v, "> 1024") != 2 {
		t.Errorf("width and height defaults not shown:\n%s", v)
	}
	hs.keys("enter", "enter")
	hs.typeText("a kite")
	hs.keys("enter", "enter")
	if len(hs.gen.starts) != 1 {
		t.Fatalf("starts = %d", len(hs.gen.starts))
	}
	got := hs.gen.starts[0]
	if got.Provider != api.ProviderRunware || got.GenerationType != api.GenImage || got.Model != "runware:101@1" ||
		got.Prompt != "a kite" || got.Params["width"] != 1024 || got.Params["height"] != 1024 {
		t.Errorf("request = %+v", got)
	}
}

func TestVoiceJobsOfferTheVoicesWithRachelFirstChoice(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "j", "enter", "enter")
	if got := hs.gen.requests(); !slices.Equal(got, []string{"models:ELEVENLABS/voice", "voices:ELEVENLABS"}) {
		t.Errorf("requests = %q", got)
	}
	if !strings.Contains(hs.plain(), "> Rachel") {
		t.Errorf("Rachel not preselected:\n%s", hs.plain())
	}
	hs.keys("enter", "enter")
	hs.typeText("Hello")
	hs.keys("enter", "enter")
	if len(hs.gen.starts) != 1 || hs.gen.starts[0].Params["voice_id"] != rachelID {
		t.Errorf("starts = %+v", hs.gen.starts)
	}
}

func TestFormValidationBeforeAnythingIsSent(t *testing.T) {
	cases := []struct {
		name   string
		prompt string
		post   string
		want   string
	}{
		{"prompt too long", strings.Repeat("é", api.MaxPromptRunes+1), "", "prompt is 1001 characters, the limit is 1000"},
		{"prompt empty", "", "", "prompt is empty"},
		{"post text too long", "a lighthouse", strings.Repeat("x", api.MaxGeneratedPostRunes+1), "post text is 501 characters, the limit is 500"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, 80, 24, true)
			hs.svc.list = allProviders()
			hs.keys("n", "enter", "enter", "enter", "enter") // OpenAI: model, size, quality
			hs.paste(tc.prompt)
			hs.keys("enter")
			if tc.post != "" {
				hs.paste(tc.post)
				hs.keys("enter")
			}
			hs.keys("enter")
			if v := hs.plain(); !strings.Contains(v, tc.want) {
				t.Errorf("no %q on screen:\n%s", tc.want, v)
			}
			if slices.Contains(hs.gen.requests(), "start") || len(hs.gen.starts) != 0 {
				t.Error("Start was called with an invalid form")
			}
			if !hs.m.CapturesInput() {
				t.Error("the form closed")
			}
		})
	}
}

func TestLiveCountersFollowTheText(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("héllo")
	if !strings.Contains(hs.plain(), "prompt 5/1000 · post text 0/500") {
		t.Errorf("counters:\n%s", hs.plain())
	}
	hs.paste(strings.Repeat("x", 1000))
	if !strings.Contains(hs.plain(), "prompt 1005/1000 · 5 over") {
		t.Errorf("counter past the limit:\n%s", hs.plain())
	}
}

func TestParameterValidationNamesTheField(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "j", "enter", "enter", "enter") // Runware image → parameters
	hs.keys("backspace", "backspace", "backspace", "backspace")
	hs.typeText("99999")
	hs.keys("enter")
	if v := hs.plain(); !strings.Contains(v, "width must be a whole number from 64 to 2048") {
		t.Errorf("no width error:\n%s", v)
	}
}

func TestNoUsableProviderSaysHowToConnectOne(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	msgs := hs.keys("n")
	if hs.m.CapturesInput() {
		t.Fatal("a form opened without a provider")
	}
	if hs.m.screen != viewServices || !strings.Contains(hs.plain(), "No AI provider is connected: select one and press c") {
		t.Errorf("view:\n%s", hs.plain())
	}
	if got := statusText(msgs); !strings.Contains(got, "connect an AI provider") {
		t.Errorf("status = %q", got)
	}
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", false)}
	hs.keys("esc", "n")
	if !strings.Contains(hs.plain(), "No AI provider is turned on") {
		t.Errorf("view:\n%s", hs.plain())
	}
}

func TestEscCancelsTheFormWithoutSending(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n", "enter", "enter", "enter", "enter")
	hs.typeText("draft")
	msgs := hs.keys("esc")
	if hs.m.CapturesInput() || len(hs.gen.starts) != 0 {
		t.Fatal("esc did not close the form, or sent it")
	}
	if got := statusText(msgs); !strings.Contains(got, "nothing was sent") {
		t.Errorf("status = %q", got)
	}
}

func TestTheAPIKeyNeverLeavesTheConnectCall(t *testing.T) {
	const secret = "sk-proj-SENTINEL-9f8e7d6c5b4a"
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	var frames []string
	hs.keys("s", "j", "c")
	frames = append(frames, hs.m.View())
	for _, k := range secret {
		hs.typeText(string(k))
		frames = append(frames, hs.m.View())
	}
	if !strings.Contains(ansi.Strip(hs.m.View()), strings.Repeat("*", len(secret))) {
		t.Errorf("the key is not masked while typed:\n%s", hs.plain())
	}
	dump := fmt.Sprintf("%+v", hs.m)
	hs.keys("enter")
	frames = append(frames, hs.m.View())
	dumpAfter := fmt.Sprintf("%+v", hs.m) + fmt.Sprintf("%#v", hs.m.svcs)

	if len(hs.svc.connects) != 1 {
		t.Fatalf("connects = %d", len(hs.svc.connects))
	}
	c := hs.svc.connects[0]
	if c.provider != api.ProviderRunware || c.key.Reveal() != secret {
		t.Errorf("Connect got %s with a different key", c.provider)
	}
	for i, f := range frames {
		if strings.Contains(f, secret) || strings.Contains(f, "SENTINEL") {
			t.Errorf("frame %d shows the key", i)
		}
	}
	for i, msg := range hs.seen {
		if s := fmt.Sprintf("%+v %#v", msg, msg); strings.Contains(s, "SENTINEL") {
			t.Errorf("message %d (%T) holds the key", i, msg)
		}
	}
	if strings.Contains(dump, "SENTINEL") || strings.Contains(dumpAfter, "SENTINEL") {
		t.Error("the model prints the key")
	}
	if hs.m.keyForm != nil {
		t.Error("the key form is still held after submit")
	}
	if v := hs.plain(); !strings.Contains(v, "sk-p…4a") && !strings.Contains(v, "sk-p…5b4a") {
		t.Errorf("the server's masked key is not shown:\n%s", v)
	}
}

func TestAnEmptyKeyIsRefusedBeforeSending(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.keys("s", "c", "enter")
	if !strings.Contains(hs.plain(), "the key is empty") || len(hs.svc.connects) != 0 {
		t.Errorf("view:\n%s", hs.plain())
	}
}

func TestServiceActions(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = []api.ConnectedService{service(api.ProviderOpenAI, "sk-p…Wxyz", true)}
	hs.keys("s")
	hs.svc.requests()

	msgs := hs.keys("t")
	if got := hs.svc.requests(); !slices.Equal(got, []string{"active:OPENAI=false"}) {
		t.Errorf("toggle: %q", got)
	}
	if !strings.Contains(hs.plain(), "○ off") || !strings.Contains(statusText(msgs), "OpenAI turned off") {
		t.Errorf("toggle not shown:\n%s", hs.plain())
	}

	hs.svc.tests[api.ProviderOpenAI] = &api.ServiceTest{Message: "Invalid API key: the provider rejected it (401)"}
	hs.keys("T")
	if !strings.Contains(hs.plain(), "✕ Invalid API key: the provider rejected it (401)") {
		t.Errorf("test answer not shown:\n%s", hs.plain())
	}

	msgs = hs.keys("d")
	conf, ok := tuitest.Find[views.ConfirmMsg](msgs)
	if !ok || !strings.Contains(conf.Title, "Disconnect OpenAI") {
		t.Fatalf("disconnect is not confirmed first: %+v", msgs)
	}
	if got := hs.svc.requests(); slices.Contains(got, "disconnect:OPENAI") {
		t.Fatal("disconnected before the confirmation")
	}
	hs.settle(conf.Yes)
	if got := hs.svc.requests(); !slices.Equal(got, []string{"disconnect:OPENAI"}) {
		t.Errorf("after yes: %q", got)
	}
	if !strings.Contains(lineWith(hs.plain(), "OpenAI"), "not connected") {
		t.Errorf("still listed as connected:\n%s", hs.plain())
	}

	msgs = hs.keys("t")
	if got := statusText(msgs); !strings.Contains(got, "OpenAI is not connected") {
		t.Errorf("toggle on a disconnected provider: %q", got)
	}
}

func TestBlinkingCursorsAreDropped(t *testing.T) {
	c := cursor.New()
	blink := c.Focus()
	if blink == nil {
		t.Fatal("the cursor did not ask to blink")
	}
	if wrapForm(1, blink) != nil {
		t.Error("a blink timer was let through")
	}
	if wrapForm(1, func() tea.Msg { return cursor.Blink() }) == nil {
		t.Fatal("an ordinary Cmd was dropped")
	}
	if msg := wrapForm(1, func() tea.Msg { return cursor.Blink() })(); msg != nil {
		t.Errorf("a blink message came through: %#v", msg)
	}
	got := wrapForm(7, tea.Batch(func() tea.Msg { return "a" }, blink, func() tea.Msg { return "b" }))()
	batch, ok := got.(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("batch = %#v", got)
	}
	for _, c := range batch {
		if fm, ok := c().(formMsg); !ok || fm.form != 7 {
			t.Errorf("inner message not tagged: %#v", fm)
		}
	}
}

func TestAnotherFormsMessagesAreIgnored(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n")
	before := hs.plain()
	hs.settle(hs.m.Update(formMsg{form: hs.m.form.host.id + 99, msg: tea.KeyPressMsg{Code: tea.KeyEnter}}))
	if hs.plain() != before || hs.m.form.step != stepChoose {
		t.Error("a message of another form moved this one")
	}
}

// lineWith is the first plain line holding s.
func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestTheSecondFormOffersTheProvidersAtOnce: the connected services are
// read for the first form; the next one offers them without a request
// (which may wait behind the read budget), and a list with none usable is
// read again.
func TestTheSecondFormOffersTheProvidersAtOnce(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.keys("n")
	if got := hs.svc.requests(); !slices.Contains(got, "list") {
		t.Fatalf("the first form read no services: %v", got)
	}
	hs.keys("esc", "n")
	if !strings.Contains(hs.plain(), "OpenAI · image") {
		t.Errorf("the second form does not offer the providers:\n%s", hs.plain())
	}
	if got := hs.svc.requests(); slices.Contains(got, "list") {
		t.Errorf("the second form read the services again: %v", got)
	}
}

// TestTheModelsAreReadOncePerProviderAndType: a provider's models are its
// fixed catalog; the second form for the same provider and type shows them
// without reading them again, and a failed read is tried again.
func TestTheModelsAreReadOncePerProviderAndType(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	hs.gen.errs["models"] = errors.New("unavailable")
	hs.keys("n", "enter") // OpenAI has one type: straight to its models
	if got := hs.gen.requests(); !slices.Contains(got, "models:OPENAI/image") {
		t.Fatalf("the first form read no models: %v", got)
	}
	delete(hs.gen.errs, "models")
	hs.keys("esc", "n", "enter")
	if got := hs.gen.requests(); !slices.Contains(got, "models:OPENAI/image") {
		t.Fatalf("after a failed read the models were not read again: %v", got)
	}
	hs.keys("esc", "n", "enter")
	if got := hs.gen.requests(); slices.Contains(got, "models:OPENAI/image") {
		t.Errorf("the models were read a second time: %v", got)
	}
	if v := hs.plain(); !strings.Contains(v, "GPT Image 1") || strings.Contains(v, "Reading the models") {
		t.Errorf("the second form does not show the models:\n%s", v)
	}
}

// TestThePagesAreNamedWithoutACount: every page of the form is named by
// what it asks; none carries a count ("1/2" then "2/2" three times read
// as a count that was not one: how many pages there are depends on the
// provider and type).
func TestThePagesAreNamedWithoutACount(t *testing.T) {
	hs := newHarness(t, 80, 24, true)
	hs.svc.list = allProviders()
	var titles []string
	title := func() string { return lineWith(hs.plain(), "New ") }
	hs.keys("n")
	titles = append(titles, title())
	hs.keys("j", "j", "enter") // ElevenLabs
	titles = append(titles, title())
	hs.keys("enter") // voice
	titles = append(titles, title())
	hs.keys("enter", "enter")
	titles = append(titles, title())
	want := []string{"New generation · provider and type", "New generation · provider and type",
		"New voice on ElevenLabs · model and voice", "New voice on ElevenLabs · prompt and post text"}
	for i, w := range want {
		if titles[i] != w {
			t.Errorf("page %d is titled %q, want %q", i+1, titles[i], w)
		}
		if strings.Contains(titles[i], "/") {
			t.Errorf("page %d carries a count: %q", i+1, titles[i])
		}
	}
}
