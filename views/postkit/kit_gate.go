package postkit

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// What the palette and the help screen learn of the screen on top: every
// key it answers to (FullHelp, to which the kit adds its own), and why one
// of them cannot run now (views.ActionGate), so the palette lists such an
// action with the reason instead of "not on this screen".

// Gate is a Screen that can tell why one of its actions cannot run now:
// "not your comment", "@x was not found".
type Gate interface {
	// ActionDisabled returns why the action with this keymap ID cannot
	// run on the screen now, or "" when it can.
	ActionDisabled(k *Kit, id string) string
}

// ActionDisabled implements views.ActionGate: the reason of the screen on
// top, or of the kit itself for the keys every screen shares.
func (m *Kit) ActionDisabled(id string) string {
	if m.comp.IsOpen() {
		return ""
	}
	if id == "feed.media" && m.uploads == nil {
		return "media are not available in this session"
	}
	if g, ok := m.Top().(Gate); ok {
		return g.ActionDisabled(m, id)
	}
	return ""
}

// kitKeys are the keys the kit answers to on every screen, before the
// screen sees them (HandleKey): the links of what is shown, its address,
// a new post and the operator's media.
func (m *Kit) kitKeys() []key.Binding {
	l, f := m.keys.List, m.keys.Feed
	return []key.Binding{l.Links, l.Copy, f.Compose, f.Media}
}

// withKitKeys adds to a screen's help groups the kit's keys it does not
// list already, as a last group.
func (m *Kit) withKitKeys(groups [][]key.Binding) [][]key.Binding {
	listed := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			for _, k := range b.Keys() {
				listed[k] = true
			}
		}
	}
	var more []key.Binding
	for _, b := range m.kitKeys() {
		if !slices.ContainsFunc(b.Keys(), func(k string) bool { return listed[k] }) {
			more = append(more, b)
		}
	}
	if len(more) == 0 {
		return groups
	}
	return append(groups, more)
}
