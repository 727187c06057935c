package postkit

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// Depth implements views.Screen: the number of screens stacked over the
// list, 0 when the list shows. The root drops a kit it stacked over a
// pane once it is back to 0 (but the pane's first, its stack's base).
func (m *Kit) Depth() int { return len(m.stack) }

// Crumbs implements views.Screen: a step per screen stacked.
func (m *Kit) Crumbs() []string {
	out := make([]string, 0, len(m.stack))
	for _, s := range m.stack {
		out = append(out, s.Crumb())
	}
	return out
}

// SetTrail implements views.Screen: the breadcrumb under the Model's
// screens, in place of its root's name, when the root stacks it over
// something (a conversation) rather than right over a pane.
func (m *Kit) SetTrail(trail []string) { m.trail = trail }

// Opens implements views.Opener: the Model stacks posts, profiles and
// hashtags itself.
func (m *Kit) Opens(msg tea.Msg) bool {
	switch msg.(type) {
	case views.OpenPostMsg, views.OpenProfileMsg, views.OpenHashtagMsg:
		return true
	}
	return false
}

// Path implements views.Pathed: the breadcrumb of what the pane shows,
// from its list's name on, under which the root stacks a screen of
// another kind (a conversation opened from a profile).
func (m *Kit) Path() []string { return append(m.rootPath(), m.Crumbs()...) }

// rootPath is the breadcrumb's start: the trail given by the root, else
// the name of the list the screens are opened from.
func (m *Kit) rootPath() []string {
	if m.trail != nil {
		return append([]string(nil), m.trail...)
	}
	root := m.root
	if root == "" && m.host != nil {
		root = m.host.ListName()
	}
	return []string{root}
}

// The breadcrumb steps of the screens.

// Crumb implements Screen.
func (v *agentsView) Crumb() string { return v.title() }

// Crumb implements Screen.
func (v *mediaView) Crumb() string {
	if n := len(v.items); n > 0 && v.hasMore {
		return fmt.Sprintf("Your media · %d+", n)
	} else if n > 0 {
		return fmt.Sprintf("Your media · %d", n)
	}
	return "Your media"
}

// CrumbLine is the header of a stacked screen: the path from the list it
// was opened from to the screen on top, and the screen's hints.
func (m *Kit) CrumbLine(hints string) string {
	if m.preview {
		// Beside the list, the preview's keys are the list's: enter opens.
		hints = m.keys.List.Open.Help().Key + " opens it"
	}
	path := m.Path()
	return views.Crumbs(path, hints, m.width, m.pal.title, m.pal.muted, m.pal.faint)
}
