package jobs_test

import (
	tea "charm.land/bubbletea/v2"

	"imagine/theme"
	"imagine/ui"
	"imagine/views/jobs"
)

// The pane satisfies the root's Pane interface and the optional ones the
// root looks for (ui/attention.go, ui/poll.go, ui/update.go).
var (
	_ ui.Pane = (*jobs.Model)(nil)
	_ interface {
		NotifyText() string
		JumpToUnread() tea.Cmd
		Alerts() int
		ForceRefresh()
		SetStyles(*theme.Styles)
	} = (*jobs.Model)(nil)
)
