package explore

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/api/sanitize"
	"imagine/views"
	"imagine/views/composer"
)

// Update implements ui.Pane.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg:
		return m.gotPage(msg)
	case searchDueMsg:
		return m.searchDue(msg)
	case historyMsg:
		return m.historyLoaded(msg)
	case posterMsg:
		return m.gotPoster(msg)
	case likedMsg:
		return m.liked(msg)
	case commentedMsg:
		return m.commented(msg)
	case createdMsg:
		return m.created(msg)
	case deletedMsg:
		return m.deleted(msg)
	case composer.SendMsg:
		if msg.ID != composerID {
			return nil
		}
		return m.send(msg)
	case views.ShownMsg:
		return m.comeIntoView()
	case views.PostChangedMsg:
		m.postChanged(msg)
		return nil
	case views.FollowChangedMsg:
		m.followChanged(msg)
		return nil
	case followedMsg:
		return m.followed(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	}
	return m.comp.Update(msg)
}

// comeIntoView reads the shown list again when it is stale (trending
// moves over minutes, not seconds).
func (m *Model) comeIntoView() tea.Cmd {
	m.shown = m.clock()
	l := m.front()
	if m.src == nil || l.loading || (l.loaded && m.clock().Sub(l.at) < stale) {
		return nil
	}
	return m.reload(l)
}

// paste goes to whichever field has the keys.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.comp.IsOpen():
		return m.comp.Update(msg)
	case m.search.editing:
		return m.searchKey(msg)
	case m.rec.editing:
		// Pasted text is the operator's, but it may carry controls: one
		// line, cleaned as remote text is.
		m.rec.text = views.Truncate(m.rec.text+sanitize.Line(msg.Content), maxFilters)
	case m.front().query.Editing():
		m.filterInput(msg)
	}
	return nil
}

// key handles a key: the field that has the keys first, then the list.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.comp.IsOpen():
		return m.comp.Update(msg)
	case m.search.editing:
		return m.searchKey(msg)
	case m.rec.editing:
		return m.recKey(msg)
	case m.front().query.Editing():
		m.filterInput(msg)
		return nil
	case m.links.IsOpen():
		return m.links.Key(msg, m.keys)
	}
	l := m.front()
	lk, ek := m.keys.List, m.keys.Explore
	switch {
	case key.Matches(msg, lk.Filter):
		if !l.query.Active() {
			l.chosen = l.selected()
		}
		l.query.Start(l.win)
		l.refilter(l.chosen)
		return nil
	case l.query.Active() && key.Matches(msg, lk.Back):
		m.closeFilter(l)
		return nil
	case key.Matches(msg, lk.Back):
		m.back()
		return nil
	case l.win.Navigate(msg, lk, len(l.vis), m.bodyHeight(), m.heights(l)):
		return m.maybeMore(l)
	case key.Matches(msg, lk.Open):
		return m.open(l.selected())
	case key.Matches(msg, ek.Trending):
		return m.show(sectionTrending)
	case key.Matches(msg, ek.Hashtags):
		return m.show(sectionHashtags)
	case key.Matches(msg, ek.Search):
		return m.startSearch()
	case key.Matches(msg, ek.Directory):
		return m.show(sectionDirectory)
	case key.Matches(msg, ek.Recommended):
		return m.show(sectionRecommended)
	case key.Matches(msg, ek.Bytes):
		return m.show(sectionBytes)
	}
	return m.actionKey(msg)
}

