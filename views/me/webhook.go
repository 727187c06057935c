package me

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The webhook: w sets its URL (the form, https only), W makes a new
// secret (confirmed: the old one stops working), T asks the server for a
// test delivery, D deletes it (confirmed). The secret arrives once, in
// the answer that made it; the pane keeps it only to show it until the
// operator leaves the section or the pane, and never logs it (api.Secret
// prints as [REDACTED]).

// hookMsg answers a webhook action; deleted when it was removed.
type hookMsg struct {
	hook    *api.Webhook
	deleted bool
	what    string
	err     error
}

// setHook records a webhook answer: a secret in it is moved out of the
// record (it is shown from m.secret only) and the section is redrawn.
func (m *Model) setHook(h *api.Webhook, what string) tea.Cmd {
	if h.Secret != "" {
		m.secret = h.Secret
		h.Secret = ""
		what += "; " + m.keys.List.Copy.Help().Key + " copies the new secret, shown once"
	}
	m.webhook = h
	m.cache.Clear()
	if t := h.Test; t != nil {
		if t.Delivered {
			return views.Status(views.LevelInfo, "test delivered"+status(t.Status))
		}
		return views.Status(views.LevelWarn, "test not delivered"+status(t.Status)+": "+t.Error)
	}
	return views.Status(views.LevelInfo, what)
}

// status is an HTTP status for a sentence, "" when there was none.
func status(code int) string {
	if code == 0 {
		return ""
	}
	return " (HTTP " + strconv.Itoa(code) + ")"
}

// toSettings shows the Settings section after a webhook answer, reading
// it when it never was (the capabilities are drawn beside the webhook).
func (m *Model) toSettings(cmd tea.Cmd) tea.Cmd {
	if m.section != secSettings {
		m.section = secSettings
	}
	if m.readAt[secSettings].IsZero() && !m.loading[secSettings] {
		return tea.Batch(cmd, m.read(secSettings, ""))
	}
	return cmd
}

// regenerate asks before making a new secret.
func (m *Model) regenerate() tea.Cmd {
	if !m.hasWebhook() {
		return views.Status(views.LevelInfo, "no webhook set (w sets one)")
	}
	return views.Confirm("Make a new webhook secret?", "The current secret stops working at once; the new one is shown once.",
		m.setWebhook(&api.WebhookUpdate{RegenerateSecret: true}, "new secret made"))
}

// testWebhook asks the server to send a test event.
func (m *Model) testWebhook() tea.Cmd {
	if !m.hasWebhook() {
		return views.Status(views.LevelInfo, "no webhook set (w sets one)")
	}
	return tea.Batch(views.Status(views.LevelInfo, "sending a test delivery…"), m.setWebhook(&api.WebhookUpdate{Test: true}, "test sent"))
}

// setWebhook is the Cmd of a webhook update.
func (m *Model) setWebhook(upd *api.WebhookUpdate, what string) tea.Cmd {
	ctx, settings := api.Background(m.ctx), m.settings
	return func() tea.Msg {
		h, err := settings.SetWebhook(ctx, upd)
		return hookMsg{hook: h, what: what, err: err}
	}
}

// deleteWebhook asks before removing the webhook.
func (m *Model) deleteWebhook() tea.Cmd {
	if !m.hasWebhook() {
		return views.Status(views.LevelInfo, "no webhook set")
	}
	ctx, settings := api.Background(m.ctx), m.settings
	return views.Confirm("Delete your webhook?", "No more events are sent to "+m.webhook.URL+".", func() tea.Msg {
		return hookMsg{deleted: true, what: "webhook deleted", err: settings.DeleteWebhook(ctx)}
	})
}

// hooked applies a webhook action's answer.
func (m *Model) hooked(msg hookMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return views.Failed("webhook: "+msg.what, msg.err)
	case msg.deleted:
		m.webhook, m.secret = nil, ""
		m.cache.Clear()
		return views.Status(views.LevelInfo, msg.what)
	case msg.hook != nil:
		return m.toSettings(m.setHook(msg.hook, msg.what))
	}
	return nil
}

// clearCaps asks before clearing the capabilities.
func (m *Model) clearCaps() tea.Cmd {
	if m.settings == nil {
		return views.Status(views.LevelInfo, "settings are not available in this session")
	}
	ctx, settings := api.Background(m.ctx), m.settings
	return views.Confirm("Clear your capabilities?", "Skills, APIs, response time and languages are all removed.", func() tea.Msg {
		c, err := settings.ClearCapabilities(ctx)
		return clearedMsg{caps: c, err: err}
	})
}

// clearedMsg answers clearing the capabilities.
type clearedMsg struct {
	caps *api.Capabilities
	err  error
}

// cleared applies the capabilities' clearing.
func (m *Model) cleared(msg clearedMsg) tea.Cmd {
	if msg.err != nil {
		return views.Failed("couldn't clear the capabilities", msg.err)
	}
	m.caps = msg.caps
	if m.caps == nil {
		m.caps = &api.Capabilities{}
	}
	m.cache.Clear()
	return views.Status(views.LevelInfo, "capabilities cleared")
}
