package me

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// The pane's huh forms: the profile (name, bio, type, website), the
// capabilities and the webhook's URL. Each is checked before sending; a
// refusal, local or the server's, rebuilds the form with the values kept
// and the reason beside the field (views.HostedForm): the checks run on
// submit rather than as huh validators, whose message would show apart
// from the field. esc closes a form with nothing sent.

// formKind says which form is open.
type formKind int

const (
	formProfile formKind = iota
	formCaps
	formWebhook
)

// paneForm is the open form and its values; huh writes into them.
type paneForm struct {
	views.HostedForm
	kind formKind

	name, bio, agentType, website         string
	skills, apis, responseTime, languages string
	url                                   string
}

// formMsg is one of the open form's own messages.
type formMsg struct {
	seq int
	msg tea.Msg
}

// savedMsg answers a form's request.
type savedMsg struct {
	seq  int
	me   *api.Agent
	caps *api.Capabilities
	hook *api.Webhook
	err  error
}

// The profile form's limits: the spec names none, so they only keep a
// paste from filling the form; the server judges the rest.
const (
	maxNameRunes = 100
	maxBioRunes  = 2000
)

// fieldsOf are each form's fields in order, as api.FieldError names them.
var fieldsOf = map[formKind][]string{
	formProfile: {"name", "bio", "agentType", "websiteUrl"},
	formCaps:    {"skills", "apis", "responseTime", "languages"},
	formWebhook: {"webhookUrl"},
}

// openProfileForm opens the profile form with the profile's values.
func (m *Model) openProfileForm() tea.Cmd {
	if m.me == nil {
		return views.Status(views.LevelInfo, "your profile is not read yet")
	}
	a := m.me
	m.form = &paneForm{kind: formProfile, name: a.Name, bio: a.Bio, agentType: a.AgentType, website: a.WebsiteURL}
	return m.buildForm()
}

// openCapsForm opens the capabilities form, lists comma separated.
func (m *Model) openCapsForm() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	f := &paneForm{kind: formCaps}
	if c := m.caps; c != nil {
		f.skills, f.apis, f.responseTime, f.languages = join(c.Skills), join(c.APIs), c.ResponseTime, join(c.Languages)
	}
	m.form = f
	return m.buildForm()
}

// openWebhookForm opens the webhook form with the URL set now.
func (m *Model) openWebhookForm() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	f := &paneForm{kind: formWebhook}
	if m.webhook != nil {
		f.url = m.webhook.URL
	}
	m.form = f
	return m.buildForm()
}

// buildForm (re)builds the open form's huh form from its values.
func (m *Model) buildForm() tea.Cmd {
	f := m.form
	var group *huh.Group
	switch f.kind {
	case formProfile:
		types := make([]huh.Option[string], 0, len(api.AgentTypes)+1)
		for _, t := range api.AgentTypes {
			types = append(types, huh.NewOption(strings.ToLower(t), t))
		}
		if f.agentType == "" {
			f.agentType = api.AgentTypeOther
		}
		group = huh.NewGroup(
			huh.NewInput().Title(f.Label("Name", "name")).CharLimit(maxNameRunes).Value(&f.name),
			huh.NewText().Title(f.Label("Bio (markdown)", "bio")).CharLimit(maxBioRunes).Lines(4).Value(&f.bio),
			huh.NewSelect[string]().Title(f.Label("Type", "agentType")).Options(types...).Value(&f.agentType),
			huh.NewInput().Title(f.Label("Website (https, optional)", "websiteUrl")).Value(&f.website),
		).Title(f.Head("Edit your profile"))
	case formCaps:
		group = huh.NewGroup(
			huh.NewInput().Title(f.Label("Skills (comma separated)", "skills")).Value(&f.skills),
			huh.NewInput().Title(f.Label("APIs (comma separated)", "apis")).Value(&f.apis),
			huh.NewInput().Title(f.Label("Response time (e.g. < 1 hour)", "responseTime")).CharLimit(api.MaxCapabilityRunes).Value(&f.responseTime),
			huh.NewInput().Title(f.Label("Languages (comma separated)", "languages")).Value(&f.languages),
		).Title(f.Head("Your capabilities"))
	case formWebhook:
		group = huh.NewGroup(
			huh.NewInput().Title(f.Label("Webhook URL (https only)", "webhookUrl")).Value(&f.url),
		).Title(f.Head("Your webhook")).Description("Events are POSTed here, signed with a secret shown once.")
	}
	m.formSeq++
	return f.Start(huh.NewForm(group), m.formSeq, m.styles, m.width, m.height-3, fieldsOf[f.kind], m.wrapForm)
}

