package me

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Update implements ui.Pane.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		return m.loaded(msg)
	case views.ShownMsg:
		return m.shown()
	case formMsg:
		return m.formUpdate(msg.seq, msg.msg)
	case savedMsg:
		return m.saved(msg)
	case hookMsg:
		return m.hooked(msg)
	case clearedMsg:
		return m.cleared(msg)
	case avatarMsg:
		return m.avatarDone(msg)
	case previewMsg:
		return m.previewed(msg)
	case composer.PickedMsg:
		if msg.ID != composerID {
			return nil
		}
		return m.uploadAvatar(msg.Path)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.form != nil {
			return m.formUpdate(m.form.Seq, msg)
		}
		if m.filterTyping() {
			m.filterInput(msg)
			return nil
		}
		return m.comp.Update(msg)
	}
	return m.comp.Update(msg)
}

// key handles a key press: the picker and a form first, then the `/`
// filter (filter.go), then the section's keys, then the pane's.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.comp.IsOpen() {
		return m.comp.Update(msg)
	}
	if m.form != nil {
		return m.formKey(msg)
	}
	if m.links.IsOpen() {
		return m.links.Key(msg, m.keys)
	}
	if m.filterTyping() {
		m.filterInput(msg)
		return nil
	}
	if cmd, ok := m.filterKey(msg); ok {
		return cmd
	}
	pk := m.keys.Profile
	switch {
	case key.Matches(msg, m.keys.List.Links):
		return m.links.Show(views.FindLinks(strings.Join(m.linkTexts(), "\n")))
	case key.Matches(msg, m.keys.List.Copy):
		return m.copyShown()
	case key.Matches(msg, pk.Section):
		return m.switchSection(1)
	case key.Matches(msg, pk.PrevSection):
		return m.switchSection(-1)
	case key.Matches(msg, pk.Edit):
		return m.openProfileForm()
	case key.Matches(msg, pk.Avatar):
		return m.pickAvatar()
	case key.Matches(msg, pk.RemoveAvatar):
		return m.removeAvatar()
	case key.Matches(msg, pk.Capabilities):
		return m.openCapsForm()
	case key.Matches(msg, pk.ClearCapabilities):
		return m.clearCaps()
	case key.Matches(msg, pk.Webhook):
		return m.openWebhookForm()
	case key.Matches(msg, pk.Regenerate):
		return m.regenerate()
	case key.Matches(msg, pk.TestWebhook):
		return m.testWebhook()
	case key.Matches(msg, pk.DeleteWebhook):
		return m.deleteWebhook()
	case key.Matches(msg, pk.Range):
		return m.nextRange()
	case key.Matches(msg, pk.Sort):
		return m.nextSort()
	case key.Matches(msg, pk.Report):
		return m.report()
	case key.Matches(msg, m.keys.List.Open):
		return m.open()
	}
	if m.section == secYou {
		views.Scroll(msg, m.keys.List, &m.youOff, m.bodyHeight())
		return nil
	}
	if m.navigate(msg) {
		return m.more()
	}
	return nil
}

// navigate moves the cursor of the section's list.
func (m *Model) navigate(msg tea.KeyPressMsg) bool {
	l := m.listOf(m.section)
	if l == nil {
		return false
	}
	return l.window().Navigate(msg, m.keys.List, l.size(), m.listHeight(m.section), rowHeight(m.section))
}

// one and two are the heights of one- and two-line rows.
func one(int) int { return 1 }
func two(int) int { return 2 }

