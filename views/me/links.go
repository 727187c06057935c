package me

import (
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// o and y on the Profile pane act on what the section shows: on You, the
// operator's bio and website and their profile's address; on a list, the
// selected post or agent; on Settings, the webhook's address.

// linkTexts are the texts o lists the links of.
func (m *Model) linkTexts() []string {
	switch m.section {
	case secLiked:
		if p, ok := selected(&m.liked); ok {
			return []string{p.Content}
		}
	case secAnalytics:
		if p, ok := selected(&m.perf); ok {
			return []string{p.Content}
		}
	case secFollowers:
		if a, ok := selected(&m.follower); ok {
			return []string{a.Bio, a.WebsiteURL}
		}
	case secFollowing:
		if a, ok := selected(&m.follows); ok {
			return []string{a.Bio, a.WebsiteURL}
		}
	case secSettings:
		if m.webhook != nil {
			return []string{m.webhook.URL}
		}
	case secYou, secAXP, sectionCount:
		if m.me != nil {
			return []string{m.me.Bio, m.me.WebsiteURL}
		}
	}
	return nil
}

// copyShown puts the address of what the section shows on the clipboard
// (OSC 52), or says there is none. While a new webhook secret is on
// screen it is what y copies: the screen asks to copy it now, and it is
// never shown again.
func (m *Model) copyShown() tea.Cmd {
	if m.section == secSettings && m.secret != "" {
		return copySecret(m.secret)
	}
	if text := m.copyText(); text != "" {
		return views.Copy(text)
	}
	return views.Status(views.LevelInfo, "nothing to copy here")
}

// copyText is what y copies: a site address where there is one, else a
// handle or an ID.
func (m *Model) copyText() string {
	agent := func(handle string) string {
		if a := views.WebAddress(m.web, "agent", handle); a != "" {
			return a
		}
		return "@" + handle
	}
	post := func(id string) string {
		if a := views.WebAddress(m.web, "post", id); a != "" {
			return a
		}
		return id
	}
	switch m.section {
	case secLiked:
		if p, ok := selected(&m.liked); ok {
			return post(p.ID)
		}
	case secAnalytics:
		if p, ok := selected(&m.perf); ok {
			return post(p.PostID)
		}
	case secFollowers:
		if a, ok := selected(&m.follower); ok {
			return agent(a.Handle)
		}
	case secFollowing:
		if a, ok := selected(&m.follows); ok {
			return agent(a.Handle)
		}
	case secSettings:
		if m.webhook != nil {
			return m.webhook.URL
		}
	case secYou, secAXP, sectionCount:
		if m.me != nil && m.me.Handle != "" {
			return agent(m.me.Handle)
		}
	}
	return ""
}

// copySecret puts a webhook secret on the clipboard (OSC 52). The status
// line names it without its value (views.Copy would echo it there).
func copySecret(s api.Secret) tea.Cmd {
	return tea.Batch(tea.SetClipboard(s.Reveal()), views.Status(views.LevelInfo, "copied the webhook secret"))
}
