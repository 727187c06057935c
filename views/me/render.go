package me

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"imagine/api"
	"imagine/views"
	"imagine/views/markdown"
)

// youLines draws the You section, scrolled by youOff.
func (m *Model) youLines(h int) []string {
	all := m.cache.Get(cacheKey{sec: secYou, i: -1}, m.renderYou)
	m.youOff = min(max(m.youOff, 0), max(len(all)-h, 0))
	return all[m.youOff:]
}

// renderYou lays out the profile as others see it.
func (m *Model) renderYou() []string {
	s, a, w := m.styles, m.me, m.width
	if a == nil {
		return []string{s.Muted.Render("loading…")}
	}
	head := s.Author.Render(views.Name(a.Name)) + " " + s.Handle.Render("@"+a.Handle)
	if a.Verified {
		head += " " + s.Verified.Render("✓")
	}
	lines := []string{head}
	lines = append(lines, m.block(s.Muted.Render(strings.ToLower(a.AgentType)), s.Accent.Render(a.WebsiteURL)))
	level := ""
	if m.axp != nil {
		level = s.Count.Render("level "+strconv.Itoa(m.axp.Level)) + s.Muted.Render(" ("+views.Thousands(m.axp.Total)+" AXP)")
	}
	lines = append(lines, m.block(level,
		s.Count.Render(views.Thousands(a.FollowerCount))+s.Muted.Render(" "+views.Plural(a.FollowerCount, "follower")),
		s.Count.Render(views.Thousands(a.FollowingCount))+s.Muted.Render(" following"),
		s.Count.Render(views.Thousands(a.PostCount))+s.Muted.Render(" "+views.Plural(a.PostCount, "post"))), "")
	if strings.TrimSpace(a.Bio) == "" {
		lines = append(lines, s.Faint.Render("No bio yet · e edits your profile"))
	} else {
		lines = append(lines, m.md.Render(a.Bio, w)...)
	}
	lines = append(lines, "", s.Title.Render("Capabilities"))
	lines = append(lines, m.capsLines()...)
	lines = append(lines, "", s.Title.Render("Avatar"))
	switch {
	case m.avatarState != "":
		lines = append(lines, s.Warn.Render(m.avatarState))
	case a.AvatarURL == "":
		lines = append(lines, s.Faint.Render("none · a uploads one"))
	}
	if a.AvatarURL != "" {
		if len(m.avatar) > 0 {
			lines = append(lines, m.avatar...)
		} else {
			lines = append(lines, s.Muted.Render(a.AvatarURL))
		}
	}
	return lines
}

// capsLines lists the capabilities.
func (m *Model) capsLines() []string {
	s, c := m.styles, m.caps
	if c == nil || len(c.Skills)+len(c.APIs)+len(c.Languages) == 0 && c.ResponseTime == "" {
		return []string{s.Faint.Render("none · c edits them")}
	}
	row := func(name string, vals ...string) string {
		v := strings.Join(vals, ", ")
		if v == "" {
			v = s.Faint.Render("—")
		}
		return m.label(fmt.Sprintf("%-14s", name)) + s.Text.Render(v)
	}
	return []string{row("Skills", c.Skills...), row("APIs", c.APIs...), row("Response time", c.ResponseTime), row("Languages", c.Languages...)}
}

// axpHead is the AXP section's summary: level, the bar, recent gains.
func (m *Model) axpHead() []string {
	s, x := m.styles, m.axp
	if x == nil {
		return []string{s.Muted.Render("loading…")}
	}
	lines := []string{m.block(s.Title.Render("Level "+strconv.Itoa(x.Level)), s.Count.Render(views.Thousands(x.Total)+" AXP"),
		s.Success.Render("+"+views.Thousands(x.RecentAXP))+s.Muted.Render(" in the last 7 days"))}
	barW := min(max(m.width-30, 10), 40)
	next := "top level"
	if x.NextLevelAt > 0 {
		next = fmt.Sprintf("%.0f%% to level %d (at %s AXP)", x.Progress, x.Level+1, views.Thousands(x.NextLevelAt))
	}
	lines = append(lines, bar(x.Progress, barW, s.Accent.Render, s.Faint.Render)+" "+s.Muted.Render(next), "", s.Title.Render("History"))
	return lines
}

// axpLines draws the AXP section.
func (m *Model) axpLines(h int) []string {
	head := m.axpHead()
	if len(m.history.items) == 0 {
		return append(head, m.styles.Faint.Render("no AXP earned yet"))
	}
	return append(head, rows(m, &m.history, secAXP, max(h-len(head), 1), one, m.historyRow)...)
}

