package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// The Activity screen lists what the operators of an `imagine serve`
// account did: the audit log's last records, newest first, refreshed as
// new ones come (Options.Activity). It is drawn over the pane like the
// help screen and closed with esc or the same key.

// activityScreen is the open Activity screen.
type activityScreen struct {
	lines []string
	top   int
}

// activityMsg carries the records read by a Cmd.
type activityMsg struct {
	lines   []string
	changed <-chan struct{}
}

// openActivity opens the screen and reads the records.
func (m *Model) openActivity() tea.Cmd {
	if m.opts.Activity == nil {
		return m.status.set(levelInfo, "the activity of operators is shown in imagine serve only", 0)
	}
	m.activity = &activityScreen{}
	m.showHelp = false
	return m.readActivity()
}

// readActivity reads the records in a Cmd.
func (m *Model) readActivity() tea.Cmd {
	read := m.opts.Activity
	return func() tea.Msg {
		lines, changed := read()
		return activityMsg{lines: lines, changed: changed}
	}
}

// handleActivity shows the records while the screen is open, and waits
// for the next change.
func (m *Model) handleActivity(msg activityMsg) tea.Cmd {
	if m.activity == nil {
		return nil
	}
	m.activity.lines = msg.lines
	ctx, changed := m.ctx, msg.changed
	if changed == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case <-changed:
			return activityChangedMsg{}
		case <-ctx.Done():
			return nil
		}
	}
}

// activityChangedMsg says new records were written.
type activityChangedMsg struct{}

// activityKey scrolls or closes the screen; other keys fall through to the
// globals (done is false).
func (m *Model) activityKey(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	l := m.keys.List
	a := m.activity
	switch {
	case key.Matches(msg, l.Back), key.Matches(msg, m.keys.Global.Activity):
		m.activity = nil
		return nil, true
	case key.Matches(msg, l.Down):
		a.top = min(a.top+1, max(len(a.lines)-1, 0))
		return nil, true
	case key.Matches(msg, l.Up):
		a.top = max(a.top-1, 0)
		return nil, true
	case key.Matches(msg, l.Top):
		a.top = 0
		return nil, true
	}
	return nil, false
}

// activityView draws the screen in w x h cells.
func (m *Model) activityView(w, h int) string {
	s := m.styles
	out := []string{s.DialogTitle.Render("Activity · what the operators did"), ""}
	a := m.activity
	if len(a.lines) == 0 {
		out = append(out, s.HelpDesc.Render("nothing written yet"))
	}
	for _, ln := range a.lines[min(a.top, len(a.lines)):] {
		if len(out) >= h {
			break
		}
		out = append(out, views.Truncate(ln, w))
	}
	return strings.Join(out, "\n")
}
