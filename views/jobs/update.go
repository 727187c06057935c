package jobs

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Update implements ui.Pane. Polls change the frame only when they bring
// something new; keys, the answers to the operator's actions and spinner
// frames bring the clock of elapsed and relative times up to date.
// Messages of other panes are ignored, so they never redraw this one.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	// Whatever changed the jobs, the filters' matches follow.
	defer m.refilterAfter(msg)
	switch msg := msg.(type) {
	case draftFileMsg:
		m.draftFileLoaded(msg)
		return nil
	case pollMsg:
		return m.advanceClockIfChanged(func() tea.Cmd { return m.polled(msg) })
	case spinMsg:
		return m.spun(msg)
	case views.ShownMsg:
		m.touch()
		return m.startSpin()
	case kickMsg:
		return m.kicked(msg)
	case formMsg:
		return m.formUpdate(msg.form, msg.msg)
	case tea.KeyPressMsg:
		m.touch()
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.filterTyping() {
			return m.filterInput(msg)
		}
		return m.formUpdate(m.openHostID(), msg)
	case historyMsg:
		m.touch()
		return m.historyLoaded(msg)
	case startedMsg:
		m.touch()
		return m.started(msg)
	case retriedMsg:
		m.touch()
		return m.retried(msg)
	case servicesMsg:
		m.touch()
		return m.servicesLoaded(msg)
	case serviceMsg:
		m.touch()
		return m.serviceDone(msg)
	case detailsMsg:
		return m.detailsLoaded(msg)
	}
	return nil
}

// advanceClockIfChanged runs a poll result's handler and moves the clock
// only when the result changed the frame anyway: a poll that brings
// nothing new leaves the frame byte-identical, and Bubble Tea writes
// nothing to the terminal.
func (m *Model) advanceClockIfChanged(handle func() tea.Cmd) tea.Cmd {
	before := m.View()
	cmd := handle()
	if m.View() != before {
		m.touch()
	}
	return cmd
}

// handleKey routes a key: to the open form, else to the screen showing.
// n (new generation) works on every screen.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.form != nil || m.keyForm != nil {
		return m.formKey(msg)
	}
	if m.filterTyping() {
		return m.filterInput(msg)
	}
	m.banner = ""
	if m.jobView != nil {
		if cmd, ok := m.detailKey(msg); ok {
			return cmd
		}
	}
	jk := m.keys.Jobs
	switch {
	case key.Matches(msg, jk.New):
		return m.openForm()
	case key.Matches(msg, jk.History):
		if m.screen == viewHistory {
			m.screen = viewLive
			return nil
		}
		return m.openHistory()
	case key.Matches(msg, jk.Services):
		if m.screen == viewServices {
			m.screen = viewLive
			return nil
		}
		return m.openServices()
	}
	switch m.screen {
	case viewHistory:
		return m.historyKey(msg)
	case viewServices:
		return m.servicesKey(msg)
	case viewLive:
	}
	return m.liveKey(msg)
}

// liveKey moves through the live jobs and acts on the selected one.
func (m *Model) liveKey(msg tea.KeyPressMsg) tea.Cmd {
	k, jk := m.keys.List, m.keys.Jobs
	if m.filterKey(msg) {
		return nil
	}
	n, p := m.liveCount(), m.livePos()
	switch {
	case key.Matches(msg, k.Down):
		m.setLivePos(min(p+1, max(n-1, 0)))
	case key.Matches(msg, k.Up):
		m.setLivePos(max(p-1, 0))
	case key.Matches(msg, k.Top):
		m.setLivePos(0)
	case key.Matches(msg, k.Bottom):
		m.setLivePos(max(n-1, 0))
	case key.Matches(msg, k.PageDown):
		m.setLivePos(min(p+m.pageJobs(), max(n-1, 0)))
	case key.Matches(msg, k.PageUp):
		m.setLivePos(max(p-m.pageJobs(), 0))
	case key.Matches(msg, k.Open):
		return m.open(m.selectedJob())
	case key.Matches(msg, jk.Retry):
		return m.retry(m.selectedJob())
	case key.Matches(msg, k.Copy):
		return copyJob(m.selectedJob())
	}
	m.fixWindow()
	return nil
}

