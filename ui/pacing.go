package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A request the operator is waiting on may itself wait for the rate limit
// (100 reads a minute, paced by the client): the screen then says
// "loading…" for seconds with nothing to say why. The client tells of
// every such wait (Options.Pacing), and while one of at least
// pacingShown lasts the status line says "pacing requests".

// pacingShown is the shortest wait worth a word: shorter ones pass
// unnoticed.
const pacingShown = 500 * time.Millisecond

// pacingState is the wait shown: gen tells the end of the last wait from
// those of earlier ones.
type pacingState struct {
	on  bool
	gen int
}

// pacingMsg is a wait of the operator's requests for the rate limit.
type pacingMsg struct{ wait time.Duration }

// pacingDoneMsg ends the wait of generation gen.
type pacingDoneMsg struct{ gen int }

// listenPacing waits for the next wait the client tells of.
func (m *Model) listenPacing() tea.Cmd {
	ch, ctx := m.opts.Pacing, m.ctx
	if ch == nil || ctx == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case d := <-ch:
			return pacingMsg{wait: d}
		case <-ctx.Done():
			return nil
		}
	}
}

// handlePacing shows a long wait until it is over, and listens on.
func (m *Model) handlePacing(msg pacingMsg) tea.Cmd {
	if msg.wait < pacingShown {
		return m.listenPacing()
	}
	m.pacing.on = true
	m.pacing.gen++
	gen := m.pacing.gen
	return tea.Batch(m.listenPacing(), tea.Tick(msg.wait, func(time.Time) tea.Msg { return pacingDoneMsg{gen: gen} }))
}

// pacingDone ends the wait shown, unless a later one is still on.
func (m *Model) pacingDone(msg pacingDoneMsg) {
	if msg.gen == m.pacing.gen {
		m.pacing.on = false
	}
}
