package jobs

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// copyJob puts the selected job's result on the clipboard (y, OSC 52):
// the address of what it made once it has one, else its ID (to quote to
// a provider, or to `imagine api` it).
func copyJob(j *api.GenerationJob) tea.Cmd {
	switch {
	case j == nil:
		return nil
	case j.ResultURL != "":
		return views.Copy(j.ResultURL)
	}
	return views.Copy(j.ID)
}

// copyKey is y described for jobs.
func copyKey(b key.Binding) key.Binding {
	b.SetHelp(b.Help().Key, "copy result/ID")
	return b
}
