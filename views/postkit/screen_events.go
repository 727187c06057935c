package postkit

import (
	tea "charm.land/bubbletea/v2"
)

// What each kind of screen takes from the messages the kit hands its
// stack (screen.update): its own results, by its ID, and the kit's events.

// Update implements Screen: the list's pages.
func (v *agentsView) Update(m *Kit, msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(agentsMsg); ok && msg.sid == v.sid {
		return m.agentsLoaded(msg)
	}
	return nil
}

// Holds implements Screen.
func (v *agentsView) Holds(*Entry) bool { return false }

// Closed implements Screen.
func (v *agentsView) Closed() bool { return false }

// Release implements Screen.
func (v *agentsView) Release(*Kit) {}

// Update implements Screen: the Media screen's results are the kit's
// (an upload deleted shows on every Media screen).
func (v *mediaView) Update(*Kit, tea.Msg) tea.Cmd { return nil }

// Holds implements Screen.
func (v *mediaView) Holds(*Entry) bool { return false }

// Closed implements Screen.
func (v *mediaView) Closed() bool { return false }

// Release implements Screen.
func (v *mediaView) Release(*Kit) {}
