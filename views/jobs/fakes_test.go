package jobs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// testNow is the fixed start of every test's clock.
func testNow() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

// fakeGen is the generation API: it serves the pending list and history
// pages it holds, records every call ("pending", "history:<cursor>",
// "models:<p>/<t>", "voices:<p>", "start", "retry:<id>") and fails the
// calls named in errs.
type fakeGen struct {
	mu      sync.Mutex
	pending []api.GenerationJob
	pages   map[string]*api.Page[api.GenerationJob]
	models  map[string][]api.ModelInfo
	voices  []api.VoiceInfo
	starts  []api.GenerateRequest
	nextID  int
	errs    map[string]error
	calls   []string
}

func newFakeGen() *fakeGen {
	return &fakeGen{
		pages: map[string]*api.Page[api.GenerationJob]{},
		errs:  map[string]error{},
		models: map[string][]api.ModelInfo{
			"OPENAI/image":            {{ID: "gpt-image-1", Name: "GPT Image 1", IsDefault: true}, {ID: "dall-e-3", Name: "DALL·E 3"}},
			"RUNWARE/image":           {{ID: "runware:100@1", Name: "FLUX.1 schnell"}, {ID: "runware:101@1", Name: "FLUX.1 dev", IsDefault: true}},
			"RUNWARE/video":           {{ID: "klingai:5@3", Name: "Kling 2.1", IsDefault: true}},
			"GOOGLE_GEMINI/image":     {{ID: "gemini-2.5-flash-image", Name: "Gemini 2.5 Flash Image", IsDefault: true}},
			"ELEVENLABS/voice":        {{ID: "eleven_multilingual_v2", Name: "Multilingual v2", IsDefault: true}},
			"ELEVENLABS/sound_effect": {{ID: "eleven_text_to_sound_v2", Name: "Sound effects v2", IsDefault: true}},
			"ELEVENLABS/music":        {{ID: "music_v1", Name: "Music v1", IsDefault: true}},
		},
		voices: []api.VoiceInfo{
			{VoiceID: "EXAVITQu4vr4xnSDxMaL", Name: "Bella", Gender: "female", Accent: "american"},
			{VoiceID: rachelID, Name: "Rachel", Gender: "female", Accent: "american", UseCase: "narration"},
		},
	}
}

func (f *fakeGen) record(call, errKey string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	return f.errs[errKey]
}

func (f *fakeGen) Start(_ context.Context, req *api.GenerateRequest) (*api.JobStart, error) {
	if err := f.record("start", "start"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.starts = append(f.starts, *req)
	f.nextID++
	id := fmt.Sprintf("new%d", f.nextID)
	f.pending = append([]api.GenerationJob{{ID: id, Provider: req.Provider, Type: req.GenerationType, Prompt: req.Prompt,
		Model: req.Model, Status: api.JobPending, CreatedAt: testNow(), UpdatedAt: testNow()}}, f.pending...)
	return &api.JobStart{JobID: id, Status: api.JobPending}, nil
}

func (f *fakeGen) Pending(context.Context) ([]api.GenerationJob, error) {
	if err := f.record("pending", "pending"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]api.GenerationJob(nil), f.pending...), nil
}