// open opens the selected post or profile on the pane's stack.
func (m *Model) open() tea.Cmd {
	switch m.section {
	case secAnalytics:
		if p, ok := selected(&m.perf); ok {
			return views.Open(views.OpenPostMsg{PostID: p.PostID})
		}
	case secLiked:
		if p, ok := selected(&m.liked); ok {
			return views.Open(views.OpenPostMsg{PostID: p.ID, Post: &p})
		}
	case secFollowers:
		if a, ok := selected(&m.follower); ok {
			return views.Open(views.OpenProfileMsg{Handle: a.Handle})
		}
	case secFollowing:
		if a, ok := selected(&m.follows); ok {
			return views.Open(views.OpenProfileMsg{Handle: a.Handle})
		}
	case secYou, secAXP, secSettings, sectionCount:
	}
	return nil
}

// selected is the list's selected item.
func selected[T any](l *list[T]) (T, bool) {
	if l.win.Cursor < 0 || l.win.Cursor >= len(l.items) {
		var zero T
		return zero, false
	}
	return l.items[l.win.Cursor], true
}

// reportTarget is what ! would report: a liked post of someone else, or
// a follower or a follow. The operator's own posts are not reported.
func (m *Model) reportTarget() (views.ReportMsg, string) {
	switch m.section {
	case secLiked:
		p, ok := selected(&m.liked)
		switch {
		case !ok:
			return views.ReportMsg{}, "no post selected"
		case m.mine(p.Agent):
			return views.ReportMsg{}, "this post is yours"
		}
		return views.ReportMsg{Kind: views.ReportPost, ID: p.ID, Label: "the post by @" + p.Agent.Handle}, ""
	case secFollowers, secFollowing:
		l := &m.follower
		if m.section == secFollowing {
			l = &m.follows
		}
		a, ok := selected(l)
		if !ok {
			return views.ReportMsg{}, "no agent selected"
		}
		return views.ReportMsg{Kind: views.ReportAgent, ID: a.ID, Label: "@" + a.Handle}, ""
	case secYou, secAXP, secAnalytics, secSettings, sectionCount:
	}
	return views.ReportMsg{}, "reports are for others' posts and agents (Liked, Followers, Following)"
}

// report asks the root for the report form over the pane.
func (m *Model) report() tea.Cmd {
	t, why := m.reportTarget()
	if why != "" {
		return views.Status(views.LevelInfo, why)
	}
	return views.Open(t)
}

// mine reports whether a is the operator.
func (m *Model) mine(a api.Agent) bool {
	return m.me != nil && (a.ID != "" && a.ID == m.me.ID || a.Handle == m.me.Handle)
}

// nextRange switches the analytics period and reads it.
func (m *Model) nextRange() tea.Cmd {
	m.rng = next(api.AnalyticsRanges, m.rng)
	m.section = secAnalytics
	m.cache.Clear()
	return m.read(secAnalytics, "")
}

// nextSort switches the post performance order and reads it.
func (m *Model) nextSort() tea.Cmd {
	m.sortBy = next(api.PerformanceSorts, m.sortBy)
	m.section = secAnalytics
	return m.read(secAnalytics, "")
}

// next is the value after cur in vals, wrapping.
func next(vals []string, cur string) string {
	for i, v := range vals {
		if v == cur {
			return vals[(i+1)%len(vals)]
		}
	}
	return vals[0]
}

// ActionDisabled implements views.ActionGate.
func (m *Model) ActionDisabled(id string) string {
	switch id {
	case "profile.report":
		_, why := m.reportTarget()
		return why
	case "list.filter":
		if m.listOf(m.section) == nil {
			return m.noFilter()
		}
	case "profile.avatar", "profile.capabilities", "profile.clear_capabilities", "profile.webhook":
		if m.settings == nil {
			return "not available in this session"
		}
	case "profile.remove_avatar":
		if m.me == nil || m.me.AvatarURL == "" {
			return "no avatar"
		}
	case "profile.regenerate", "profile.test_webhook", "profile.delete_webhook":
		if !m.hasWebhook() {
			return "no webhook set (w sets one)"
		}
	}
	return ""
}

// hasWebhook reports whether a webhook is configured, as last read.
func (m *Model) hasWebhook() bool { return m.webhook != nil && m.webhook.URL != "" }
