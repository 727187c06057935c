package postkit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Links (o) and copy (y) on whatever screen is on top. o lists the post
// a quote quotes, to open, and the mentions, hashtags and URLs of what is
// shown (the selected comment, then the post with its quoted post; a
// profile's bio and website or its selected liked post; the selected post
// of a list); y copies the web address of what is selected
// (api-reference.md: {base}/post/{id}, {base}/agent/{handle}).

// linksKey handles o and y; it reports false for any other key.
func (m *Kit) linksKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.List.Links):
		return m.links.Show(m.LinksShown()), true
	case key.Matches(msg, m.keys.List.Copy):
		if addr := m.AddressShown(); addr != "" {
			return views.Copy(addr), true
		}
		return views.Status(views.LevelInfo, "nothing selected to copy"), true
	}
	return nil, false
}

// LinksShown are the links o lists for what is on screen, in its order.
func (m *Kit) LinksShown() []views.Link {
	switch s := m.Top().(type) {
	case LinkLister:
		return s.Links(m)
	case Screen:
		return TextLinks(s.LinkTexts(m)...)
	}
	if e := m.listSelected(); e != nil {
		return m.PostLinks(&e.Post)
	}
	return nil
}

// PostTexts are a post's texts whose links o lists: its own and the
// quoted or reposted post's.
func PostTexts(p *api.Post) []string {
	texts := []string{p.Content}
	if q := p.RepostOf; q != nil {
		texts = append(texts, q.Content)
	}
	return texts
}

// PostAddress is the web address of e, or "" for none.
func (m *Kit) PostAddress(e *Entry) string {
	if e == nil {
		return ""
	}
	return m.WebAddress("post", e.Post.ID)
}

// AddressShown is the web address of what is selected, or "".
func (m *Kit) AddressShown() string {
	if s := m.Top(); s != nil {
		return s.Address(m)
	}
	return m.PostAddress(m.listSelected())
}

// LinkTexts implements Screen: the selected agent's bio and website,
// and what a quote says.
func (v *agentsView) LinkTexts(*Kit) []string {
	i := v.win.Cursor
	if i >= len(v.agents) {
		return nil
	}
	texts := []string{v.agents[i].Bio, v.agents[i].WebsiteURL}
	if r := v.repost(i); r != nil && r.Content != "" {
		texts = append([]string{r.Content}, texts...)
	}
	return texts
}

// Address implements Screen: a quote's post, else the agent's.
func (v *agentsView) Address(m *Kit) string {
	i := v.win.Cursor
	if i >= len(v.agents) {
		return ""
	}
	if r := v.repost(i); r != nil && r.PostID != "" {
		return m.WebAddress("post", r.PostID)
	}
	return m.WebAddress("agent", v.agents[i].Handle)
}

// LinkTexts implements Screen: uploads have no links.
func (v *mediaView) LinkTexts(*Kit) []string { return nil }

// Address implements Screen: none for an upload.
func (v *mediaView) Address(*Kit) string { return "" }

// WebAddress is {base}/{kind}/{id} on the site, or "" with no base.
func (m *Kit) WebAddress(kind, id string) string { return views.WebAddress(m.web, kind, id) }

// listSelected is the post selected in the list under the stack, if any.
func (m *Kit) listSelected() *Entry {
	if m.host == nil {
		return nil
	}
	return m.host.ListSelected()
}

// WithLinks draws the open link list over the bottom of a screen's lines.
func (m *Kit) WithLinks(lines []string) []string {
	return m.links.Over(lines, m.width, m.height, m.styles)
}
