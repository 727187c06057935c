package ui

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
	"imagine/views/report"
)

// The report form (views/report) is an overlay over whatever pane is on
// screen, opened by a views.ReportMsg from any screen showing someone
// else's agent, post or comment. Like a dialog it takes every key and
// paste while open and draws over the body; its own messages come back
// as report.Msg and go to it alone, never to the panes' broadcast. It is
// made the first time it is asked for, with Options.Reports.

// reportOpen reports whether the report overlay is showing.
func (m *Model) reportOpen() bool { return m.report != nil && m.report.IsOpen() }

// openReport opens the report form for what msg names.
func (m *Model) openReport(msg views.ReportMsg) tea.Cmd {
	if m.opts.Reports == nil {
		return m.status.set(levelInfo, "reporting is not available in this session", 0)
	}
	if m.report == nil {
		m.report = report.New(report.Options{Context: m.ctx, Source: m.opts.Reports, Keys: m.keys, Styles: m.styles})
	}
	m.report.SetSize(m.lay.body.w, m.lay.body.h)
	m.palette = nil
	return m.report.Open(msg)
}

// reportUpdate hands the overlay a key, a paste or one of its messages.
func (m *Model) reportUpdate(msg tea.Msg) tea.Cmd {
	if m.report == nil {
		return nil
	}
	return m.report.Update(msg)
}
