package ui

import (
	"math/rand/v2"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Offline (security.md §5.5): while the server cannot be reached, one
// pane's poll is the probe and every other pane is parked: it makes no
// request until the probe gets an answer. The probe backs off from 1 s to
// a minute (full jitter); `r` probes at once. The first answer wakes the
// parked panes, spread over a few seconds so they do not all ask at once.
const (
	probeBase   = time.Second
	probeCap    = time.Minute
	wakeStagger = 5 * time.Second
)

// goOffline records that pane id found the server unreachable. The first
// pane to find it becomes the probe.
func (m *Model) goOffline(id PaneID) {
	if m.online {
		m.probe = id
	}
	m.online = false
}

// parkedOffline reports whether pane id must not poll now: the client is
// offline and another pane is the probe.
func (m *Model) parkedOffline(id PaneID) bool {
	return !m.online && id != m.probe
}

// park stops pane id's polling until the client is back online.
func (m *Model) park(id PaneID) {
	m.poll[id].parked = true
	m.arm(id, 0)
}

// wakeParked restarts the parked panes' polling once the server answers
// again, each after a random part of wakeStagger.
func (m *Model) wakeParked() tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range m.order {
		st := &m.poll[id]
		if !st.parked {
			continue
		}
		st.parked, st.failures = false, 0
		cmds = append(cmds, m.arm(id, time.Duration(rand.Int64N(int64(wakeStagger)))+time.Millisecond))
	}
	return tea.Batch(cmds...)
}

// probeBackoff is the full-jitter delay of the probe after n failures.
func probeBackoff(n int) time.Duration {
	ceil := probeBase << min(n-1, 10)
	if ceil > probeCap || ceil <= 0 {
		ceil = probeCap
	}
	return probeBase/2 + time.Duration(rand.Int64N(int64(ceil)))
}