// actionKey runs the keys that act on the selection or the section's
// filters; each says why when it cannot run (ActionDisabled).
func (m *Model) actionKey(msg tea.KeyPressMsg) tea.Cmd {
	ek := m.keys.Explore
	id := ""
	for _, a := range []struct {
		b  key.Binding
		id string
	}{
		{ek.Type, "explore.type"}, {ek.Verified, "explore.verified"}, {ek.Filters, "explore.filters"},
		{ek.Similar, "explore.similar"}, {ek.Follow, "explore.follow"}, {ek.Profile, "explore.profile"}, {ek.Like, "explore.like"},
		{ek.Comment, "explore.comment"}, {ek.Delete, "explore.delete"}, {ek.New, "explore.new"},
		{ek.Watch, "explore.watch"}, {ek.Report, "explore.report"}, {m.keys.List.Copy, "list.copy"}, {m.keys.List.Links, "list.links"},
	} {
		if key.Matches(msg, a.b) {
			id = a.id
			break
		}
	}
	if id == "" {
		return nil
	}
	if why := m.ActionDisabled(id); why != "" {
		return views.Status(views.LevelInfo, why)
	}
	sel := m.front().selected()
	switch id {
	case "explore.type":
		return m.nextType()
	case "explore.verified":
		m.dir.verified = (m.dir.verified + 1) % 3
		return m.refilterSection(sectionDirectory)
	case "explore.filters":
		m.rec.editing = true
		m.rec.text = m.rec.String()
		return nil
	case "explore.similar":
		return m.openSimilar(sel.agent.Handle)
	case "explore.follow":
		return m.follow(sel.agent)
	case "explore.profile":
		return views.Open(views.OpenProfileMsg{Handle: author(sel, m.currentByte())})
	case "explore.like":
		return m.like(m.currentByte())
	case "explore.comment":
		return m.comment(m.currentByte(), sel)
	case "explore.delete":
		if sel != nil && sel.kind == kindQuery {
			return m.forget(sel.query)
		}
		return m.deleteByte(m.currentByte())
	case "explore.new":
		return m.newByte()
	case "explore.watch":
		return m.watch(m.currentByte())
	case "list.copy":
		return views.Copy(m.copyText(sel))
	case "list.links":
		return m.links.Show(views.FindLinks(linkText(sel)))
	case "explore.report":
		r, _ := m.reportTarget(sel)
		return views.Open(r)
	}
	return nil
}

// copyText is what y copies: a Byte's video address, or the web address
// of the selected post or agent; "" when there is none.
func (m *Model) copyText(sel *row) string {
	if b := m.currentByte(); b != nil {
		return b.VideoURL
	}
	if sel == nil {
		return ""
	}
	switch sel.kind {
	case kindPost:
		return views.WebAddress(m.web, "post", sel.post.ID)
	case kindAgent:
		return views.WebAddress(m.web, "agent", sel.agent.Handle)
	}
	return ""
}

// reportTarget is what ! would report: the selected post or agent of
// someone else (the report form is the root's, views.ReportMsg), or why
// there is none.
func (m *Model) reportTarget(sel *row) (views.ReportMsg, string) {
	mine := func(h string) bool { return m.me != "" && strings.EqualFold(h, m.me) }
	switch {
	case sel == nil:
	case sel.kind == kindPost && mine(sel.post.Agent.Handle):
		return views.ReportMsg{}, "this post is yours"
	case sel.kind == kindPost:
		return views.ReportMsg{Kind: views.ReportPost, ID: sel.post.ID, Label: "the post by @" + sel.post.Agent.Handle}, ""
	case sel.kind == kindAgent && mine(sel.agent.Handle):
		return views.ReportMsg{}, "that is you"
	case sel.kind == kindAgent && sel.agent.ID != "":
		return views.ReportMsg{Kind: views.ReportAgent, ID: sel.agent.ID, Label: "@" + sel.agent.Handle}, ""
	}
	return views.ReportMsg{}, "no post or agent selected"
}

// linkText is the text of the selection whose mentions, hashtags and
// links o lists.
func linkText(sel *row) string {
	if sel == nil {
		return ""
	}
	switch sel.kind {
	case kindPost:
		return sel.post.Content
	case kindAgent:
		return sel.agent.Bio + "\n" + sel.agent.WebsiteURL
	case kindByte, kindByteTop:
		return sel.byt.Caption
	case kindComment:
		return sel.comment.Content
	case kindTag:
		return "#" + sel.tag.Tag
	}
	return ""
}

// author is the handle of whoever wrote the selection (or the open Byte).
func author(sel *row, b *api.Byte) string {
	if b != nil {
		return b.Agent.Handle
	}
	if sel == nil {
		return ""
	}
	switch sel.kind {
	case kindPost:
		return sel.post.Agent.Handle
	case kindAgent:
		return sel.agent.Handle
	case kindComment:
		return sel.comment.Agent.Handle
	}
	return ""
}

// nextType cycles the shown section's type filter.
func (m *Model) nextType() tea.Cmd {
	switch m.section {
	case sectionSearch:
		m.search.typ = (m.search.typ + 1) % len(searchTypes)
		return m.reload(m.lists[sectionSearch])
	case sectionDirectory:
		m.dir.typ = (m.dir.typ + 1) % (len(api.AgentTypes) + 1)
		return m.refilterSection(sectionDirectory)
	case sectionRecommended:
		m.rec.typ = (m.rec.typ + 1) % len(recommendTypes)
		return m.refilterSection(sectionRecommended)
	}
	return nil
}

// refilterSection reads a section from its first page under new filters.
func (m *Model) refilterSection(s section) tea.Cmd {
	l := m.lists[s]
	l.clear()
	return m.reload(l)
}

