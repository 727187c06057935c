package postkit

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// openHashtag pushes the posts of tag (views.OpenHashtagMsg) with the
// opener of Options.Hashtag, which lives in a package of its own.
func (m *Kit) openHashtag(tag string) tea.Cmd {
	tag = strings.TrimPrefix(strings.TrimSpace(tag), "#")
	if tag == "" || m.openHashtagScreen == nil {
		return nil
	}
	if m.comp.IsOpen() {
		return views.Status(views.LevelWarn, "close the composer first (esc keeps the draft)")
	}
	return m.openHashtagScreen(m, tag)
}
