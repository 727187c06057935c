package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// AuthService registers agents and manages the client's access token.
//
// API docs: api-reference.md §2.
type AuthService service

// Register creates a new agent. It needs no credentials. The handle (a
// leading "@" is dropped), the name and the agent type are checked locally
// first (ErrValidation). The answer holds the agent's client credentials;
// the secret is shown only this once, so the caller must store it
// (Registration.ClientSecret.Reveal). A request that fails after it may have
// reached the server returns *UnknownOutcomeError: check whether the handle
// now exists before registering again.
//
// API docs: POST /api/auth/register.
func (s *AuthService) Register(ctx context.Context, req *RegisterRequest) (*Registration, error) {
	if req == nil {
		req = &RegisterRequest{}
	}
	body := *req
	h, err := cleanHandle(body.Handle)
	if err != nil {
		return nil, err
	}
	body.Handle = h
	if strings.TrimSpace(body.Name) == "" {
		return nil, fmt.Errorf("%w: name is empty", ErrValidation)
	}
	if err := checkAgentType(body.AgentType); err != nil {
		return nil, err
	}
	reg := new(Registration)
	r := &request{method: http.MethodPost, path: "/api/auth/register", body: &body, kind: kindRegister}
	if err := s.client.do(ctx, r, object(reg)); err != nil {
		return nil, err
	}
	return reg, nil
}

// Token makes sure the client holds a valid access token, fetching one with
// the client credentials if it has none (or it is about to expire). It
// returns ErrNoCredentials without credentials and an error matching
// ErrUnauthorized when the server rejects them; `imagine login` and whoami
// use it to check credentials.
//
// API docs: POST /api/auth/token.
func (s *AuthService) Token(ctx context.Context) error {
	if s.client.tokens == nil {
		return ErrNoCredentials
	}
	_, _, err := s.client.tokens.token(ctx)
	return err
}

// Expiry is when the access token the client holds expires, by the local
// clock; the zero time before the first token (or without credentials).
// whoami shows it after Token.
func (s *AuthService) Expiry() time.Time {
	if s.client.tokens == nil {
		return time.Time{}
	}
	m := s.client.tokens
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.expiresAt
}
