package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/keymap"
	"imagine/views"
)

// The palette and the help screen read one list: the keymap's registry
// (keymap.Registry), narrowed to what is on screen. A pane's actions are
// those of the keymap groups it answers to (views.ActionScoper, or else
// the list keys and the group named after the pane); the global ones
// follow. Nothing here knows a pane: a pane action runs by pressing its
// key for the operator.

// screenAction is an action offered on the current screen.
type screenAction struct {
	keymap.Action
	// disabled says why it cannot run now; "" when it can.
	disabled string
	// guess marks a reason the root inferred (the key is not in the
	// screen's FullHelp) rather than one the pane gave: the row is
	// listed lower with it, but still runs and the pane answers, since
	// a pane may not list every key that works.
	guess bool
}

// actionScopes are the keymap groups of what the focused pane shows.
func (m *Model) actionScopes() []keymap.Scope {
	if s, ok := m.front().(views.ActionScoper); ok {
		return s.ActionScopes()
	}
	return []keymap.Scope{keymap.Scope(m.focus.String()), keymap.ScopeList}
}

// screenActions lists the actions of the screen showing, then the global
// ones, each with why it cannot run now.
func (m *Model) screenActions() []screenAction {
	var out []screenAction
	if front := m.front(); front != nil {
		gate, _ := front.(views.ActionGate)
		shown := keysOf(front.FullHelp())
		for _, a := range m.keys.InScope(m.actionScopes()...) {
			why, guess := paneDisabled(a, gate, shown)
			out = append(out, screenAction{Action: a, disabled: why, guess: guess})
		}
	}
	for _, a := range m.keys.InScope(keymap.ScopeGlobal) {
		out = append(out, screenAction{Action: a, disabled: m.globalDisabled(a)})
	}
	return out
}

// paneDisabled says why a pane's action cannot run: the pane's own
// reason, else a binding switched off, else (a guess) a key the screen
// showing does not list in FullHelp. A pane listing no keys at all is not
// judged.
func paneDisabled(a keymap.Action, gate views.ActionGate, shown map[string]bool) (why string, guess bool) {
	if gate != nil {
		if why := gate.ActionDisabled(a.ID); why != "" {
			return why, false
		}
	}
	if !a.Key.Enabled() {
		return "not available now", false
	}
	if len(shown) == 0 {
		return "", false
	}
	for _, k := range a.Key.Keys() {
		if shown[k] {
			return "", false
		}
	}
	return "not on this screen", true
}

// globalDisabled says why a global action would do nothing now.
func (m *Model) globalDisabled(a keymap.Action) string {
	for i := range m.keys.Global.Panes {
		if a.Key != &m.keys.Global.Panes[i] {
			continue
		}
		switch id := PaneID(i); {
		case m.panes[id] == nil:
			return "not in this version yet"
		case id == m.focus && m.stacked() == nil:
			return "you are here"
		}
	}
	if a.Key == &m.keys.Global.Accounts && m.opts.Accounts == nil {
		return m.noAccountsReason()
	}
	if a.Key == &m.keys.Global.Activity && m.opts.Activity == nil {
		return "only in imagine serve"
	}
	if a.Key == &m.keys.Global.Attention && !m.anyBadge() {
		return "nothing unread"
	}
	return ""
}

// anyBadge reports whether a pane shows an unread count.
func (m *Model) anyBadge() bool {
	for _, id := range m.order {
		if m.panes[id].Badge() > 0 {
			return true
		}
	}
	return false
}

// keysOf is the set of keys the bindings answer to.
func keysOf(groups [][]key.Binding) map[string]bool {
	set := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			for _, k := range b.Keys() {
				set[k] = true
			}
		}
	}
	return set
}

// runAction does what pressing the action's key would do: a global one
// goes through the root's key handling, a pane's to what the focused pane
// shows, as lazygit and crush run their menus' entries.
func (m *Model) runAction(a keymap.Action) tea.Cmd {
	keys := a.Key.Keys()
	if len(keys) == 0 {
		return nil
	}
	msg := keymap.Press(keys[0])
	if a.Scope == keymap.ScopeGlobal {
		return m.handleKey(msg)
	}
	return m.frontUpdate(msg)
}