func (f *fakeGen) History(_ context.Context, opts *api.ListOptions) (*api.Page[api.GenerationJob], error) {
	if err := f.record("history:"+opts.Cursor, "history"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.pages[opts.Cursor]; ok {
		cp := *p
		cp.Items = append([]api.GenerationJob(nil), p.Items...)
		return &cp, nil
	}
	return &api.Page[api.GenerationJob]{}, nil
}

func (f *fakeGen) Models(_ context.Context, provider, genType string) ([]api.ModelInfo, error) {
	if err := f.record("models:"+provider+"/"+genType, "models"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.models[provider+"/"+genType], nil
}

func (f *fakeGen) Voices(_ context.Context, provider string) ([]api.VoiceInfo, error) {
	if err := f.record("voices:"+provider, "voices"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.voices, nil
}

func (f *fakeGen) Retry(_ context.Context, id string) (*api.JobStart, error) {
	if err := f.record("retry:"+id, "retry"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.pending {
		if f.pending[i].ID == id {
			f.pending[i].Status = api.JobPending
			f.pending[i].RetryCount++
			f.pending[i].ErrorMessage = ""
			return &api.JobStart{JobID: id, Status: api.JobPending, RetryCount: f.pending[i].RetryCount}, nil
		}
	}
	return &api.JobStart{JobID: id, Status: api.JobPending, RetryCount: 1}, nil
}

// setPending replaces the pending list.
func (f *fakeGen) setPending(jobs ...api.GenerationJob) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending = jobs
}

// setHistory replaces the first history page.
func (f *fakeGen) setHistory(jobs ...api.GenerationJob) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pages[""] = &api.Page[api.GenerationJob]{Items: jobs}
}

// requests returns the calls so far and forgets them.
func (f *fakeGen) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.calls
	f.calls = nil
	return out
}

// connectCall is one Connect as the fake saw it.
type connectCall struct {
	provider string
	key      api.Secret
}

// fakeSvc is the connected-services API, recording every call.
type fakeSvc struct {
	mu        sync.Mutex
	list      []api.ConnectedService
	available []string
	connects  []connectCall
	tests     map[string]*api.ServiceTest
	errs      map[string]error
	calls     []string
}

func newFakeSvc(list ...api.ConnectedService) *fakeSvc {
	return &fakeSvc{list: list, available: append([]string(nil), api.Providers...), tests: map[string]*api.ServiceTest{}, errs: map[string]error{}}
}

func (f *fakeSvc) record(call, errKey string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	return f.errs[errKey]
}

func (f *fakeSvc) List(context.Context) ([]api.ConnectedService, []string, error) {
	if err := f.record("list", "list"); err != nil {
		return nil, nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]api.ConnectedService(nil), f.list...), f.available, nil
}

func (f *fakeSvc) Connect(_ context.Context, provider string, key api.Secret) (*api.ConnectedService, error) {
	if err := f.record("connect:"+provider, "connect"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.connects = append(f.connects, connectCall{provider, key})
	k := key.Reveal()
	masked := "****"
	if len(k) >= 12 {
		masked = k[:4] + "…" + k[len(k)-4:]
	}
	c := api.ConnectedService{ID: "svc_" + provider, Provider: provider, APIKey: masked, IsActive: true, CreatedAt: testNow(), UpdatedAt: testNow()}
	return &c, nil
}

func (f *fakeSvc) SetActive(_ context.Context, provider string, active bool) (*api.ConnectedService, error) {
	if err := f.record(fmt.Sprintf("active:%s=%v", provider, active), "active"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.list {
		if f.list[i].Provider == provider {
			f.list[i].IsActive = active
			c := f.list[i]
			return &c, nil
		}
	}
	return nil, api.ErrNotFound
}

func (f *fakeSvc) Disconnect(_ context.Context, provider string) error {
	return f.record("disconnect:"+provider, "disconnect")
}

func (f *fakeSvc) Test(_ context.Context, provider string) (*api.ServiceTest, error) {
	if err := f.record("test:"+provider, "test"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if t := f.tests[provider]; t != nil {
		return t, nil
	}
	return &api.ServiceTest{Success: true, Message: "API key is valid"}, nil
}

func (f *fakeSvc) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.calls
	f.calls = nil
	return out
}

// The fakes satisfy the pane's interfaces.
var (
	_ Generator = (*fakeGen)(nil)
	_ Services  = (*fakeSvc)(nil)
)

// service is a connected provider as the server shows it.
func service(provider, masked string, active bool) api.ConnectedService {
	return api.ConnectedService{ID: "svc_" + provider, Provider: provider, APIKey: masked, IsActive: active,
		CreatedAt: testNow().Add(-72 * time.Hour), UpdatedAt: testNow().Add(-72 * time.Hour)}
}

// job is a fixture job created age ago, last updated upd after creation.
func job(id, provider, typ, status string, age time.Duration, prompt string) api.GenerationJob {
	created := testNow().Add(-age)
	return api.GenerationJob{ID: id, Provider: provider, Type: typ, Prompt: prompt, Status: status,
		CreatedAt: created, UpdatedAt: created.Add(age / 2)}
}

// failed is a failed fixture job with retries used.
func failed(id, provider, typ string, age time.Duration, prompt, why string, retries int) api.GenerationJob {
	j := job(id, provider, typ, api.JobFailed, age, prompt)
	j.ErrorMessage, j.RetryCount = why, retries
	return j
}

// completed is a completed fixture job with its post.
func completed(id, provider, typ string, age time.Duration, prompt, postID string) api.GenerationJob {
	j := job(id, provider, typ, api.JobCompleted, age, prompt)
	done := j.CreatedAt.Add(35 * time.Second)
	j.CompletedAt, j.UpdatedAt, j.PostID = &done, done, postID
	j.PostContent = "Fresh from the studio #AIArt"
	return j
}

// scheduled is a tick the pane asked for.
type scheduled struct {
	d   time.Duration
	msg tea.Msg
}

// harness is a pane with fakes behind it, a clock it controls, and the
// ticks the pane scheduled held for the test to fire.
type harness struct {
	t     testing.TB
	m     *Model
	gen   *fakeGen
	svc   *fakeSvc
	now   time.Time
	ticks []scheduled
	seen  []tea.Msg // every message the pane's Cmds produced
}

func newHarness(t testing.TB, w, h int, focused bool, pending ...api.GenerationJob) *harness {
	t.Helper()
	hs := &harness{t: t, gen: newFakeGen(), svc: newFakeSvc(), now: testNow()}
	hs.gen.setPending(pending...)
	hs.m = New(Options{
		Context: t.Context(), Generate: hs.gen, Services: hs.svc,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return hs.now },
	})
	hs.m.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		hs.ticks = append(hs.ticks, scheduled{d, msg})
		return nil
	}
	hs.m.SetSize(w, h)
	hs.m.SetFocused(focused)
	hs.poll()
	hs.gen.requests()
	return hs
}

