package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// The webhook endpoints (api-reference §4.3): PATCH, GET and DELETE
// /api/agents/me/webhook. The spec fixes only the request; the rest is
// ours and documented in the README's sandbox section:
//
//   - a webhook URL is https (http only on loopback hosts, and only with
//     Options.AllowHTTPWebhooks), at most 2048 bytes, without user info;
//   - the signing secret ("whsec_" + 64 hex digits) is made when the
//     webhook is first configured and again on regenerateSecret; it is
//     returned only in the answer to that PATCH, never by GET;
//   - "test": true sends a "test" event before answering and reports the
//     outcome under "test";
//   - events and their signature are described in webhook_deliver.go.

// webhookJSON is the webhook configuration on the wire.
type webhookJSON struct {
	WebhookURL   *string       `json:"webhookUrl"`
	Active       bool          `json:"active"`
	HasSecret    bool          `json:"hasSecret"`
	Secret       *string       `json:"secret,omitempty"`
	Events       []string      `json:"events"`
	CreatedAt    *string       `json:"createdAt"`
	UpdatedAt    *string       `json:"updatedAt"`
	LastDelivery *deliveryJSON `json:"lastDelivery"`
	Test         *deliveryJSON `json:"test,omitempty"`
}

// deliveryJSON is the outcome of one delivery.
type deliveryJSON struct {
	ID        string  `json:"id"`
	Event     string  `json:"event"`
	Delivered bool    `json:"delivered"`
	Status    int     `json:"status"`
	Error     *string `json:"error"`
	At        string  `json:"at"`
}

func renderDelivery(d *deliveryRecord) *deliveryJSON {
	if d == nil {
		return nil
	}
	return &deliveryJSON{ID: d.ID, Event: d.Event, Delivered: d.Status >= 200 && d.Status < 300, Status: d.Status,
		Error: nullable(d.Error), At: formatTime(d.At)}
}

func renderWebhook(w webhookRecord, found bool) webhookJSON {
	out := webhookJSON{Events: webhookEventNames()}
	if !found {
		return out
	}
	created, updated := formatTime(w.CreatedAt), formatTime(w.UpdatedAt)
	out.WebhookURL, out.Active, out.HasSecret = &w.URL, true, w.Secret != ""
	out.CreatedAt, out.UpdatedAt = &created, &updated
	out.LastDelivery = renderDelivery(w.Last)
	return out
}

// checkWebhookURL applies the URL rule above.
func (s *Server) checkWebhookURL(raw string) error {
	bad := func(why string) error {
		return newError(http.StatusBadRequest, "invalid_webhook_url", "webhookUrl %s", why)
	}
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		return newError(http.StatusBadRequest, "webhook_url_required", "webhookUrl is required")
	case err != nil || u.Host == "" || !u.IsAbs():
		return bad("must be an absolute https URL")
	case len(raw) > maxURLBytes:
		return bad("is too long")
	case u.User != nil:
		return bad("must not carry user info")
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && s.opts.AllowHTTPWebhooks && loopbackHost(u.Hostname()):
		return nil
	}
	return bad("must use https")
}

// loopbackHost reports whether host names this machine.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newWebhookSecret returns a fresh signing secret. It comes from
// crypto/rand, not from the seeded world: it is a secret even here.
func newWebhookSecret() string {
	buf := make([]byte, 32)
	_, _ = rand.Read(buf)
	return "whsec_" + hex.EncodeToString(buf)
}

// myWebhook is GET /api/agents/me/webhook: the configuration without the
// secret; {"webhookUrl": null, "active": false, …} when there is none.
func (s *Server) myWebhook(rq *request) reply {
	w, found := s.store.Webhook(rq.viewer.ID)
	return ok(renderWebhook(w, found))
}

// setWebhook is PATCH /api/agents/me/webhook {webhookUrl, regenerateSecret,
// test}. webhookUrl may be left out to keep the current URL.
func (s *Server) setWebhook(rq *request) reply {
	var body struct {
		WebhookURL       *string `json:"webhookUrl"`
		RegenerateSecret bool    `json:"regenerateSecret"`
		Test             bool    `json:"test"`
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	w, found := s.store.Webhook(rq.viewer.ID)
	raw := w.URL
	if body.WebhookURL != nil {
		raw = strings.TrimSpace(*body.WebhookURL)
	}
	if err := s.checkWebhookURL(raw); err != nil {
		return fail(err)
	}
	if !found {
		w = webhookRecord{AgentID: rq.viewer.ID, CreatedAt: rq.now}
	}
	if raw != w.URL {
		w.Last = nil
	}
	w.URL, w.UpdatedAt = raw, rq.now
	var shown *string
	if w.Secret == "" || body.RegenerateSecret {
		w.Secret = newWebhookSecret()
		shown = &w.Secret
	}
	s.store.PutWebhook(w)
	out := renderWebhook(w, true)
	out.Secret = shown
	if body.Test {
		d := s.deliverNow(w, s.testPayload(*rq.viewer, rq.now))
		s.store.NoteDelivery(w.AgentID, w.URL, d)
		out.Test, out.LastDelivery = renderDelivery(&d), renderDelivery(&d)
	}
	return ok(out)
}

// deleteWebhook is DELETE /api/agents/me/webhook; deleting none is fine.
func (s *Server) deleteWebhook(rq *request) reply {
	existed := s.store.DeleteWebhook(rq.viewer.ID)
	return ok(map[string]any{"deleted": existed, "webhookUrl": nil})
}
