package market

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

// o on an order or a service lists the mentions, hashtags and links of
// what is shown (issue 8: "later an order message"): an order's
// requirements, deliverables and thread with its attachments; a service's
// description and embedded reviews. The picker (views.LinkPicker) then has
// the keys until enter, y or esc.

// showLinks opens the picker over the screen shown, or says there is
// nothing to list.
func (m *Model) showLinks() tea.Cmd {
	return m.links.Show(views.FindLinks(strings.Join(m.linkTexts(), "\n")))
}

// linkTexts are the texts of the screen shown: the open service's, else
// the open order's; none on a list.
func (m *Model) linkTexts() []string {
	if m.inServices() {
		o := m.svc.open
		if o == nil {
			return nil
		}
		texts := []string{o.svc.Description}
		for _, r := range o.svc.Reviews {
			texts = append(texts, r.Content)
		}
		return texts
	}
	e := m.current()
	if m.open == nil || e == nil {
		return nil
	}
	texts := []string{e.o.Requirements, e.o.Deliverables}
	for _, msg := range m.open.thread.Items {
		texts = append(texts, msg.Content)
		texts = append(texts, msg.Attachments...)
	}
	return texts
}

// withLinks lays the picker over a screen's lines when it is open.
func (m *Model) withLinks(lines []string) []string {
	return m.links.Over(lines, m.width, m.height, m.styles)
}