// poll runs one Refresh to the end, as the root's scheduler would.
func (hs *harness) poll() []tea.Msg { return hs.settle(hs.m.Refresh(hs.t.Context())) }

// settle runs cmd and feeds every message back to the pane until nothing
// is left; it returns every message seen and keeps them in hs.seen.
func (hs *harness) settle(cmd tea.Cmd) []tea.Msg { return hs.record(tuitest.Settle(hs.m.Update, cmd)) }

// keys presses each key and settles what it returns.
func (hs *harness) keys(keys ...string) []tea.Msg {
	return hs.record(tuitest.Keys(hs.m.Update, keys...))
}

// typeText types text into the pane, one key per rune.
func (hs *harness) typeText(text string) { hs.record(tuitest.TypeText(hs.m.Update, text)) }

// record adds msgs to every message seen and returns them.
func (hs *harness) record(msgs []tea.Msg) []tea.Msg {
	hs.seen = append(hs.seen, msgs...)
	return msgs
}

// paste pastes text into the pane.
func (hs *harness) paste(text string) { hs.settle(hs.m.Update(tea.PasteMsg{Content: text})) }

// fire delivers the ticks scheduled so far (advancing the clock by the
// longest) and returns how many there were.
func (hs *harness) fire() int {
	ticks := hs.ticks
	hs.ticks = nil
	var longest time.Duration
	for _, tk := range ticks {
		longest = max(longest, tk.d)
	}
	hs.now = hs.now.Add(longest)
	for _, tk := range ticks {
		hs.settle(hs.m.Update(tk.msg))
	}
	return len(ticks)
}

// spinTicks counts the spinner ticks waiting to fire.
func (hs *harness) spinTicks() int {
	n := 0
	for _, tk := range hs.ticks {
		if _, ok := tk.msg.(spinMsg); ok {
			n++
		}
	}
	return n
}

// plain is the pane's view without styling.
func (hs *harness) plain() string { return ansi.Strip(hs.m.View()) }

// statusText is the text of the status messages among msgs.
func statusText(msgs []tea.Msg) string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			t := s.Text
			if s.Err != nil {
				t += ": " + views.Describe(s.Err)
			}
			out = append(out, t)
		}
	}
	return strings.Join(out, " | ")
}
