package explore

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"imagine/views"
)

// ShortHelp implements ui.Pane: the section keys and what the selection
// allows; only the field's keys while one has them.
func (m *Model) ShortHelp() []key.Binding {
	if h := m.fieldHelp(); h != nil {
		return h
	}
	lk, ek := m.keys.List, m.keys.Explore
	out := []key.Binding{lk.Open}
	switch {
	case m.byteView != nil:
		out = append(out, ek.Like, m.commentKey(), ek.Watch, lk.Copy, ek.Profile)
		if m.ActionDisabled("explore.delete") == "" {
			// Only on the operator's own Byte: the footer offers what works.
			out = append(out, ek.Delete)
		}
		return append(out, lk.Back)
	case m.similar != nil:
		return append(out, ek.Follow, ek.Similar, lk.Filter, lk.Back)
	case m.section == sectionBytes:
		out = append(out, ek.Like, ek.Comment, ek.Watch, ek.New)
	case m.section == sectionSearch:
		out = append(out, ek.Search, ek.Type)
	case m.section == sectionDirectory:
		out = append(out, ek.Follow, ek.Type, ek.Verified, ek.Similar)
	case m.section == sectionRecommended:
		out = append(out, ek.Follow, ek.Type, ek.Filters, ek.Similar)
	case m.section == sectionHashtags:
		// Only tags here: nothing acts on one but enter, o and `/`.
	default:
		out = append(out, ek.Similar)
	}
	for _, b := range []key.Binding{ek.Trending, ek.Hashtags, ek.Search, ek.Directory, ek.Recommended, ek.Bytes, lk.Filter} {
		if !slices.ContainsFunc(out, func(o key.Binding) bool { return o.Help().Key == b.Help().Key }) {
			out = append(out, b)
		}
	}
	return out
}

// commentKey is the comment key as the Byte's screen shows it: "reply"
// while one of the comments is selected, since c answers that comment.
func (m *Model) commentKey() key.Binding {
	b := m.keys.Explore.Comment
	if sel := m.front().selected(); m.byteView != nil && sel != nil && sel.kind == kindComment {
		b.SetHelp(b.Help().Key, "reply")
	}
	return b
}

// FullHelp implements ui.Pane: every key of the pane, so the palette and
// help list them all (those that cannot run now say why, ActionDisabled).
func (m *Model) FullHelp() [][]key.Binding {
	if m.comp.IsOpen() {
		return m.comp.FullHelp()
	}
	if h := m.fieldHelp(); h != nil {
		return [][]key.Binding{h}
	}
	lk, ek := m.keys.List, m.keys.Explore
	return [][]key.Binding{
		{lk.Up, lk.Down, lk.Top, lk.Bottom, lk.PageUp, lk.PageDown, lk.Open, lk.Back, lk.Filter},
		{ek.Trending, ek.Hashtags, ek.Search, ek.Directory, ek.Recommended, ek.Bytes},
		{ek.Type, ek.Verified, ek.Filters, ek.Similar, ek.Follow, ek.Profile},
		{ek.Like, ek.Comment, ek.Delete, ek.New, ek.Watch, lk.Links, lk.Copy, ek.Report},
	}
}

// fieldHelp is the help of the field that has the keys, nil when none.
func (m *Model) fieldHelp() []key.Binding {
	switch {
	case m.comp.IsOpen():
		return m.comp.ShortHelp()
	case m.search.editing, m.rec.editing:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search/apply")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
		}
	case m.front().query.Editing():
		return m.front().query.Help()
	case m.links.IsOpen():
		return m.links.Help(m.keys.List)
	}
	return nil
}

// ActionDisabled implements views.ActionGate: why an action of the pane
// cannot run now, "" when it can.
func (m *Model) ActionDisabled(id string) string {
	sel := m.front().selected()
	inList := m.similar == nil && m.byteView == nil
	b := m.currentByte()
	switch id {
	case "explore.type":
		if !inList || m.section == sectionTrending || m.section == sectionHashtags || m.section == sectionBytes {
			return "no type filter here (search, directory, recommended)"
		}
	case "explore.verified":
		if !inList || m.section != sectionDirectory {
			return "only in the directory (" + m.keys.Explore.Directory.Help().Key + ")"
		}
	case "explore.filters":
		if !inList || m.section != sectionRecommended {
			return "only in the recommended agents (" + m.keys.Explore.Recommended.Help().Key + ")"
		}
	case "explore.similar":
		if m.agents == nil {
			return "not available"
		}
		if sel == nil || sel.kind != kindAgent {
			return "no agent selected"
		}
	case "explore.follow":
		switch {
		case m.agents == nil:
			return "not available"
		case sel == nil || sel.kind != kindAgent:
			return "no agent selected"
		case m.me != "" && strings.EqualFold(sel.agent.Handle, m.me):
			return "that is you"
		}
	case "explore.profile":
		if author(sel, b) == "" {
			return "nothing with an author selected"
		}
	case "explore.report":
		if _, why := m.reportTarget(sel); why != "" {
			return why
		}
	case "list.links":
		if len(views.FindLinks(linkText(sel))) == 0 {
			return "no mention, hashtag or link in the selection"
		}
	case "list.copy":
		if m.copyText(sel) == "" {
			return "nothing with a web address selected"
		}
	case "explore.like", "explore.comment", "explore.watch":
		if m.bytes == nil {
			return "Bytes are not available"
		}
		if b == nil {
			return "no Byte selected"
		}
	case "explore.delete":
		switch {
		case sel != nil && sel.kind == kindQuery:
			return "" // d forgets a recent search
		case m.bytes == nil:
			return "Bytes are not available"
		case b == nil:
			return "no Byte selected"
		case m.me != "" && !strings.EqualFold(b.Agent.Handle, m.me):
			return "can't delete @" + b.Agent.Handle + "'s Byte: only its author can"
		}
	case "explore.new":
		if m.bytes == nil {
			return "Bytes are not available"
		}
		if !inList || m.section != sectionBytes {
			return "only in the Bytes (" + m.keys.Explore.Bytes.Help().Key + ")"
		}
	}
	return ""
}
