package api

// The token manager (security.md §5.2).
//
// Tokens live in memory only. The first authenticated call fetches one with
// the client-credentials grant; later, a token is replaced once it is within
// the skew of its expiry, skew = min(clamp(lifetime/10, 30 s, 300 s),
// lifetime/2) (300 s for the documented 1 h lifetime; the lifetime/2 term
// keeps tiny lifetimes from costing a fetch per request). A replacement
// tries the refresh_token grant first and falls back to client credentials
// on any failure. Fetches are single-flight and run on a context detached
// from the caller (10 s), so one cancelled caller cannot fail the fetch the
// others wait for; each waiter still honours its own context. Every token
// request passes the auth budget (2 + 1 per 7 s), which bounds 401 storms.
//
// A 401 on an API call invalidates the token it carried, once per token
// generation: concurrent 401s of the same generation cause one refetch, and
// a 401 for an already replaced token just takes the new one.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// defaultLifetime is used when the token response omits expires_in.
const defaultLifetime = time.Hour

// tokenManager owns the access and refresh tokens of one account.
type tokenManager struct {
	c        *Client
	clientID string
	secret   Secret
	group    singleflight.Group

	mu        sync.Mutex
	access    Secret
	refresh   Secret
	expiresAt time.Time
	lifetime  time.Duration
	gen       uint64
}

func newTokenManager(c *Client, clientID string, secret Secret) *tokenManager {
	return &tokenManager{c: c, clientID: clientID, secret: secret}
}

// tokenResponse is the token endpoint's answer. The tokens stay raw: the
// sanitizer must not touch what is sent back verbatim.
type tokenResponse struct {
	AccessToken  Secret  `json:"access_token" clean:"raw"`
	TokenType    string  `json:"token_type"`
	ExpiresIn    flexInt `json:"expires_in"`
	RefreshToken Secret  `json:"refresh_token" clean:"raw"`
	Scope        string  `json:"scope"`
	// AgentID and Agent name the signed-in agent when a server says so
	// (the documented answer does not); the client remembers it.
	AgentID string `json:"agent_id"`
	Agent   *Agent `json:"agent"`
}

// skew is how long before expiry a token stops being used.
func skew(lifetime time.Duration) time.Duration {
	s := min(max(lifetime/10, 30*time.Second), 300*time.Second)
	return min(s, lifetime/2)
}

// token returns a fresh access token and its generation, fetching one if
// needed. A token request refused with 429 (the sign-in limit, 10 a minute
// for every client from one address: each command of a script is a new
// client) is waited out like any other call's, as many times as the
// client waits (WithRateWaits) and when the wait fits the caller's
// deadline; a background caller fails fast.
func (m *tokenManager) token(ctx context.Context) (Secret, uint64, error) {
	for waits := 0; ; waits++ {
		tok, gen, err := m.tokenOnce(ctx)
		var rl *RateLimitError
		if err == nil || !errors.As(err, &rl) || rl.Local || isBackground(ctx) || waits >= m.c.rateWaits || !fits(ctx, rl.Wait) {
			return tok, gen, err
		}
		observePace(ctx, rl.Wait)
		if err := m.c.sleep(ctx, rl.Wait); err != nil {
			return "", 0, err
		}
	}
}

// tokenOnce is token without the wait after a 429.
func (m *tokenManager) tokenOnce(ctx context.Context) (Secret, uint64, error) {
	if tok, gen, ok := m.current(); ok {
		return tok, gen, nil
	}
	ch := m.group.DoChan("token", func() (any, error) {
		if _, _, ok := m.current(); ok {
			return nil, nil
		}
		// Detached from the caller, and never a background call: the fetch
		// serves every waiter, interactive ones included.
		detached := context.WithValue(context.WithoutCancel(ctx), backgroundKey{}, false)
		fctx, cancel := context.WithTimeout(detached, tokenTimeout)
		defer cancel()
		return nil, m.fetch(fctx)
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			return "", 0, res.Err
		}
	case <-ctx.Done():
		return "", 0, ctx.Err()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.access, m.gen, nil
}

// current returns the cached token if it is still fresh.
func (m *tokenManager) current() (Secret, uint64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.access == "" || !m.c.now().Before(m.expiresAt.Add(-skew(m.lifetime))) {
		return "", 0, false
	}
	return m.access, m.gen, true
}

// issued reports whether a token has ever been granted to this client,
// whether or not it is still fresh.
func (m *tokenManager) issued() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.gen > 0
}

// invalidate drops the token of generation gen after a 401. A 401 for an
// older generation changes nothing: a newer token is already there.
func (m *tokenManager) invalidate(gen uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if gen == m.gen {
		m.access = ""
	}
}

// fetch replaces the token: refresh grant first, client credentials after.
func (m *tokenManager) fetch(ctx context.Context) error {
	m.mu.Lock()
	refresh := m.refresh
	m.mu.Unlock()
	if refresh != "" {
		err := m.grant(ctx, map[string]string{"grant_type": "refresh_token", "refresh_token": refresh.Reveal()})
		if err == nil {
			return nil
		}
		m.mu.Lock()
		if m.refresh == refresh {
			m.refresh = ""
		}
		m.mu.Unlock()
	}
	return m.grant(ctx, map[string]string{
		"grant_type":    "client_credentials",
		"client_id":     m.clientID,
		"client_secret": m.secret.Reveal(),
	})
}

// grant performs one grant and stores its tokens.
func (m *tokenManager) grant(ctx context.Context, body map[string]string) error {
	var tr tokenResponse
	err := m.c.do(ctx, &request{
		method: http.MethodPost,
		path:   "/api/auth/token",
		body:   body,
		kind:   kindToken,
	}, object(&tr))
	if err != nil {
		return tokenError(err)
	}
	if tr.AccessToken == "" {
		return fmt.Errorf("api: token response without access_token: %w", ErrMalformedResponse)
	}
	lifetime := defaultLifetime
	if tr.ExpiresIn.set && tr.ExpiresIn.n > 0 {
		lifetime = time.Duration(tr.ExpiresIn.n) * time.Second
	}
	if tr.Agent != nil {
		m.c.self.set(tr.Agent.ID, tr.Agent.Handle)
	}
	m.c.self.set(tr.AgentID, "")
	m.mu.Lock()
	defer m.mu.Unlock()
	m.access = tr.AccessToken
	if tr.RefreshToken != "" {
		m.refresh = tr.RefreshToken
	}
	m.lifetime = lifetime
	m.expiresAt = m.c.now().Add(lifetime)
	m.gen++
	return nil
}

// tokenError marks a refusal of the credentials by the token endpoint (any
// 4xx other than 429) as ErrUnauthorized, keeping the *Error for details.
func tokenError(err error) error {
	var e *Error
	if errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500 && e.StatusCode != http.StatusTooManyRequests {
		return fmt.Errorf("%w: credentials rejected: %w", ErrUnauthorized, err)
	}
	return err
}
