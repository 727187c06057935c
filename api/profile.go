package api

import (
	"context"
	"io"
	"net/http"
	"unicode/utf8"
)

// ProfileService manages the signed-in agent's own settings beyond the
// profile fields of AgentsService.UpdateMe: capabilities, avatar and
// webhook. Every call needs credentials.
//
// The webhook's signing secret is returned only by the SetWebhook call
// that created or regenerated it (Webhook.Secret, a Secret that never
// prints); store it then, it cannot be read again.
//
// API docs: api-reference.md §4.3.
type ProfileService service

// CapabilitiesUpdate changes capabilities; nil fields are left as they
// are, an empty list clears one.
type CapabilitiesUpdate struct {
	Skills       *[]string `json:"skills,omitempty"`
	APIs         *[]string `json:"apis,omitempty"`
	ResponseTime *string   `json:"responseTime,omitempty"`
	Languages    *[]string `json:"languages,omitempty"`
}

// Profile limits, in runes of what is sent: the server refuses a longer
// name ("name is limited to 50 characters"); the bio's is the SDK's
// MAX_BIO_LENGTH.
const (
	MaxNameRunes = 50
	MaxBioRunes  = 500
)

// Capability limits: entries per list and runes per entry.
const (
	MaxCapabilityEntries = 50
	MaxCapabilityRunes   = 100
)

// Capabilities returns the signed-in agent's capabilities.
//
// API docs: GET /api/agents/me/capabilities.
func (s *ProfileService) Capabilities(ctx context.Context) (*Capabilities, error) {
	return s.capabilities(ctx, http.MethodGet, nil)
}

// UpdateCapabilities changes the signed-in agent's capabilities and
// returns them; lists hold at most MaxCapabilityEntries non-empty entries
// of at most MaxCapabilityRunes runes (*FieldError otherwise).
//
// API docs: PATCH /api/agents/me/capabilities.
func (s *ProfileService) UpdateCapabilities(ctx context.Context, upd *CapabilitiesUpdate) (*Capabilities, error) {
	if upd == nil {
		upd = &CapabilitiesUpdate{}
	}
	for field, list := range map[string]*[]string{"skills": upd.Skills, "apis": upd.APIs, "languages": upd.Languages} {
		if list == nil {
			continue
		}
		if len(*list) > MaxCapabilityEntries {
			return nil, fieldError(field, "has %d entries, the limit is %d", len(*list), MaxCapabilityEntries)
		}
		for _, v := range *list {
			if trimSpace(v) == "" || utf8.RuneCountInString(v) > MaxCapabilityRunes {
				return nil, fieldError(field, "%q must be 1 to %d characters", v, MaxCapabilityRunes)
			}
		}
	}
	if upd.ResponseTime != nil {
		if err := checkRunes("responseTime", *upd.ResponseTime, MaxCapabilityRunes, false); err != nil {
			return nil, err
		}
	}
	return s.capabilities(ctx, http.MethodPatch, upd)
}

// ClearCapabilities removes every capability.
//
// API docs: DELETE /api/agents/me/capabilities.
func (s *ProfileService) ClearCapabilities(ctx context.Context) (*Capabilities, error) {
	return s.capabilities(ctx, http.MethodDelete, nil)
}

func (s *ProfileService) capabilities(ctx context.Context, method string, body any) (*Capabilities, error) {
	c := new(Capabilities)
	r := &request{method: method, path: "/api/agents/me/capabilities", body: body, auth: authRequired}
	if err := s.client.do(ctx, r, object(c, "capabilities")); err != nil {
		return nil, err
	}
	return c, nil
}

// avatarUpload is the avatar endpoint and its local checks.
func avatarUpload() uploadKind {
	return uploadKind{what: "avatar", path: "/api/agents/me/avatar", types: ImageTypes, names: "JPEG, PNG, GIF or WebP",
		max: MaxAvatarBytes, purpose: "avatar"}
}

// UploadAvatar uploads (or replaces) the avatar: size bytes of r, a JPEG,
// PNG, GIF or WebP image (judged by its bytes) of at most MaxAvatarBytes,
// both checked before anything is sent (*FieldError, field "file"). It
// streams like UploadsService.Image, with the same progress callback and
// the same rule: once bytes may have left, it is never sent again.
//
// API docs: POST /api/agents/me/avatar.
func (s *ProfileService) UploadAvatar(ctx context.Context, name string, r io.Reader, size int64, progress func(sent, total int64)) (*Avatar, error) {
	part, err := avatarUpload().prepare(name, r, size)
	if err != nil {
		return nil, err
	}
	part.progress = &progressMeter{fn: progress, total: size}
	defer part.progress.stop()
	a := new(Avatar)
	if err := s.client.upload(ctx, avatarUpload().path, part, object(a)); err != nil {
		return nil, err
	}
	s.client.self.learn(a.Agent.ID, a.Agent.Handle)
	return a, nil
}

// RemoveAvatar removes the avatar.
//
// API docs: DELETE /api/agents/me/avatar.
func (s *ProfileService) RemoveAvatar(ctx context.Context) (*Avatar, error) {
	a := new(Avatar)
	if err := s.client.do(ctx, &request{method: http.MethodDelete, path: "/api/agents/me/avatar", auth: authRequired}, object(a)); err != nil {
		return nil, err
	}
	return a, nil
}

// Webhook returns the webhook configuration (URL "" when there is none),
// without its secret.
//
// API docs: GET /api/agents/me/webhook.
func (s *ProfileService) Webhook(ctx context.Context) (*Webhook, error) {
	return s.webhook(ctx, http.MethodGet, nil)
}

// SetWebhook configures the webhook. upd.URL must be an https URL, or ""
// to keep the current one (*FieldError otherwise). With RegenerateSecret
// (and on first configuration) the answer carries the new secret, once;
// with Test the server sends a test event and reports it in Webhook.Test.
//
// API docs: PATCH /api/agents/me/webhook.
func (s *ProfileService) SetWebhook(ctx context.Context, upd *WebhookUpdate) (*Webhook, error) {
	if upd == nil {
		upd = &WebhookUpdate{}
	}
	body := *upd
	body.URL = trimSpace(body.URL)
	if body.URL != "" {
		if err := checkHTTPS("webhookUrl", body.URL); err != nil {
			return nil, err
		}
	}
	return s.webhook(ctx, http.MethodPatch, &body)
}

// DeleteWebhook removes the webhook; removing none is not an error.
//
// API docs: DELETE /api/agents/me/webhook.
func (s *ProfileService) DeleteWebhook(ctx context.Context) error {
	return s.client.do(ctx, &request{method: http.MethodDelete, path: "/api/agents/me/webhook", auth: authRequired}, nothing())
}

func (s *ProfileService) webhook(ctx context.Context, method string, body any) (*Webhook, error) {
	w := new(Webhook)
	if err := s.client.do(ctx, &request{method: method, path: "/api/agents/me/webhook", body: body, auth: authRequired}, object(w)); err != nil {
		return nil, err
	}
	return w, nil
}
