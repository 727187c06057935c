package messages

import "charm.land/bubbles/v2/key"

// relabel is a copy of b with another description, for a key whose action
// reads differently on this screen.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// ShortHelp implements ui.Pane: the keys that work on the screen showing.
// Delete, discard and retry are listed only when they apply to the
// message under the cursor.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.preview:
		return m.previewHelp()
	case m.stacked && m.open == nil && !m.comp.IsOpen() && !m.prompt.open:
		return m.stackedHelp()
	case m.comp.IsOpen():
		return m.comp.ShortHelp()
	case m.prompt.open:
		return m.promptHelp()
	case m.filterTyping():
		return m.filterHelp()
	case m.open != nil:
		return append(append(m.messageActions(), m.keys.Messages.DeleteConversation, m.keys.Messages.Profile, m.keys.List.Links, m.keys.List.Back), m.filterHelp()...)
	}
	k, x := m.keys.List, m.keys.Messages
	return append([]key.Binding{k.Open, x.New, x.Reply, x.DeleteConversation, x.Profile}, m.filterHelp()...)
}

// FullHelp implements ui.Pane: navigation, then the screen's actions.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.preview:
		return [][]key.Binding{m.previewHelp()}
	case m.stacked && m.open == nil && !m.comp.IsOpen() && !m.prompt.open:
		return [][]key.Binding{m.stackedHelp()}
	case m.comp.IsOpen():
		return m.comp.FullHelp()
	case m.prompt.open:
		return [][]key.Binding{m.promptHelp()}
	case m.filterTyping():
		return [][]key.Binding{m.filterHelp()}
	}
	k, x := m.keys.List, m.keys.Messages
	nav := []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
	if m.open != nil {
		// n, c and enter all write: one line for the three. d is listed
		// whatever is selected (the footer names it only where it applies).
		write := key.NewBinding(key.WithKeys(append(append(x.New.Keys(), x.Reply.Keys()...), k.Open.Keys()...)...),
			key.WithHelp(x.New.Help().Key+"/"+x.Reply.Help().Key+"/"+k.Open.Help().Key, "write"))
		acts := []key.Binding{write, relabel(x.Delete, "delete your message, or discard an unsent one"), relabel(x.Retry, "send an unsent message again now")}
		if _, parts := m.Raw(); len(parts) > 0 {
			acts = append(acts, relabel(m.keys.Global.Raw, "raw: hidden characters removed"))
		}
		return [][]key.Binding{nav, acts, {x.DeleteConversation, x.Profile, k.Links, relabel(k.Copy, "copy message"), k.Back}, m.filterHelp()}
	}
	return [][]key.Binding{nav, {k.Open, x.New, x.Reply}, {x.DeleteConversation, x.Profile}, m.filterHelp()}
}

// messageActions are the keys for the open conversation and the message
// under its cursor.
func (m *Model) messageActions() []key.Binding {
	x := m.keys.Messages
	out := []key.Binding{relabel(x.New, "write")}
	r, ok := m.selectedRow()
	switch {
	case !ok:
	case r.out != nil && !r.out.Sending:
		out = append(out, relabel(x.Retry, "send again now"), relabel(x.Delete, "discard unsent"))
	case r.msg != nil && m.who(m.open).mine(&r.msg.m):
		out = append(out, relabel(x.Delete, "delete message"))
	}
	// The message's row carries only the one-cell mark; the footer names
	// the raw key while such a message is selected.
	if _, parts := m.Raw(); len(parts) > 0 {
		out = append(out, relabel(m.keys.Global.Raw, "raw: hidden characters removed"))
	}
	return out
}

func (m *Model) promptHelp() []key.Binding {
	return []key.Binding{relabel(m.keys.List.Open, "continue"), relabel(m.keys.Composer.Cancel, "cancel")}
}
