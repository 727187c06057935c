package jobs

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Actions on a connected service, as serviceMsg names them.
const (
	actConnect    = "connect"
	actToggle     = "toggle"
	actTest       = "test"
	actDisconnect = "disconnect"
)

// services is the connected-services view.
type services struct {
	list      []api.ConnectedService
	available []string
	loaded    bool
	loading   bool
	err       error
	// busy names the action in flight per provider.
	busy map[string]string
	// tests holds the provider's answer to the last key test.
	tests  map[string]*api.ServiceTest
	cursor int
}

func newServices() services {
	return services{busy: map[string]string{}, tests: map[string]*api.ServiceTest{}}
}

// providers are the rows of the view: every provider that can be
// connected, then any connected one the server did not list.
func (s *services) providers() []string {
	out := slices.Clone(s.available)
	if len(out) == 0 {
		out = slices.Clone(api.Providers)
	}
	for _, c := range s.list {
		if !slices.Contains(out, c.Provider) {
			out = append(out, c.Provider)
		}
	}
	return out
}

// find is the connected service of provider, or nil.
func (s *services) find(provider string) *api.ConnectedService {
	for i := range s.list {
		if s.list[i].Provider == provider {
			return &s.list[i]
		}
	}
	return nil
}

// put replaces (or adds) a connected service.
func (s *services) put(c api.ConnectedService) {
	if old := s.find(c.Provider); old != nil {
		*old = c
		return
	}
	s.list = append(s.list, c)
}

// usable are the providers that are connected and on, in row order.
func (s *services) usable() []string {
	var out []string
	for _, p := range s.providers() {
		if c := s.find(p); c != nil && c.IsActive {
			out = append(out, p)
		}
	}
	return out
}

// selected is the provider under the cursor.
func (s *services) selected() string {
	ps := s.providers()
	if len(ps) == 0 {
		return ""
	}
	return ps[min(max(s.cursor, 0), len(ps)-1)]
}

// openServices switches to the services view and reads the list.
func (m *Model) openServices() tea.Cmd {
	m.screen = viewServices
	return m.listServices(servicesJustList)
}

// listServices reads the connected services; then says what follows.
func (m *Model) listServices(then afterServices) tea.Cmd {
	if m.svc == nil {
		if then == servicesThenForm {
			m.form = nil
			return views.Status(views.LevelWarn, "connected services are not available in this version")
		}
		return nil
	}
	m.svcs.loading = true
	ctx, svc := m.ctx, m.svc
	return func() tea.Msg {
		msg := servicesMsg{then: then}
		msg.services, msg.available, msg.err = svc.List(ctx)
		return msg
	}
}

// listed applies a services list.
func (m *Model) listed(msg servicesMsg) {
	s := &m.svcs
	s.loading, s.err = false, msg.err
	if msg.err != nil {
		return
	}
	s.list, s.loaded = msg.services, true
	if len(msg.available) > 0 {
		s.available = msg.available
	}
	s.cursor = min(s.cursor, max(len(s.providers())-1, 0))
}

// servicesLoaded applies a list asked for by the pane and does what it
// was for.
func (m *Model) servicesLoaded(msg servicesMsg) tea.Cmd {
	m.listed(msg)
	if msg.then == servicesThenForm {
		return m.providersReady(msg.err)
	}
	return nil
}

// toggle turns the selected provider on or off.
func (m *Model) toggle() tea.Cmd {
	p, c, refuse := m.serviceAction("turn on or off")
	if refuse != nil {
		return refuse
	}
	want := !c.IsActive
	m.svcs.busy[p] = actToggle
	ctx, svc := m.ctx, m.svc
	return func() tea.Msg {
		got, err := svc.SetActive(ctx, p, want)
		return serviceMsg{action: actToggle, provider: p, svc: got, err: err}
	}
}

// test asks the provider whether the stored key of the selected one
// works.
func (m *Model) test() tea.Cmd {
	p, _, refuse := m.serviceAction("test")
	if refuse != nil {
		return refuse
	}
	m.svcs.busy[p] = actTest
	delete(m.svcs.tests, p)
	ctx, svc := m.ctx, m.svc
	return func() tea.Msg {
		res, err := svc.Test(ctx, p)
		return serviceMsg{action: actTest, provider: p, test: res, err: err}
	}
}

// disconnect asks for a confirmation, then deletes the stored key.
func (m *Model) disconnect() tea.Cmd {
	p, _, refuse := m.serviceAction("disconnect")
	if refuse != nil {
		return refuse
	}
	ctx, svc := m.ctx, m.svc
	yes := func() tea.Msg {
		return serviceMsg{action: actDisconnect, provider: p, gone: true, err: svc.Disconnect(ctx, p)}
	}
	name := views.ProviderName(p)
	return views.Confirm("Disconnect "+name+"?",
		"The stored "+name+" key is deleted from ImagineAnything. Generations with "+name+
			" stop working until a key is connected again.", yes)
}

// serviceAction is the selected provider and its connected service, or a
// Cmd saying why the action cannot run.
func (m *Model) serviceAction(what string) (string, *api.ConnectedService, tea.Cmd) {
	if m.svc == nil {
		return "", nil, views.Status(views.LevelWarn, "connected services are not available in this version")
	}
	p := m.svcs.selected()
	if p == "" {
		return "", nil, views.Status(views.LevelInfo, "no provider selected")
	}
	c := m.svcs.find(p)
	if c == nil {
		return p, nil, views.Status(views.LevelWarn, views.ProviderName(p)+" is not connected, nothing to "+what+"; "+
			m.keys.Jobs.Connect.Help().Key+" connects it")
	}
	if b := m.svcs.busy[p]; b != "" {
		return p, nil, views.Status(views.LevelInfo, views.ProviderName(p)+": "+b+" in progress")
	}
	return p, c, nil
}

// serviceDone applies the answer to an action on a provider.
func (m *Model) serviceDone(msg serviceMsg) tea.Cmd {
	s := &m.svcs
	delete(s.busy, msg.provider)
	name := views.ProviderName(msg.provider)
	if msg.err != nil {
		verb := map[string]string{actConnect: "connect", actToggle: "turn on or off", actTest: "test", actDisconnect: "disconnect"}[msg.action]
		return views.Failed("couldn't "+verb+" "+name, msg.err)
	}
	switch msg.action {
	case actConnect:
		if msg.svc != nil {
			s.put(*msg.svc)
		}
		delete(s.tests, msg.provider)
		return views.Status(views.LevelInfo, name+" key saved · "+m.keys.Jobs.Test.Help().Key+" tests it")
	case actToggle:
		if msg.svc == nil {
			return nil
		}
		s.put(*msg.svc)
		if msg.svc.IsActive {
			return views.Status(views.LevelInfo, name+" turned on")
		}
		return views.Status(views.LevelInfo, name+" turned off: new generations can't use it")
	case actTest:
		if msg.test == nil {
			return nil
		}
		s.tests[msg.provider] = msg.test
		if msg.test.Success {
			return views.Status(views.LevelInfo, name+": "+orDefault(msg.test.Message, "the key works"))
		}
		return views.Status(views.LevelWarn, name+": "+orDefault(msg.test.Message, "the key was refused"))
	case actDisconnect:
		s.list = slices.DeleteFunc(s.list, func(c api.ConnectedService) bool { return c.Provider == msg.provider })
		delete(s.tests, msg.provider)
		return views.Status(views.LevelInfo, name+" disconnected; its key is deleted")
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
