package jobs

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// genStep is where the generation form is.
type genStep int

const (
	stepProviders genStep = iota // waiting for the connected services
	stepChoose                   // provider, then type
	stepLoading                  // waiting for the models (and voices)
	stepDetails                  // model, voice, parameters, prompt, post text
)

// genForm is the open generation form: a huh form per step.
type genForm struct {
	step   genStep
	host   *formHost
	token  int // tags the details load of this form
	d      *genDraft
	models []api.ModelInfo
	voices []api.VoiceInfo
	// note says what could not be loaded and what is used instead;
	// problem why the last submit was refused.
	note, problem string
	// first and last are the details step's first field (shift+tab there
	// goes back to the provider step) and its last, the post text, where
	// enter sends the form.
	first, last huh.Field
	// held is set when enter on the last field found every generation
	// slot in use: nothing was sent and the form stays as it was.
	held bool
	// early are the keys pressed while a step was loading, handed to the
	// step once it shows (an enter typed ahead is not lost).
	early []tea.KeyPressMsg
}

// maxEarlyKeys bounds the keys kept while a step loads.
const maxEarlyKeys = 32

// genDraft holds the form's values; huh writes into it through pointers.
type genDraft struct {
	provider string
	genType  string
	types    map[string]*string // the type chosen per provider
	model    string
	voice    string
	params   map[string]*string // by provider/type/name
	prompt   string
	content  string
	// from says where the values came from when the form opens filled
	// in ("from the failed job"), shown beside the form's title; "" for a
	// blank form.
	from string
}

func newDraft() *genDraft {
	return &genDraft{types: map[string]*string{}, params: map[string]*string{}}
}

// typeFor is the type chosen for provider, its first type by default.
func (d *genDraft) typeFor(provider string) *string {
	if v := d.types[provider]; v != nil {
		return v
	}
	v := ""
	if ts := api.ProviderCapabilities[provider]; len(ts) > 0 {
		v = ts[0]
	}
	d.types[provider] = &v
	return &v
}

// param is the value typed for a parameter, its default at first.
func (d *genDraft) param(p param) *string {
	k := d.provider + "/" + d.genType + "/" + p.name
	if v := d.params[k]; v != nil {
		return v
	}
	v := p.def
	d.params[k] = &v
	return &v
}

// voiceJob reports whether the draft needs a voice.
func (d *genDraft) voiceJob() bool {
	return d.provider == api.ProviderElevenLabs && d.genType == api.GenVoice
}

// rachel is the documented default voice.
const rachel = "Rachel"

// rachelID is Rachel's voice_id, used when the voice list cannot be read.
const rachelID = "21m00Tcm4TlvDq8ikWAM"

// request builds the request from the draft and checks it; errors name
// the field.
func (d *genDraft) request() (*api.GenerateRequest, error) {
	req := &api.GenerateRequest{
		Provider: d.provider, GenerationType: d.genType,
		Prompt: strings.TrimSpace(d.prompt), Content: strings.TrimSpace(d.content),
		Model: d.model,
	}
	params := map[string]any{}
	for _, p := range paramsFor(d.provider, d.genType) {
		v, err := p.check(*d.param(p))
		if err != nil {
			return nil, fmt.Errorf("%w: %w", api.ErrValidation, err)
		}
		if v != nil {
			params[p.name] = v
		}
	}
	if d.voiceJob() && strings.TrimSpace(d.voice) != "" {
		params["voice_id"] = strings.TrimSpace(d.voice)
	}
	if len(params) > 0 {
		req.Params = params
	}
	return req, api.ValidateGenerate(req)
}

// openForm opens the generation form, or says why it cannot: generation
// is not available. It opens with every slot in use too: the keys typed
// after n belong to the form (they would otherwise run as the pane's
// commands, q quitting), and the form says the job can be sent once a
// slot frees (slots.go). Only usable providers are offered: the
// connected services are read first, unless a read already found some.
func (m *Model) openForm() tea.Cmd {
	if m.gen == nil {
		return views.Status(views.LevelWarn, "generation is not available in this version")
	}
	d := m.draft
	if j := m.jobUnderCursor(); d == nil && j != nil && j.Status == api.JobFailed {
		// A failed job's prompt is offered again, to change and start.
		d = draftFromJob(j)
	}
	if d == nil {
		d = newDraft()
	}
	m.draft = nil
	m.form = &genForm{step: stepProviders, d: d}
	if usable := m.svcs.usable(); m.svcs.loaded && len(usable) > 0 {
		// The providers read before are offered at once, without a
		// request that may wait behind the read budget: the services
		// screen keeps the list current, and a provider disconnected
		// elsewhere meanwhile is refused by the server with its reason.
		return m.chooseStep(usable)
	}
	return m.listServices(servicesThenForm)
}

// providersReady continues the form once the services are known: the
// provider step, or, when no provider is usable, the services view with
// what to do.
func (m *Model) providersReady(err error) tea.Cmd {
	f := m.form
	if f == nil || f.step != stepProviders {
		return nil
	}
	if err != nil {
		m.form = nil
		return views.Failed("couldn't read your AI providers", err)
	}
	usable := m.svcs.usable()
	if len(usable) == 0 {
		// The services view says how to connect or turn one on.
		m.form = nil
		m.screen = viewServices
		return views.Status(views.LevelWarn, "connect an AI provider to start generating")
	}
	return m.chooseStep(usable)
}

