package me

import (
	"fmt"
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
// from the field. The limits are counted as the operator types
// (limits.go). esc closes a form with nothing sent and keeps what was
// typed for the session (drafts.go).

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
	formValues
	// orig is what the form opened with, the saved values: a form that
	// still holds them has nothing to keep when closed.
	orig formValues
	// last is the field on which enter sends the form.
	last huh.Field
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
	// dropped counts the repeated capabilities left out (split).
	dropped int
}

// fieldsOf are each form's fields in order, as api.FieldError names them.
var fieldsOf = map[formKind][]string{
	formProfile: {"name", "bio", "agentType", "websiteUrl"},
	formCaps:    {"skills", "apis", "responseTime", "languages"},
	formWebhook: {"webhookUrl"},
}

// openProfileForm opens the profile form with the profile's values, or
// with what was typed there before esc.
func (m *Model) openProfileForm() tea.Cmd {
	if m.me == nil {
		return views.Status(views.LevelInfo, "your profile is not read yet")
	}
	return m.openForm(formProfile)
}

// openCapsForm opens the capabilities form, lists comma separated.
func (m *Model) openCapsForm() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	return m.openForm(formCaps)
}

// openWebhookForm opens the webhook form with the URL set now.
func (m *Model) openWebhookForm() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	return m.openForm(formWebhook)
}

// buildForm (re)builds the open form's huh form from its values. Each
// field is keyed by its name in api.FieldError, so the focus can be
// found and put back (drafts.go). No field has a CharLimit: what is
// typed past a limit is counted, not cut (limits.go).
func (m *Model) buildForm() tea.Cmd {
	f := m.form
	var fields []huh.Field
	var title, desc string
	switch f.kind {
	case formProfile:
		types := make([]huh.Option[string], 0, len(api.AgentTypes)+1)
		for _, t := range api.AgentTypes {
			types = append(types, huh.NewOption(strings.ToLower(t), t))
		}
		fields = []huh.Field{
			huh.NewInput().Key("name").Title(f.Label("Name", "name")).Value(&f.name),
			huh.NewText().Key("bio").Title(f.Label("Bio (markdown)", "bio")).Lines(4).Value(&f.bio),
			huh.NewSelect[string]().Key("agentType").Title(f.Label("Type", "agentType")).Options(types...).Value(&f.agentType),
			huh.NewInput().Key("websiteUrl").Title(f.Label("Website (https, optional)", "websiteUrl")).Value(&f.website),
		}
		title = "Edit your profile"
	case formCaps:
		// Response time is free text: the API documents a string, with
		// "fast" as its example, and no list of values to choose from.
		fields = []huh.Field{
			huh.NewInput().Key("skills").Title(f.Label("Skills (comma separated)", "skills")).Value(&f.skills),
			huh.NewInput().Key("apis").Title(f.Label("APIs (comma separated)", "apis")).Value(&f.apis),
			huh.NewInput().Key("responseTime").Title(f.Label("Response time (e.g. fast)", "responseTime")).Value(&f.responseTime),
			huh.NewInput().Key("languages").Title(f.Label("Languages (comma separated)", "languages")).Value(&f.languages),
		}
		title = "Your capabilities"
	case formWebhook:
		fields = []huh.Field{huh.NewInput().Key("webhookUrl").Title(f.Label("Webhook URL (https only)", "webhookUrl")).Value(&f.url)}
		title, desc = "Your webhook", "Events are POSTed here, signed with a secret shown once."
	}
	f.last = fields[len(fields)-1]
	group := huh.NewGroup(fields...).Title(f.Head(title)).Description(desc)
	m.formSeq++
	return f.Start(huh.NewForm(group), m.formSeq, m.styles, m.width, m.formHeight(), fieldsOf[f.kind], m.wrapForm)
}

// wrapForm addresses a Cmd's message to the form open now.
func (m *Model) wrapForm(cmd tea.Cmd) tea.Cmd {
	seq := m.formSeq
	return views.WrapForm(cmd, func(msg tea.Msg) tea.Msg { return formMsg{seq: seq, msg: msg} })
}

// formKey hands a key to the form; esc closes it, nothing sent and what
// was typed kept, ctrl+r puts back the saved values (drafts.go).
func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Jobs.Cancel):
		return m.closeForm()
	case key.Matches(msg, m.keys.Profile.Revert):
		return m.revertForm()
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
		// In the form's order, so the focus lands on the first field
		// refused.
		if err := required(f.name); err != nil {
			return m.refuse(&api.FieldError{Field: "name", Message: err.Error()})
		}
		if err := overLimit(f); err != nil {
			return m.refuse(err)
		}
		if err := httpsOrEmpty(f.website); err != nil {
			return m.refuse(&api.FieldError{Field: "websiteUrl", Message: err.Error()})
		}
		name, bio, typ, site := strings.TrimSpace(f.name), strings.TrimSpace(f.bio), f.agentType, strings.TrimSpace(f.website)
		upd := &api.ProfileUpdate{Name: &name, Bio: &bio, AgentType: &typ, WebsiteURL: &site}
		agents := m.agents
		run = func() savedMsg { a, err := agents.UpdateMe(ctx, upd); return savedMsg{seq: seq, me: a, err: err} }
	case formCaps:
		if err := overLimit(f); err != nil {
			return m.refuse(err)
		}
		skills, d1 := split(f.skills)
		apis, d2 := split(f.apis)
		langs, d3 := split(f.languages)
		rt := strings.TrimSpace(f.responseTime)
		upd := &api.CapabilitiesUpdate{Skills: &skills, APIs: &apis, Languages: &langs, ResponseTime: &rt}
		settings, dropped := m.settings, d1+d2+d3
		run = func() savedMsg {
			c, err := settings.UpdateCapabilities(ctx, upd)
			return savedMsg{seq: seq, caps: c, err: err, dropped: dropped}
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
	delete(m.drafts, f.kind) // sent: nothing left to bring back
	switch {
	case msg.me != nil:
		m.setMe(msg.me)
		return tea.Batch(views.Status(views.LevelInfo, "profile saved"), m.drawAvatar())
	case msg.caps != nil:
		m.caps = msg.caps
		m.cache.Clear()
		if msg.dropped > 0 {
			return views.Status(views.LevelInfo, fmt.Sprintf("capabilities saved · %d %s left out", msg.dropped, views.Plural(msg.dropped, "repeat")))
		}
		return views.Status(views.LevelInfo, "capabilities saved")
	case msg.hook != nil:
		return m.toSettings(m.setHook(msg.hook, "webhook saved"))
	}
	return nil
}
