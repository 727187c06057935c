package postkit

import (
	"imagine/keymap"
	"imagine/views"

	tea "charm.land/bubbletea/v2"
)

// Click implements Screen.
func (v *agentsView) Click(m *Kit, y int, double bool) (hit, open bool, cmd tea.Cmd) {
	n := len(v.agents)
	hit, open = v.win.Click(y-1, n, m.BodyHeight(), m.agentHeights(v), double)
	if hit && !open && v.retry() && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = m.fetchAgents(v)
	}
	return hit, open, cmd
}

// Click implements Screen: an upload has nothing to open, a click only
// selects it.
func (v *mediaView) Click(m *Kit, y int, _ bool) (hit, open bool, cmd tea.Cmd) {
	if !v.loaded {
		return false, false, nil
	}
	n := len(v.items)
	hit, _ = v.win.Click(y-1, n, m.BodyHeight(), func(int) int { return 1 }, false)
	if hit && (v.hasMore || v.err != nil) && !v.loading && n-1-v.win.Cursor < nearEnd {
		cmd = m.fetchMedia(v)
	}
	return hit, false, cmd
}

// pressOpen presses enter (the list's Open key) on what is shown.
func pressOpen(update func(tea.Msg) tea.Cmd, keys *keymap.KeyMap) (tea.Cmd, bool) {
	press, ok := views.PressOf(keys.List.Open)
	if !ok {
		return nil, false
	}
	return update(press), true
}
