package api

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ServicesService manages the signed-in agent's connected services: the
// AI provider API keys that content generation runs on. The server stores
// the keys encrypted and only ever shows them masked; the client sends a
// key exactly once (Connect) and keeps it as a Secret, which never prints.
// No error value this service returns holds a request body, so a key
// cannot leak through an error message either.
//
// API docs: api-reference.md §4.10.
type ServicesService service

// maxAPIKeyBytes bounds a provider key: real keys are a few hundred bytes
// at most, and anything far longer is a paste gone wrong.
const maxAPIKeyBytes = 1024

// providerSegment is what a provider name may look like in a path.
var providerSegment = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)

// FieldError is a request the client refused to send because one field
// breaks a documented rule. It matches ErrValidation; Field names the field
// as the API spells it (prompt, generationType, apiKey, file…) and Message
// says what is wrong in words fit for a form.
type FieldError struct {
	Field   string
	Message string
}

// Error implements error.
func (e *FieldError) Error() string {
	return fmt.Sprintf("%v: %s: %s", ErrValidation, e.Field, e.Message)
}

// Is matches ErrValidation.
func (e *FieldError) Is(target error) bool { return target == ErrValidation }

// fieldError returns a *FieldError with a formatted message.
func fieldError(field, format string, args ...any) error {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// normalizeProvider upper-cases a provider name as the API spells it.
func normalizeProvider(p string) string { return strings.ToUpper(strings.TrimSpace(p)) }

// checkProvider accepts one of the documented Providers (any case).
func checkProvider(p string) (string, error) {
	p = normalizeProvider(p)
	switch {
	case p == "":
		return "", fieldError("provider", "choose one of %s", strings.Join(Providers, ", "))
	case !slices.Contains(Providers, p):
		return "", fieldError("provider", "%q is not one of %s", p, strings.Join(Providers, ", "))
	}
	return p, nil
}

// providerPath returns the path of a connected service. Any well-formed
// provider name is accepted, not only the documented ones, so that a
// service connected by another client (an SDK provider this client does not
// list) can still be switched off, tested and removed.
func providerPath(p string) (string, error) {
	p = normalizeProvider(p)
	if !providerSegment.MatchString(p) {
		return "", fieldError("provider", "%q is not a provider name", p)
	}
	return "/api/settings/services/" + url.PathEscape(p), nil
}

// checkAPIKey trims a pasted key and checks it is one plausible token. The
// messages never quote the key.
func checkAPIKey(k Secret) (Secret, error) {
	s := strings.TrimSpace(k.Reveal())
	switch {
	case s == "":
		return "", fieldError("apiKey", "is empty")
	case len(s) > maxAPIKeyBytes:
		return "", fieldError("apiKey", "is longer than %d characters", maxAPIKeyBytes)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return "", fieldError("apiKey", "must be a single word without spaces or control characters")
	}
	return Secret(s), nil
}

// connectBody is the body of Connect. The key stays a Secret (printing the
// body shows [REDACTED]); only MarshalJSON, on its way to the server,
// reveals it.
type connectBody struct {
	Provider string
	APIKey   Secret
}

// MarshalJSON implements json.Marshaler with the real key.
func (b connectBody) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Provider string `json:"provider"`
		APIKey   string `json:"apiKey"`
	}{b.Provider, b.APIKey.Reveal()})
}

// minRedactRunes is the shortest key redactKey looks for: replacing a
// shorter one would mangle ordinary words of a message.
const minRedactRunes = 6

// redactKey removes the key from the server text of an error, for a
// server that echoes what it was sent.
func redactKey(err error, key Secret) error {
	var ae *Error
	k := key.Reveal()
	if utf8.RuneCountInString(k) >= minRedactRunes && errors.As(err, &ae) {
		ae.Code = strings.ReplaceAll(ae.Code, k, redacted)
		ae.Message = strings.ReplaceAll(ae.Message, k, redacted)
	}
	return err
}

// List returns the connected services and the providers the server
// accepts (the documented Providers when it does not say). Keys are masked.
//
// API docs: GET /api/settings/services.
func (s *ServicesService) List(ctx context.Context) ([]ConnectedService, []string, error) {
	var out serviceList
	r := &request{method: http.MethodGet, path: "/api/settings/services", auth: authRequired}
	if err := s.client.do(ctx, r, servicesTarget{out: &out}); err != nil {
		return nil, nil, err
	}
	return out.Services, out.Providers, nil
}

// Connect stores an API key for a provider (one of Providers, any case),
// replacing the key already stored for it, and returns the service with
// the key masked. The key is trimmed and must be one non-empty word; this
// and the provider are checked before sending (*FieldError). Like every
// POST, Connect is not resent once it may have reached the server
// (*UnknownOutcomeError): List shows whether the key was stored.
//
// API docs: POST /api/settings/services.
func (s *ServicesService) Connect(ctx context.Context, provider string, apiKey Secret) (*ConnectedService, error) {
	p, err := checkProvider(provider)
	if err != nil {
		return nil, err
	}
	key, err := checkAPIKey(apiKey)
	if err != nil {
		return nil, err
	}
	svc := new(ConnectedService)
	r := &request{method: http.MethodPost, path: "/api/settings/services", body: connectBody{Provider: p, APIKey: key}, auth: authRequired}
	if err := s.client.do(ctx, r, object(svc, "service")); err != nil {
		return nil, redactKey(err, key)
	}
	svc.Provider = cmp.Or(svc.Provider, p)
	return svc, nil
}

// SetActive switches a connected service on or off without removing its
// key; generation needs an active service. A provider that is not
// connected is ErrNotFound.
//
// API docs: PATCH /api/settings/services/{provider}.
func (s *ServicesService) SetActive(ctx context.Context, provider string, active bool) (*ConnectedService, error) {
	path, err := providerPath(provider)
	if err != nil {
		return nil, err
	}
	svc := new(ConnectedService)
	r := &request{method: http.MethodPatch, path: path, body: map[string]bool{"isActive": active}, auth: authRequired}
	if err := s.client.do(ctx, r, object(svc, "service")); err != nil {
		return nil, err
	}
	svc.Provider = cmp.Or(svc.Provider, normalizeProvider(provider))
	return svc, nil
}

// Disconnect deletes the key stored for a provider. A provider that is not
// connected is ErrNotFound, except when an earlier attempt of this call may
// have deleted it (DELETE is retried).
//
// API docs: DELETE /api/settings/services/{provider}.
func (s *ServicesService) Disconnect(ctx context.Context, provider string) error {
	path, err := providerPath(provider)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path, auth: authRequired}, nothing())
}

// Test asks the server to check the stored key with the provider. A key the
// provider rejects is not an error: the answer says Success false and why
// (invalid key, quota, permissions). A provider that is not connected is
// ErrNotFound.
//
// API docs: POST /api/settings/services/{provider}/test.
func (s *ServicesService) Test(ctx context.Context, provider string) (*ServiceTest, error) {
	path, err := providerPath(provider)
	if err != nil {
		return nil, err
	}
	t := new(ServiceTest)
	if err := s.client.do(ctx, &request{method: http.MethodPost, path: path + "/test", auth: authRequired}, object(t, "result")); err != nil {
		return nil, err
	}
	return t, nil
}
