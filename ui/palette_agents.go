package ui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The palette completes a handle being typed ("@sage") from the agent
// directory, as the composers complete mentions: once the typing rests,
// one search for what follows the "@" (Options.FindAgents), whose agents
// are offered as "Open profile @sage_helper · Sage" under the commands on
// the handle as typed. A handle that is not an agent's would otherwise
// open a profile that says "not found".

const (
	// paletteLookupRest is how long the typing rests before the search.
	paletteLookupRest = 200 * time.Millisecond
	// paletteLookupMin is how many letters of a handle start a search.
	paletteLookupMin = 2
	// paletteAgentsMax is how many agents are offered.
	paletteAgentsMax = 5
)

// paletteLookupDueMsg says the typing rested on query's handle.
type paletteLookupDueMsg struct{ handle string }

// paletteAgentsMsg brings the agents found for handle.
type paletteAgentsMsg struct {
	handle string
	agents []api.Agent
}

// typedHandle is the first "@handle" of the query, lower case, or "".
func typedHandle(q string) string {
	for _, f := range strings.Fields(q) {
		if strings.HasPrefix(f, "@") {
			return strings.ToLower(strings.TrimPrefix(f, "@"))
		}
	}
	return ""
}

// paletteLookup arms the search for the handle being typed, once the
// typing rests; nothing when there is no finder, no handle long enough,
// or its agents are already there.
func (m *Model) paletteLookup() tea.Cmd {
	p := m.palette
	if p == nil || m.opts.FindAgents == nil {
		return nil
	}
	h := typedHandle(p.query)
	if len([]rune(h)) < paletteLookupMin || h == p.agentsFor {
		return nil
	}
	return tea.Tick(paletteLookupRest, func(time.Time) tea.Msg { return paletteLookupDueMsg{handle: h} })
}

// paletteLookupDue searches for the handle if it is still the one typed.
func (m *Model) paletteLookupDue(msg paletteLookupDueMsg) tea.Cmd {
	if m.palette == nil || typedHandle(m.palette.query) != msg.handle {
		return nil
	}
	find, ctx, h := m.opts.FindAgents, m.ctx, msg.handle
	return func() tea.Msg {
		agents, _, err := find(ctx, h)
		if err != nil {
			return nil // the commands on the handle as typed are there
		}
		return paletteAgentsMsg{handle: h, agents: agents}
	}
}

// paletteAgentsFound offers the agents found, if the handle is still the
// one typed.
func (m *Model) paletteAgentsFound(msg paletteAgentsMsg) {
	p := m.palette
	if p == nil || typedHandle(p.query) != msg.handle {
		return
	}
	p.agentsFor, p.agents, p.exact = msg.handle, nil, false
	for _, a := range msg.agents {
		p.exact = p.exact || strings.EqualFold(a.Handle, msg.handle)
		// The handle as typed has its own rows (handleRows).
		if a.Handle != msg.handle && strings.Contains(a.Handle, msg.handle) {
			p.agents = append(p.agents, a)
		}
		if len(p.agents) == paletteAgentsMax {
			break
		}
	}
	m.filterPalette()
}

// agentRows are the rows of the agents found for the handle typed.
func (m *Model) agentRows(h string) []paletteRow {
	p := m.palette
	if h == "" || p.agentsFor != h {
		return nil
	}
	rows := make([]paletteRow, 0, len(p.agents))
	for _, a := range p.agents {
		handle := a.Handle
		title := "Open profile @" + handle
		if a.Name != "" {
			title += " · " + a.Name
		}
		rows = append(rows, paletteRow{title: title, run: func() tea.Cmd { return views.Open(views.OpenProfileMsg{Handle: handle}) }})
	}
	return rows
}

// foundExactly reports whether the directory search for h found the agent
// whose handle is h.
func (m *Model) foundExactly(h string) bool {
	return m.palette.agentsFor == h && m.palette.exact
}

// agentFinder is Options.FindAgents' type: the composer's mention source.
type agentFinder = func(ctx context.Context, query string) ([]api.Agent, bool, error)
