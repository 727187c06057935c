package ui

import (
	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// openURL opens a link with the system's opener when the program runs on
// the operator's own machine (Options.OpenURL); otherwise, as over SSH
// where the opener would run on the server, it only shows the address in
// full, to copy with y. An address the link rule refuses (views.Linkable:
// another scheme, a user and password, a control) is never opened, only
// shown.
func (m *Model) openURL(url string) tea.Cmd {
	if !views.Linkable(url) {
		return m.status.set(levelWarn, "not opened: "+views.Truncate(url, 200)+" is not a plain web address (y copies it)", 0)
	}
	if m.opts.CopyURLs {
		// Nothing is opened on the server: the address goes to the
		// operator's own terminal (OSC 52).
		return tea.Batch(tea.SetClipboard(url), m.status.set(levelInfo, "copied "+url+" to your clipboard", 0))
	}
	if m.opts.OpenURL == nil {
		return m.status.set(levelInfo, url+" · y copies it", 0)
	}
	open := m.opts.OpenURL
	return tea.Batch(m.status.set(levelInfo, "opening "+url, 0), func() tea.Msg {
		if err := open(url); err != nil {
			return views.StatusMsg{Level: views.LevelWarn, Text: "couldn't open " + url, Err: err}
		}
		return nil
	})
}
