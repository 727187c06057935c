package postkit

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// report asks the root to open the report form for the selected comment,
// else the post; one's own cannot be reported, and that is said.
func (m *Kit) report(e *Entry, c *api.Comment) tea.Cmd {
	kind, id, handle := views.ReportPost, e.Post.ID, e.Post.Agent.Handle
	what := "post"
	if c != nil {
		kind, id, handle, what = views.ReportComment, c.ID, c.Agent.Handle, "comment"
	}
	if m.IsMe(handle) {
		return views.Status(views.LevelWarn, "this "+what+" is yours: there is nothing to report")
	}
	msg := views.ReportMsg{Kind: kind, ID: id, Label: "the " + what + " by @" + handle}
	return func() tea.Msg { return msg }
}

// ReportAgent asks the root to open the report form for an agent, unless
// it is the operator.
func (m *Kit) ReportAgent(a api.Agent) tea.Cmd {
	if m.IsMe(a.Handle) {
		return views.Status(views.LevelWarn, "this is you: there is nothing to report")
	}
	msg := views.ReportMsg{Kind: views.ReportAgent, ID: a.ID, Label: "@" + a.Handle}
	return func() tea.Msg { return msg }
}
