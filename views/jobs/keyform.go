package jobs

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"imagine/api"
	"imagine/views"
)

// maxKeyRunes bounds a pasted API key; real keys are far shorter.
const maxKeyRunes = 512

// keyForm is the open "connect a provider" form. The key typed into it
// is held as an api.Secret (which never prints) by secretField, handed to
// the Connect Cmd on submit and dropped with the form.
type keyForm struct {
	host     *formHost
	provider string
	replace  bool
	field    *secretField
}

// secretField is huh's accessor for the key input: the value lives as an
// api.Secret, so printing the form or the model never shows it.
type secretField struct{ v api.Secret }

// Get implements huh.Accessor.
func (s *secretField) Get() string { return s.v.Reveal() }

// Set implements huh.Accessor.
func (s *secretField) Set(v string) { s.v = api.Secret(v) }

// take returns the key and forgets it.
func (s *secretField) take() api.Secret {
	v := s.v
	s.v = ""
	return v
}

// checkKey refuses an empty or damaged key. Its messages never quote the
// key.
func checkKey(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New("the key is empty: paste the provider's API key")
	case strings.ContainsFunc(s, unicode.IsSpace):
		return errors.New("the key holds a space or a line break: paste it again")
	case utf8.RuneCountInString(s) > maxKeyRunes:
		return errors.New("the key is longer than any provider's: paste it again")
	}
	return nil
}

// openKeyForm opens the key form for the selected provider.
func (m *Model) openKeyForm() tea.Cmd {
	if m.svc == nil {
		return views.Status(views.LevelWarn, "connected services are not available in this version")
	}
	p := m.svcs.selected()
	if p == "" {
		return nil
	}
	if b := m.svcs.busy[p]; b != "" {
		return views.Status(views.LevelInfo, views.ProviderName(p)+": "+b+" in progress")
	}
	kf := &keyForm{provider: p, replace: m.svcs.find(p) != nil, field: &secretField{}}
	title := "Connect " + views.ProviderName(p)
	if kf.replace {
		title = "Replace the " + views.ProviderName(p) + " key"
	}
	input := huh.NewInput().Title("API key").
		Description("Sent once to ImagineAnything, which stores it encrypted; only its masked form is ever shown again.").
		EchoMode(huh.EchoModePassword).CharLimit(maxKeyRunes).
		Accessor(kf.field).Validate(checkKey)
	var cmd tea.Cmd
	kf.host, cmd = m.host(huh.NewForm(huh.NewGroup(input).Title(title)))
	m.keyForm = kf
	return cmd
}

// keySubmitted sends the key once the form is submitted. The field is
// cleared and the form dropped first: from here the key lives only inside
// the Cmd, as an api.Secret.
func (m *Model) keySubmitted() tea.Cmd {
	kf := m.keyForm
	if kf == nil || !kf.host.done() {
		return nil
	}
	key := kf.field.take()
	m.keyForm = nil
	p := kf.provider
	m.svcs.busy[p] = actConnect
	ctx, svc := m.ctx, m.svc
	return func() tea.Msg {
		got, err := svc.Connect(ctx, p, key)
		return serviceMsg{action: actConnect, provider: p, svc: got, err: err}
	}
}