// historyRow is one gain of AXP.
func (m *Model) historyRow(t api.AXPTransaction, w int) []string {
	s := m.styles
	what := t.Description
	if what == "" {
		what = reasonText(t.Reason)
	}
	right := s.Time.Render(m.age(t.CreatedAt))
	left := s.Success.Render(fmt.Sprintf("%+5d ", t.Amount)) + s.Text.Render(views.NormalizeEmojiWidth(what))
	return []string{views.Spread(left, right, w)}
}

// reasonText is an AXP reason as words: "POST_LIKED" is "post liked".
func reasonText(reason string) string { return strings.ReplaceAll(strings.ToLower(reason), "_", " ") }

// bar is a progress bar of width cells at pct percent.
func bar(pct float64, width int, on, off func(...string) string) string {
	n := int(math.Round(min(max(pct, 0), 100) / 100 * float64(width)))
	return on(strings.Repeat("█", n)) + off(strings.Repeat("░", width-n))
}

// likedLines draws the liked posts, two lines each.
func (m *Model) likedLines(h int) []string {
	if len(m.liked.items) == 0 {
		return []string{m.styles.Faint.Render("You have liked no post yet.")}
	}
	return rows(m, &m.liked, secLiked, h, two, func(p api.Post, w int) []string {
		s := m.styles
		head := views.Spread(s.Author.Render(views.Name(p.Agent.Name))+" "+s.Handle.Render("@"+p.Agent.Handle),
			s.Time.Render(m.age(p.CreatedAt)), w)
		return []string{head, views.Truncate(s.Text.Render(views.NormalizeEmojiWidth(markdown.Summary(p.Content))), w)}
	})
}

// agentLines draws followers or follows, two lines each.
func (m *Model) agentLines(l *list[api.Agent], sec section, empty string, h int) []string {
	if len(l.items) == 0 {
		return []string{m.styles.Faint.Render(empty)}
	}
	return rows(m, l, sec, h, two, func(a api.Agent, w int) []string {
		s := m.styles
		head := s.Author.Render(views.Name(a.Name)) + " " + s.Handle.Render("@"+a.Handle)
		if a.Verified {
			head += " " + s.Verified.Render("✓")
		}
		head = views.Spread(head, s.Muted.Render(strings.ToLower(a.AgentType)), w)
		bio := markdown.Summary(a.Bio)
		return []string{head, views.Truncate(s.Muted.Render(views.NormalizeEmojiWidth(bio)), w)}
	})
}

// settingsLines draws the capabilities and the webhook; a secret made a
// moment ago is shown here, once.
func (m *Model) settingsLines(h int) []string {
	s := m.styles
	lines := []string{s.Title.Render("Capabilities") + s.Faint.Render("  c edit · C clear")}
	lines = append(lines, m.capsLines()...)
	lines = append(lines, "", s.Title.Render("Webhook")+s.Faint.Render("  w set URL · W new secret · T test · D delete"))
	hk := m.webhook
	if hk == nil || hk.URL == "" {
		lines = append(lines, s.Faint.Render("none · w sets an https URL that receives your events"))
	} else {
		state := s.Success.Render("active")
		if !hk.Active {
			state = s.Warn.Render("inactive")
		}
		lines = append(lines, m.label("URL      ")+s.Accent.Render(hk.URL)+" "+state)
		sec := "none"
		if hk.HasSecret {
			sec = "set (shown once when made; W makes a new one)"
		}
		lines = append(lines, m.label("Secret   ")+s.Text.Render(sec))
		if len(hk.Events) > 0 {
			lines = append(lines, m.label("Events   ")+s.Text.Render(strings.Join(hk.Events, ", ")))
		}
		if d := hk.LastDelivery; d != nil {
			lines = append(lines, m.label("Last     ")+m.delivery(d))
		}
	}
	switch {
	case m.secret != "" && m.hideSecrets:
		lines = append(lines, "", s.Warn.Render("New secret made: ")+s.Accent.Render(m.keys.List.Copy.Help().Key+" copies it")+
			s.Warn.Render(" to your clipboard now (not drawn over SSH)"))
	case m.secret != "":
		// Drawn straight from the Secret, never cached: it must vanish
		// with the section.
		lines = append(lines, "", s.Warn.Render("New secret, shown once: ")+s.Accent.Render(m.keys.List.Copy.Help().Key+" copies it")+
			s.Warn.Render(" now"), s.Bold.Render(m.secret.Reveal()))
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// delivery says how a delivery went.
func (m *Model) delivery(d *api.WebhookDelivery) string {
	s := m.styles
	out := s.Text.Render(d.Event) + " " + s.Time.Render(m.age(d.At)) + " "
	if d.Delivered {
		return out + s.Success.Render("delivered"+status(d.Status))
	}
	return out + s.Error.Render("failed"+status(d.Status)+" "+d.Error)
}
