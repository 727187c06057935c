package jobs

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// detailsStep builds the second step: the model (default preselected and
// marked) and the voice on one page, the provider's parameters with their
// documented defaults on the next, the prompt and the post text last.
// Every field checks itself (huh's Validate) before the form moves on,
// and only then (genForm.forward): going back never waits for a field.
// Each page is named, without a count: how many pages there are depends
// on the provider and type, which the first step chooses.
func (m *Model) detailsStep() tea.Cmd {
	f := m.form
	d := f.d
	title := "New " + strings.ToLower(views.GenTypeName(d.genType)) + " on " + views.ProviderName(d.provider) + " · "
	var groups []*huh.Group
	var first []huh.Field
	page := "model"
	if len(f.models) > 0 {
		first = append(first, m.modelField(f))
	}
	if d.voiceJob() {
		first = append(first, m.voiceField(f))
		page = "model and voice"
		if len(f.models) == 0 {
			page = "voice"
		}
	}
	if len(first) > 0 {
		groups = append(groups, huh.NewGroup(first...).Title(title+page))
	} else {
		d.model = ""
	}
	if ps := paramsFor(d.provider, d.genType); len(ps) > 0 {
		fields := make([]huh.Field, 0, len(ps))
		for _, p := range ps {
			fields = append(fields, f.paramField(p, d.param(p)))
		}
		groups = append(groups, huh.NewGroup(fields...).Title(title+"parameters"))
	}
	prompt := huh.NewText().Title("Prompt").
		Description(fmt.Sprintf("What to generate, up to %d characters.", api.MaxPromptRunes)).
		Lines(3).ExternalEditor(false).CharLimit(4 * api.MaxPromptRunes).
		Value(&d.prompt).Validate(f.forward(checkPrompt))
	post := huh.NewText().Title("Post text").
		Description(fmt.Sprintf("Optional, up to %d characters: the post made with the result says this (empty: the prompt).", api.MaxGeneratedPostRunes)).
		Lines(2).ExternalEditor(false).CharLimit(4 * api.MaxGeneratedPostRunes).
		Value(&d.content).Validate(f.forward(checkPostText))
	groups = append(groups, huh.NewGroup(prompt, post).Title(title+"prompt and post text"))
	var cmd tea.Cmd
	f.host, cmd = m.host(huh.NewForm(groups...))
	f.host.gate = m.sendGate(f)
	// The form starts on its first field.
	f.first, f.last = f.host.form.GetFocusedField(), post
	f.step = stepDetails
	return tea.Sequence(cmd, f.replayEarly())
}

// modelField offers the provider's models; the default is preselected
// and marked.
func (m *Model) modelField(f *genForm) huh.Field {
	d := f.d
	known := false
	def := ""
	opts := make([]huh.Option[string], 0, len(f.models))
	for _, mi := range f.models {
		label := mi.Name
		if label == "" {
			label = mi.ID
		} else if mi.Name != mi.ID {
			label += " (" + mi.ID + ")"
		}
		if mi.IsDefault {
			label += " · default"
			def = mi.ID
		}
		known = known || mi.ID == d.model
		opts = append(opts, huh.NewOption(label, mi.ID))
	}
	if !known {
		d.model = def
		if def == "" {
			d.model = f.models[0].ID
		}
	}
	return huh.NewSelect[string]().Title("Model").Options(opts...).
		Height(min(len(opts), 4) + 2).Value(&d.model)
}

// voiceField offers the provider's voices (Rachel by default), or an input
// for a voice ID when they could not be read.
func (m *Model) voiceField(f *genForm) huh.Field {
	d := f.d
	if len(f.voices) == 0 {
		if d.voice == "" {
			d.voice = rachelID
		}
		return huh.NewInput().Title("Voice ID").Description("Rachel's is the default.").Value(&d.voice).
			Validate(f.forward(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return fmt.Errorf("voice ID is empty")
				}
				return nil
			}))
	}
	known := false
	opts := make([]huh.Option[string], 0, len(f.voices))
	for _, v := range f.voices {
		label := v.Name
		if about := voiceAbout(v); about != "" {
			label += " · " + about
		}
		if v.Name == rachel {
			label += " · default"
		}
		known = known || v.VoiceID == d.voice
		opts = append(opts, huh.NewOption(label, v.VoiceID))
	}
	if !known {
		d.voice = f.voices[0].VoiceID
		for _, v := range f.voices {
			if v.Name == rachel {
				d.voice = v.VoiceID
			}
		}
	}
	return huh.NewSelect[string]().Title("Voice").Options(opts...).
		Height(min(len(opts), 4) + 2).Value(&d.voice)
}

// voiceAbout describes a voice: "female, american, narration".
func voiceAbout(v api.VoiceInfo) string {
	var parts []string
	for _, s := range []string{v.Gender, v.Accent, v.UseCase} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// paramField is the field of one parameter: an inline choice, or an input
// checked against the parameter's range.
func (f *genForm) paramField(p param, v *string) huh.Field {
	if p.kind == paramChoice {
		opts := make([]huh.Option[string], 0, len(p.choices))
		for _, c := range p.choices {
			label := c
			if c == p.def {
				label += " (default)"
			}
			opts = append(opts, huh.NewOption(label, c))
		}
		return huh.NewSelect[string]().Title(p.label).Description(p.help).
			Options(opts...).Inline(true).Value(v)
	}
	in := huh.NewInput().Title(p.label).Description(p.help).Value(v).
		Validate(f.forward(func(s string) error {
			_, err := p.check(s)
			return err
		}))
	if p.optional() {
		in.Placeholder("empty: the server decides")
	}
	return in
}

// submitGeneration checks the finished form as a whole and starts the
// generation; a refusal, or every slot in use (which the send gate
// normally catches first), reopens the step with the reason and
// everything typed.
func (m *Model) submitGeneration() tea.Cmd {
	f := m.form
	req, err := f.d.request()
	if err != nil {
		f.problem = problemText(err)
		return m.detailsStep()
	}
	if m.slotsFull() {
		f.problem, f.held = "", true
		return m.detailsStep()
	}
	m.form = nil
	return m.start(req, f.d)
}

// start sends the request. The draft comes back with the answer, to be
// offered again if the server refuses. "starting…" is shown before the
// request is made, in sequence: a request that fails at once (nothing
// sent) must not have its failure covered by it.
func (m *Model) start(req *api.GenerateRequest, d *genDraft) tea.Cmd {
	ctx, gen, r := m.ctx, m.gen, *req
	return tea.Sequence(
		views.Status(views.LevelInfo, "starting the "+strings.ToLower(views.GenTypeName(r.GenerationType))+" on "+views.ProviderName(r.Provider)+"…"),
		func() tea.Msg {
			s, err := gen.Start(ctx, &r)
			return startedMsg{req: r, start: s, err: err, draft: d}
		})
}
