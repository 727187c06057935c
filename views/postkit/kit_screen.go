package postkit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/theme"
	"imagine/views"
)

// The kit as a views.Screen of its own: what the root stacks over a pane
// (Options.Stacks), the Model showing its list when nothing is stacked.

// View implements views.Screen: the composer, or the screen on top with
// the link list over it. Only the visible window is drawn, from cached
// renderings.
func (m *Kit) View() string {
	m.SyncCache()
	if m.comp.IsOpen() {
		return m.comp.View()
	}
	s := m.Top()
	if s == nil {
		return ""
	}
	return views.Rows(m.WithLinks(s.Lines(m)), m.height)
}

// SetSize implements views.Screen.
func (m *Kit) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.comp.SetSize(m.width, m.height)
}

// SetStyles switches to new styles and drops every cached rendering.
func (m *Kit) SetStyles(s *theme.Styles) {
	m.styles = s
	m.pal = newPalette(s)
	m.gut = views.NewGutter(s)
	if m.preview {
		m.gut = m.gut.Unmarked()
	}
	m.cache.Clear()
	m.comp.SetStyles(s)
}

// SetMe tells the kit who is signed in, once the root knows: it decides
// which posts and comments are the operator's own (deletable).
func (m *Kit) SetMe(handle string) {
	m.me = handle
	m.cache.Clear()
}

// CapturesInput implements views.Screen: true while the composer or the
// link list is open.
func (m *Kit) CapturesInput() bool { return m.comp.IsOpen() || m.links.IsOpen() }

// ShortHelp implements views.Screen: the keys that work on the screen
// showing. Delete is listed only when the item under the cursor is the
// operator's.
func (m *Kit) ShortHelp() []key.Binding {
	if m.comp.IsOpen() {
		return m.comp.ShortHelp()
	}
	if m.links.IsOpen() {
		return m.links.Help(m.keys.List)
	}
	if s := m.Top(); s != nil {
		return s.ShortHelp(m)
	}
	return nil
}

// FullHelp implements views.Screen: navigation, then the screen's
// actions, then the keys the kit answers to on every screen (kitKeys), so
// the help and the palette offer every key that works.
func (m *Kit) FullHelp() [][]key.Binding {
	if m.comp.IsOpen() {
		return m.comp.FullHelp()
	}
	if s := m.Top(); s != nil {
		return m.withKitKeys(s.FullHelp(m))
	}
	return nil
}

// Click selects the item at row y of the screen on top; opened reports
// that it pressed enter.
func (m *Kit) Click(_, y int, double bool) (cmd tea.Cmd, opened bool) {
	s := m.Top()
	if m.CapturesInput() || s == nil {
		return nil, false
	}
	// A click changes the screen as a key does: relative times catch up.
	m.shown = m.clock()
	m.SyncCache()
	hit, open, cmd := s.Click(m, y, double)
	if !hit || !open {
		return cmd, false
	}
	return pressOpen(m.Update, m.keys)
}

// Wheel moves by dy notches as j (down) or k would.
func (m *Kit) Wheel(dy int) tea.Cmd {
	if m.CapturesInput() {
		return nil
	}
	return views.Replay(m.Update, views.WheelKeys(dy, m.keys.List)...)
}

// BodyHeight is the room under a screen's one-line header.
func (m *Kit) BodyHeight() int { return max(m.height-1, 1) }