// historyKey moves through the history and acts on the selected job.
func (m *Model) historyKey(msg tea.KeyPressMsg) tea.Cmd {
	k, jk := m.keys.List, m.keys.Jobs
	h := &m.hist
	if m.filterKey(msg) {
		return nil
	}
	n, ht, hf := len(h.items), m.historyBodyHeight(), views.HeightFunc(historyHeights)
	if f := &h.filter; f.Active() {
		if f.Win.Navigate(msg, k, f.Len(), ht, hf) {
			if i, ok := f.Selected(); ok {
				h.win.Cursor = i
			}
			return nil
		}
	}
	switch {
	case h.win.Navigate(msg, k, n, ht, hf):
	case key.Matches(msg, k.Open):
		return m.open(m.selectedPast())
	case key.Matches(msg, jk.Retry):
		return m.retry(m.selectedPast())
	case key.Matches(msg, k.Copy):
		return copyJob(m.selectedPast())
	case key.Matches(msg, k.Back):
		m.screen = viewLive
		return nil
	default:
		return nil
	}
	return m.moreHistory()
}

// servicesKey moves through the providers and acts on the selected one.
func (m *Model) servicesKey(msg tea.KeyPressMsg) tea.Cmd {
	k, jk := m.keys.List, m.keys.Jobs
	s := &m.svcs
	n := len(s.providers())
	switch {
	case key.Matches(msg, k.Down):
		s.cursor = min(s.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(msg, k.Top):
		s.cursor = 0
	case key.Matches(msg, k.Bottom):
		s.cursor = max(n-1, 0)
	case key.Matches(msg, jk.Connect, k.Open):
		return m.openKeyForm()
	case key.Matches(msg, jk.Toggle):
		return m.toggle()
	case key.Matches(msg, jk.Test):
		return m.test()
	case key.Matches(msg, jk.Disconnect):
		return m.disconnect()
	case key.Matches(msg, k.Back):
		m.screen = viewLive
	}
	return nil
}

// formKey hands a key to the open form; esc (Jobs.Cancel) closes it
// without sending anything, unless a list is being filtered. shift+tab
// on the details step's first field goes back to the provider step, and
// ctrl+u on the provider step empties a form that opened filled in.
func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	h := m.openHost()
	if f := m.form; f != nil && f.leavesDetails(msg) {
		return m.backToChoose()
	}
	if f := m.form; f != nil && f.blankable() && key.Matches(msg, m.keys.Jobs.Blank) && h != nil && !h.filtering() {
		return m.blankForm()
	}
	if key.Matches(msg, m.keys.Jobs.Cancel) && (h == nil || !h.filtering()) {
		if m.keyForm != nil {
			m.keyForm = nil
			return views.Status(views.LevelInfo, "cancelled: no key was sent")
		}
		if m.form != nil && m.form.d.worthKeeping() {
			m.keep(m.form.d, "as you left it") // offered again by the next n
		}
		m.form = nil
		return views.Status(views.LevelInfo, "cancelled: nothing was sent · "+m.keys.Jobs.New.Help().Key+" reopens it as you left it")
	}
	if h == nil {
		if m.form != nil && len(m.form.early) < maxEarlyKeys {
			m.form.early = append(m.form.early, msg) // the step is loading
		}
		return nil
	}
	return m.formUpdate(h.id, msg)
}

// openHost is the huh form taking input, if any.
func (m *Model) openHost() *formHost {
	switch {
	case m.keyForm != nil:
		return m.keyForm.host
	case m.form != nil:
		return m.form.host
	}
	return nil
}

// openHostID is the id of the form taking input, or 0.
func (m *Model) openHostID() int {
	if h := m.openHost(); h != nil {
		return h.id
	}
	return 0
}

// formUpdate hands msg to form id (if it is still open) and moves on when
// the operator submitted it.
func (m *Model) formUpdate(id int, msg tea.Msg) tea.Cmd {
	h := m.openHost()
	if h == nil || h.id != id || id == 0 {
		return nil
	}
	cmd := h.update(msg)
	if !h.done() {
		return cmd
	}
	if m.keyForm != nil {
		return tea.Batch(cmd, m.keySubmitted())
	}
	switch m.form.step {
	case stepChoose:
		return tea.Batch(cmd, m.loadDetails())
	case stepDetails:
		return tea.Batch(cmd, m.submitGeneration())
	case stepProviders, stepLoading:
	}
	return cmd
}
