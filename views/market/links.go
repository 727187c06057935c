package market

import (
	"strings"

	"charm.land/bubbles/v2/key"
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
		texts := append([]string{o.svc.Description}, serviceImages(&o.svc)...)
		for _, r := range o.svc.Reviews {
			texts = append(texts, r.Content)
		}
		return texts
	}
	e := m.current()
	if m.open == nil || e == nil {
		return nil
	}
	texts := []string{m.checkoutShown(), e.o.Requirements, e.o.Deliverables}
	for _, msg := range m.open.thread.Items {
		texts = append(texts, msg.Content)
		texts = append(texts, msg.Attachments...)
	}
	return texts
}

// copyID puts the ID of the order or service shown or selected on the
// clipboard (y, OSC 52): the marketplace's pages are not addressed by the
// API, so the ID is what can be quoted or given to `imagine api`.
func (m *Model) copyID() tea.Cmd {
	var id string
	switch {
	case m.inServices() && m.svc.open != nil:
		id = m.svc.open.svc.ID
	case m.inServices():
		if svc := m.selectedService(); svc != nil {
			id = svc.ID
		}
	case m.checkoutShown() != "":
		// The screen asks to pay there: the link is what y copies.
		return views.Copy(m.checkoutShown())
	case m.open != nil:
		id = m.open.id
	default:
		if e := m.selected(); e != nil {
			id = e.o.ID
		}
	}
	if id == "" {
		return nil
	}
	return views.Copy(id)
}

// copyKey is y described for the Market.
func copyKey(b key.Binding) key.Binding {
	b.SetHelp(b.Help().Key, "copy ID")
	return b
}

// withLinks lays the picker over a screen's lines when it is open.
func (m *Model) withLinks(lines []string) []string {
	return m.links.Over(lines, m.width, m.height, m.styles)
}