// chooseStep builds the first step: the provider, then (on its own page,
// only for providers with more than one) the type it supports. The pages
// are named without a count (detailsStep says why).
func (m *Model) chooseStep(usable []string) tea.Cmd {
	f := m.form
	d := f.d
	if !slices.Contains(usable, d.provider) {
		d.provider = usable[0]
	}
	opts := make([]huh.Option[string], 0, len(usable))
	for _, p := range usable {
		opts = append(opts, huh.NewOption(views.ProviderName(p)+" · "+typeList(api.ProviderCapabilities[p]), p))
	}
	groups := []*huh.Group{huh.NewGroup(
		huh.NewSelect[string]().Title("Provider").
			Description("Your connected providers that are turned on (" + m.keys.Jobs.Services.Help().Key + " manages them).").
			Options(opts...).Value(&d.provider),
	).Title("New generation · provider and type")}
	for _, p := range usable {
		types := api.ProviderCapabilities[p]
		if len(types) < 2 {
			continue
		}
		topts := make([]huh.Option[string], 0, len(types))
		for _, t := range types {
			topts = append(topts, huh.NewOption(views.GenTypeName(t), t))
		}
		groups = append(groups, huh.NewGroup(
			huh.NewSelect[string]().Title("Type").
				Description("What "+views.ProviderName(p)+" can generate.").
				Options(topts...).Value(d.typeFor(p)),
		).Title("New generation · provider and type").
			WithHideFunc(func() bool { return d.provider != p }))
	}
	var cmd tea.Cmd
	f.host, cmd = m.host(huh.NewForm(groups...))
	f.step = stepChoose
	return tea.Sequence(cmd, f.replayEarly())
}

// replayEarly hands the keys pressed while the step loaded to the step
// that now shows, in order, after its own start-up.
func (f *genForm) replayEarly() tea.Cmd {
	keys := f.early
	f.early = nil
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		cmds = append(cmds, func() tea.Msg { return k })
	}
	return tea.Sequence(cmds...)
}

// draftFromJob is a form filled in from a job, to start it again with
// changes: its provider, type, model, prompt and post text.
func draftFromJob(j *api.GenerationJob) *genDraft {
	d := newDraft()
	d.provider, d.genType, d.model = j.Provider, j.Type, j.Model
	t := j.Type
	d.types[j.Provider] = &t
	d.prompt, d.content = j.Prompt, j.PostContent
	d.from = "from the failed job"
	return d
}

// typeList is a provider's types as words: "image, video".
func typeList(types []string) string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = strings.ToLower(views.GenTypeName(t))
	}
	return strings.Join(out, ", ")
}

// loadDetails reads the models (and the voices for a voice job) of the
// chosen provider and type.
func (m *Model) loadDetails() tea.Cmd {
	f := m.form
	d := f.d
	d.genType = *d.typeFor(d.provider)
	f.step, f.host = stepLoading, nil
	m.formSeq++
	f.token = m.formSeq
	ctx, gen, p, t, voice, token := m.ctx, m.gen, d.provider, d.genType, d.voiceJob(), f.token
	if c, ok := m.catalog[p+"/"+t]; ok && (!voice || c.voices != nil) {
		return m.detailsLoaded(detailsMsg{form: token, models: c.models, voices: c.voices})
	}
	return func() tea.Msg {
		msg := detailsMsg{form: token}
		msg.models, msg.modelsErr = gen.Models(ctx, p, t)
		if voice {
			msg.voices, msg.voicesErr = gen.Voices(ctx, p)
		}
		return msg
	}
}

// detailsLoaded builds the second step once the models arrived. What
// failed to load is replaced by the server's default, and said so.
func (m *Model) detailsLoaded(msg detailsMsg) tea.Cmd {
	f := m.form
	if f == nil || f.step != stepLoading || f.token != msg.form {
		return nil
	}
	f.models, f.voices = msg.models, msg.voices
	m.remember(f.d.provider+"/"+f.d.genType, msg)
	var notes []string
	if msg.modelsErr != nil {
		notes = append(notes, "models couldn't be read ("+views.Describe(msg.modelsErr)+"): the provider's default model is used")
	}
	if msg.voicesErr != nil {
		notes = append(notes, "voices couldn't be read: type a voice ID")
	}
	f.note = strings.Join(notes, "; ")
	return m.detailsStep()
}

// catalogEntry is what was read of one provider and type's catalog;
// voices stays nil until a voice job read them.
type catalogEntry struct {
	models []api.ModelInfo
	voices []api.VoiceInfo
}

// remember keeps what a details read brought for key; a failed read
// keeps nothing, so the next form reads it again.
func (m *Model) remember(key string, msg detailsMsg) {
	if msg.modelsErr != nil {
		return
	}
	if m.catalog == nil {
		m.catalog = map[string]catalogEntry{}
	}
	c := m.catalog[key]
	c.models = msg.models
	if msg.voicesErr == nil && msg.voices != nil {
		c.voices = msg.voices
	}
	m.catalog[key] = c
}

// keep offers d to the next n; from says where its values come from.
func (m *Model) keep(d *genDraft, from string) {
	if d != nil {
		d.from = from
	}
	m.draft = d
}

// worthKeeping reports whether the draft holds anything typed: a
// cancelled form with nothing in it is not offered again.
func (d *genDraft) worthKeeping() bool {
	return strings.TrimSpace(d.prompt) != "" || strings.TrimSpace(d.content) != ""
}

// jobUnderCursor is the job selected in the list showing, live or past.
func (m *Model) jobUnderCursor() *api.GenerationJob {
	if m.screen == viewHistory {
		return m.selectedPast()
	}
	return m.selectedJob()
}