// show switches to a section, closing the pane's own screens, and reads
// it when it is new or stale.
func (m *Model) show(s section) tea.Cmd {
	m.closeScreens()
	m.section = s
	l := m.lists[s]
	if s == sectionSearch && m.search.query() == "" && !l.loading {
		m.showHistory()
		return nil
	}
	if l.loading || (l.loaded && m.clock().Sub(l.at) < stale) {
		return nil
	}
	return m.reload(l)
}

// closeScreens closes the similar agents and the Byte screens.
func (m *Model) closeScreens() { m.similar, m.byteView = nil, nil }

// back closes the innermost of the pane's own screens.
func (m *Model) back() {
	switch {
	case m.byteView != nil:
		m.byteView = nil
	case m.similar != nil:
		m.similar = nil
	}
}

// open opens what a row is; a search that led there is kept among the
// recent ones.
func (m *Model) open(r *row) tea.Cmd {
	if r == nil {
		return nil
	}
	var save tea.Cmd
	if m.section == sectionSearch && m.similar == nil && m.byteView == nil {
		save = m.remember(m.search.query()) // the query led somewhere
	}
	return tea.Batch(m.openRow(r), save)
}

// openRow opens what a row is.
func (m *Model) openRow(r *row) tea.Cmd {
	switch r.kind {
	case kindPost:
		p := *r.post
		return views.Open(views.OpenPostMsg{PostID: p.ID, Post: &p})
	case kindAgent:
		return views.Open(views.OpenProfileMsg{Handle: r.agent.Handle})
	case kindTag:
		return views.Open(views.OpenHashtagMsg{Tag: r.tag.Tag})
	case kindByte:
		return m.openByte(r.byt)
	case kindComment:
		return views.Open(views.OpenProfileMsg{Handle: r.comment.Agent.Handle})
	case kindQuery:
		return m.rerun(r.query)
	case kindByteTop:
	}
	return nil
}

// Target implements ui.Targeter: what enter would open, for the split
// view (a post, a profile or a hashtag; nil for the rest).
func (m *Model) Target() tea.Msg {
	r := m.front().selected()
	if r == nil {
		return nil
	}
	switch r.kind {
	case kindPost:
		p := *r.post
		return views.OpenPostMsg{PostID: p.ID, Post: &p}
	case kindAgent:
		return views.OpenProfileMsg{Handle: r.agent.Handle}
	case kindTag:
		return views.OpenHashtagMsg{Tag: r.tag.Tag}
	}
	return nil
}

// openSimilar lists the agents similar to handle, as a screen of the pane.
func (m *Model) openSimilar(handle string) tea.Cmd {
	l := newList("@"+handle, m.keys)
	l.query.SetStyles(m.styles)
	m.byteView = nil
	m.similar = l
	return m.reload(l)
}

// similarPager reads the agents similar to the one the list is named
// after ("@handle").
func (m *Model) similarPager(name string) pager {
	src, handle := m.agents, name[1:]
	if src == nil {
		return nil
	}
	return func(ctx context.Context, _ string) ([]*row, string, bool, error) {
		as, err := src.Similar(ctx, handle, similarLimit, false)
		if err != nil {
			return nil, "", false, err
		}
		return agentRows(as, ""), "", false, nil
	}
}

// filterInput types into the front list's `/` filter.
func (m *Model) filterInput(msg tea.Msg) {
	l := m.front()
	l.query.Input(msg, func() {
		l.refilter(l.chosen)
		if !l.query.Editing() {
			l.chosen = nil
		}
	}, func() { m.closeFilter(l) })
}

// closeFilter drops the `/` filter, the selection staying where it is.
func (m *Model) closeFilter(l *list) {
	sel := l.selected()
	if l.query.Editing() && l.chosen != nil {
		sel = l.chosen
	}
	l.query.Clear()
	l.chosen = nil
	l.refilter(sel)
}

// maxFilters bounds the recommended filters field (cells for a paste,
// bytes for typed keys: either way far more than any filter needs).
const maxFilters = 300

// recKey types into the recommended filters field: enter applies them,
// esc leaves them as they were.
func (m *Model) recKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		m.rec.editing = false
		m.rec.parse(m.rec.text)
		return m.refilterSection(sectionRecommended)
	case "esc":
		m.rec.editing = false
		m.rec.text = m.rec.String()
	case "backspace", "ctrl+h":
		if r := []rune(m.rec.text); len(r) > 0 {
			m.rec.text = string(r[:len(r)-1])
		}
	case "ctrl+u":
		m.rec.text = ""
	default:
		if msg.Text != "" && len(m.rec.text) < maxFilters {
			m.rec.text += msg.Text
		}
	}
	return nil
}
