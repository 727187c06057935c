package jobs

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

// Refresh implements ui.Pane: one Cmd that reads the pending list and,
// when a job the pane watched left it, one history page to learn how it
// ended (its post, or its error). After ForceRefresh it also reloads the
// first history page or the services of the open view. Polls are
// background requests (api.Background): one attempt, no retries. The root
// polls again at PollInterval, so the pane stops its own bridging fetches.
func (m *Model) Refresh(ctx context.Context) tea.Cmd {
	if m.gen == nil {
		return nil
	}
	if ctx == nil {
		ctx = m.ctx
	}
	m.bridging = false
	return m.fetch(api.Background(ctx), false)
}

// fetch builds a poll Cmd. self marks the pane's own fetches (after a
// start or retry), which keep bridging while a job is active.
func (m *Model) fetch(ctx context.Context, self bool) tea.Cmd {
	m.pollSeq++
	msg := pollMsg{seq: m.pollSeq, self: self}
	watch := m.jobs.watched()
	histReset := m.force && m.screen == viewHistory
	listServices := m.force && m.screen == viewServices && m.svc != nil
	m.force = false
	gen, svc := m.gen, m.svc
	return func() tea.Msg {
		msg := msg
		msg.pending, msg.err = gen.Pending(ctx)
		if msg.err != nil {
			return msg
		}
		if histReset || left(watch, msg.pending) {
			msg.looked, msg.histReset = true, histReset
			msg.history, msg.histErr = gen.History(ctx, &api.ListOptions{Limit: historyPage})
		}
		if listServices {
			s := servicesMsg{}
			s.services, s.available, s.err = svc.List(ctx)
			msg.svc = &s
		}
		return msg
	}
}

// left reports whether one of the watched jobs is missing from pending.
func left(watch []string, pending []api.GenerationJob) bool {
	for _, id := range watch {
		if !slices.ContainsFunc(pending, func(j api.GenerationJob) bool { return j.ID == id }) {
			return true
		}
	}
	return false
}

// polled applies a poll: the jobs that finished become alerts, the
// spinner starts when a job is active, and a bridging fetch is scheduled.
func (m *Model) polled(msg pollMsg) tea.Cmd {
	if msg.seq < m.floorSeq {
		return nil // it predates an action that changed the jobs
	}
	m.floorSeq = msg.seq
	m.err = msg.err
	if msg.err != nil {
		m.bridging = false // the root backs off; do not hammer a failing server
		return nil
	}
	if msg.svc != nil {
		m.listed(*msg.svc)
	}
	history := msg.history
	if msg.histErr != nil {
		history = nil
	}
	sel := m.selectedID()
	done := m.jobs.merge(msg.pending, msg.looked && msg.histErr == nil, history)
	m.finish(done)
	if msg.histReset {
		m.hist.reset(history, msg.histErr)
	} else if len(done) > 0 {
		m.hist.stale = true
	}
	m.reselect(sel)
	m.syncDetail()
	cmd := m.startSpin()
	if msg.self && m.bridging && m.jobs.activeCount() > 0 {
		m.bridgeGen++
		return tea.Batch(cmd, m.after(fastPoll, kickMsg{gen: m.bridgeGen}))
	}
	return cmd
}

// finish records jobs that finished: one alert each, unseen while the
// pane is not on screen, and the newest becomes NotifyText's subject.
func (m *Model) finish(done []api.GenerationJob) {
	for _, j := range done {
		m.alerts++
		if !m.focused {
			m.unseen[j.ID] = true
		}
		if m.last == nil || !j.UpdatedAt.Before(m.last.at) {
			m.last = &finished{id: j.ID, genType: j.Type, status: j.Status, prompt: j.Prompt, errMsg: j.ErrorMessage, at: j.UpdatedAt}
		}
	}
}

// kicked runs the next bridging fetch.
func (m *Model) kicked(msg kickMsg) tea.Cmd {
	if msg.gen != m.bridgeGen || !m.bridging || m.jobs.activeCount() == 0 || m.gen == nil {
		return nil
	}
	return m.fetch(api.Background(m.ctx), true)
}

// bridge makes the pane fetch now and every fastPoll until the root's
// own poll takes over (its next tick may be up to idlePoll away). Results
// of fetches that started before this moment are dropped.
func (m *Model) bridge() tea.Cmd {
	m.bridging = true
	m.floorSeq = m.pollSeq + 1
	return m.fetch(api.Background(m.ctx), true)
}

// startSpin starts the spinner when a job is active, the pane is on
// screen and the spinner is not running.
func (m *Model) startSpin() tea.Cmd {
	if m.spinning || !m.focused || m.jobs.activeCount() == 0 {
		return nil
	}
	m.spinning = true
	m.spinGen++
	return m.after(spinEvery, spinMsg{gen: m.spinGen})
}

// spun advances the spinner and the elapsed times, or stops the spinner
// when no job is active any more or the pane is hidden (so an idle or
// unseen pane schedules nothing; views.ShownMsg starts it again).
func (m *Model) spun(msg spinMsg) tea.Cmd {
	if msg.gen != m.spinGen || !m.spinning {
		return nil
	}
	if m.jobs.activeCount() == 0 || !m.focused {
		m.spinning = false
		return nil
	}
	m.frame++
	m.touch()
	return m.after(spinEvery, spinMsg{gen: m.spinGen})
}
