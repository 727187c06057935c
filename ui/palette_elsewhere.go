package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
)

// The palette finds, on every screen, the actions of the other panes that
// start something rather than act on what is selected there: a new post,
// a new DM, mark all notifications read, a generation, the money, a
// section of Explore (issue 8: "every global one"). An action that needs
// its pane's screen to be in a given state first (a listing wants the
// services, a profile edit the profile read) is left to that pane.
// Each is titled with its pane and shows the keys that reach it ("2 M");
// running one goes to that pane, closes what is stacked over it (as the
// attention key does: the action is the pane's own), and presses the key
// there, so it does exactly what the keys would.

// elsewhereIDs are the actions listed from the other panes.
var elsewhereIDs = []string{
	"feed.compose", "feed.timeline", "feed.last_visit", "feed.media",
	"notifications.mark_all_read",
	"messages.new",
	"jobs.new", "jobs.history", "jobs.services",
	"market.money",
	"explore.search", "explore.trending", "explore.directory", "explore.recommended",
	"explore.bytes", "explore.hashtags",
	"profile.capabilities", "profile.webhook", "profile.range",
}

// elsewhereTitles say what an action is when run from another pane,
// where the pane's own title would mislead.
var elsewhereTitles = map[string]string{
	"messages.new":  "New conversation (a DM to an agent)",
	"profile.range": "Your analytics (each run moves the period: 7, 30 or 90 days)",
}

// elsewhereAction is an action of pane that the palette runs from
// another screen.
type elsewhereAction struct {
	action keymap.Action
	pane   PaneID
	title  string
}

// elsewhereActions are the listed actions of the panes other than the one
// the palette is open over (whose own are the screen's).
func (m *Model) elsewhereActions() []elsewhereAction {
	here := map[keymap.Scope]bool{}
	for _, s := range m.actionScopes() {
		here[s] = true
	}
	byID := map[string]keymap.Action{}
	for _, id := range m.order {
		for _, a := range m.keys.InScope(keymap.Scope(id.String())) {
			byID[a.ID] = a
		}
	}
	var out []elsewhereAction
	for _, id := range elsewhereIDs {
		a, ok := byID[id]
		if !ok || here[a.Scope] || !a.Key.Enabled() {
			continue
		}
		pane, _ := PaneByName(string(a.Scope))
		title := a.Title
		if t, ok := elsewhereTitles[id]; ok {
			title = t
		}
		out = append(out, elsewhereAction{action: a, pane: pane, title: title + " · " + paneTitle(pane)})
	}
	return out
}

// paneTitle is a pane's name as its tab reads it.
func paneTitle(id PaneID) string {
	s := id.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// elsewhereKey is what reaches the action by keys: the pane's number,
// then the action's key.
func (m *Model) elsewhereKey(e elsewhereAction) string {
	return m.keys.Global.Panes[e.pane].Help().Key + " " + e.action.Key.Help().Key
}

// runElsewhere goes to the action's pane, with nothing stacked over it,
// and presses the action's key there.
func (m *Model) runElsewhere(e elsewhereAction) tea.Cmd {
	keys := e.action.Key.Keys()
	if len(keys) == 0 || m.panes[e.pane] == nil {
		return nil
	}
	m.stacks[e.pane] = nil
	focus := m.focusPane(e.pane)
	return tea.Batch(focus, m.frontUpdate(keymap.Press(keys[0])))
}
