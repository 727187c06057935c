package feed

import (
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// Links (o) and copy (y) on whatever screen is on top. o lists the
// mentions, hashtags and URLs of what is shown (the post with its quoted
// post and the selected comment, a profile's bio and website or its
// selected liked post, the selected post of a list); y copies the web
// address of what is selected
// (api-reference.md: {base}/post/{id}, {base}/agent/{handle}).

// linksKey handles o and y; it reports false for any other key.
func (m *Model) linksKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.List.Links):
		return m.links.Show(m.linksShown()), true
	case key.Matches(msg, m.keys.List.Copy):
		if addr := m.addressShown(); addr != "" {
			return views.Copy(addr), true
		}
		return views.Status(views.LevelInfo, "nothing selected to copy"), true
	}
	return nil, false
}

// linksShown are the links of what is on screen.
func (m *Model) linksShown() []views.Link {
	var texts []string
	post := func(p *api.Post) {
		texts = append(texts, p.Content)
		if q := p.RepostOf; q != nil {
			texts = append(texts, q.Content)
		}
	}
	switch v := m.top().(type) {
	case *postView:
		post(&v.e.post)
		if c := v.selectedComment(); c != nil {
			texts = append(texts, c.Content)
		}
	case *profileView:
		if e := v.likedEntry(); e != nil {
			post(&e.post)
		} else if a := v.agent; a != nil {
			texts = append(texts, a.Bio, a.WebsiteURL)
		}
	case *hashtagView:
		if e := v.selectedPost(); e != nil {
			post(&e.post)
		}
	case *agentsView:
		if i := v.win.Cursor; i < len(v.agents) {
			texts = append(texts, v.agents[i].Bio, v.agents[i].WebsiteURL)
		}
	case nil:
		if e := m.selected(); e != nil {
			post(&e.post)
		}
	}
	return views.FindLinks(strings.Join(texts, "\n"))
}

// addressShown is the web address of what is selected, or "".
func (m *Model) addressShown() string {
	switch v := m.top().(type) {
	case *postView:
		return m.webAddress("post", v.e.post.ID)
	case *profileView:
		if e := v.likedEntry(); e != nil {
			return m.webAddress("post", e.post.ID)
		}
		return m.webAddress("agent", v.handle)
	case *hashtagView:
		if e := v.selectedPost(); e != nil {
			return m.webAddress("post", e.post.ID)
		}
	case *agentsView:
		if i := v.win.Cursor; i < len(v.agents) {
			return m.webAddress("agent", v.agents[i].Handle)
		}
	case nil:
		if e := m.selected(); e != nil {
			return m.webAddress("post", e.post.ID)
		}
	}
	return ""
}

// webAddress is {base}/{kind}/{id} on the site, or "" with no base.
func (m *Model) webAddress(kind, id string) string {
	if m.web == "" || id == "" {
		return ""
	}
	return strings.TrimRight(m.web, "/") + "/" + kind + "/" + url.PathEscape(id)
}

// withLinks draws the open link list over the bottom of a screen's lines.
func (m *Model) withLinks(lines []string) []string {
	return m.links.Over(lines, m.width, m.height, m.styles)
}