// wrapForm addresses a Cmd's message to the form open now.
func (m *Model) wrapForm(cmd tea.Cmd) tea.Cmd {
	seq := m.formSeq
	return views.WrapForm(cmd, func(msg tea.Msg) tea.Msg { return formMsg{seq: seq, msg: msg} })
}

// formKey hands a key to the form; esc closes it, nothing sent.
func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Jobs.Cancel) {
		m.form = nil
		return views.Status(views.LevelInfo, "cancelled: nothing was sent")
	}
	return m.formUpdate(m.form.Seq, msg)
}

// formUpdate hands msg to the form seq and sends it once complete.
func (m *Model) formUpdate(seq int, msg tea.Msg) tea.Cmd {
	f := m.form
	if f == nil || f.Seq != seq {
		return nil
	}
	cmd, done := f.Update(msg, m.wrapForm)
	if !done {
		return cmd
	}
	return tea.Batch(cmd, m.submit())
}

// submit checks the open form and sends it.
func (m *Model) submit() tea.Cmd {
	f := m.form
	ctx, seq := api.Background(m.ctx), f.Seq
	var run func() savedMsg
	switch f.kind {
	case formProfile:
		if err := required(f.name); err != nil {
			return m.refuse(&api.FieldError{Field: "name", Message: err.Error()})
		}
		if err := httpsOrEmpty(f.website); err != nil {
			return m.refuse(&api.FieldError{Field: "websiteUrl", Message: err.Error()})
		}
		name, bio, typ, site := strings.TrimSpace(f.name), strings.TrimSpace(f.bio), f.agentType, strings.TrimSpace(f.website)
		upd := &api.ProfileUpdate{Name: &name, Bio: &bio, AgentType: &typ, WebsiteURL: &site}
		agents := m.agents
		run = func() savedMsg { a, err := agents.UpdateMe(ctx, upd); return savedMsg{seq: seq, me: a, err: err} }
	case formCaps:
		skills, apis, langs, rt := split(f.skills), split(f.apis), split(f.languages), strings.TrimSpace(f.responseTime)
		upd := &api.CapabilitiesUpdate{Skills: &skills, APIs: &apis, Languages: &langs, ResponseTime: &rt}
		settings := m.settings
		run = func() savedMsg {
			c, err := settings.UpdateCapabilities(ctx, upd)
			return savedMsg{seq: seq, caps: c, err: err}
		}
	case formWebhook:
		if err := httpsURL(f.url); err != nil {
			return m.refuse(&api.FieldError{Field: "webhookUrl", Message: err.Error()})
		}
		upd := &api.WebhookUpdate{URL: strings.TrimSpace(f.url)}
		settings := m.settings
		run = func() savedMsg { h, err := settings.SetWebhook(ctx, upd); return savedMsg{seq: seq, hook: h, err: err} }
	}
	f.Busy, f.Field, f.Problem = true, "", ""
	return func() tea.Msg { return run() }
}

// refuse shows why the form was refused, beside its field.
func (m *Model) refuse(err error) tea.Cmd {
	m.form.Refuse(err)
	return m.buildForm()
}

// saved applies a form's answer: the form closes, or shows the refusal.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	f := m.form
	if f == nil || f.Seq != msg.seq {
		return nil
	}
	if msg.err != nil {
		return m.refuse(msg.err)
	}
	m.form = nil
	switch {
	case msg.me != nil:
		m.setMe(msg.me)
		return tea.Batch(views.Status(views.LevelInfo, "profile saved"), m.drawAvatar())
	case msg.caps != nil:
		m.caps = msg.caps
		m.cache.Clear()
		return views.Status(views.LevelInfo, "capabilities saved")
	case msg.hook != nil:
		return m.toSettings(m.setHook(msg.hook, "webhook saved"))
	}
	return nil
}

// required refuses an empty value.
func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("required")
	}
	return nil
}

// httpsURL accepts an https:// address only: the webhook's secret and
// events must not travel in clear.
func httpsURL(s string) error {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToLower(s), "https://") || len(s) <= len("https://") {
		return errors.New("an https:// address only")
	}
	return nil
}

// httpsOrEmpty accepts "" or an https:// address.
func httpsOrEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return httpsURL(s)
}

// join shows a list in a field, comma separated.
func join(l []string) string { return strings.Join(l, ", ") }

// split reads a comma separated field, dropping empty entries.
func split(s string) []string {
	out := []string{}
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
