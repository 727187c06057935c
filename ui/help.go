package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// helpKeys composes the focused pane's bindings with the global ones, so
// help always matches what the keys do right now.
type helpKeys struct{ m *Model }

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding {
	var b []key.Binding
	if p := h.m.front(); p != nil {
		b = append(b, p.ShortHelp()...)
		if p.CapturesInput() {
			return b
		}
	}
	g := h.m.keys.Global
	return append(b, g.Refresh, g.Help, g.Quit)
}

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding {
	var groups [][]key.Binding
	if p := h.m.front(); p != nil {
		groups = append(groups, p.FullHelp()...)
	}
	g := h.m.keys.Global
	groups = append(groups, []key.Binding{g.NextPane, g.PrevPane, g.Refresh, g.Help, g.Quit, g.ForceQuit})
	var jumps []key.Binding
	for _, id := range h.m.order {
		jumps = append(jumps, g.Panes[id])
	}
	return append(groups, jumps)
}

// applyHelpStyles points the help component at the semantic styles.
func (m *Model) applyHelpStyles() {
	st := help.DefaultStyles(m.styles.Dark)
	st.ShortKey = m.styles.HelpKey
	st.FullKey = m.styles.HelpKey
	st.ShortDesc = m.styles.HelpDesc
	st.FullDesc = m.styles.HelpDesc
	m.help.Styles = st
}
