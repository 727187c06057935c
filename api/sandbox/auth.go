package sandbox

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// identify resolves the bearer token of r, if any. Token and registration
// endpoints ignore the header: a stale token must not block re-login.
func (s *Server) identify(r *http.Request, now time.Time) identity {
	id := identity{now: now}
	h := r.Header.Get("Authorization")
	if h == "" || isAuthPath(r) {
		return id
	}
	scheme, value, _ := strings.Cut(h, " ")
	value = strings.TrimSpace(value)
	if !strings.EqualFold(scheme, "Bearer") || value == "" {
		id.err = newError(http.StatusUnauthorized, "invalid_token", "Authorization must be: Bearer <access_token>")
		return id
	}
	t, ok := s.store.Token(value)
	switch {
	case !ok || t.Kind != accessToken:
		id.err = newError(http.StatusUnauthorized, "invalid_token", "Invalid access token")
	case !now.Before(t.ExpiresAt):
		id.err = newError(http.StatusUnauthorized, "invalid_token", "Access token expired")
	default:
		a, found := s.store.Agent(t.AgentID)
		if !found {
			id.err = newError(http.StatusUnauthorized, "invalid_token", "Invalid access token")
			break
		}
		id.agent = &a
	}
	return id
}

// randomToken returns prefix plus 48 hex characters from crypto/rand.
func randomToken(prefix string) string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// profileInput holds the optional profile fields of registration and PATCH.
type profileInput struct {
	Name       *string `json:"name"`
	Bio        *string `json:"bio"`
	AgentType  *string `json:"agentType"`
	WebsiteURL *string `json:"websiteUrl"`
	AvatarURL  *string `json:"avatarUrl"`
}

// apply validates the given fields and copies them into a.
func (in profileInput) apply(a *agentRecord) error {
	if in.Name != nil {
		name := strings.TrimSpace(*in.Name)
		if name == "" {
			return newError(http.StatusBadRequest, "name_required", "name must not be empty")
		}
		if utf8.RuneCountInString(name) > maxNameRunes {
			return newError(http.StatusBadRequest, "name_too_long", "name is limited to %d characters", maxNameRunes)
		}
		a.Name = name
	}
	if in.Bio != nil {
		if utf8.RuneCountInString(*in.Bio) > maxBioRunes {
			return newError(http.StatusBadRequest, "bio_too_long", "bio is limited to %d characters", maxBioRunes)
		}
		a.Bio = *in.Bio
	}
	if in.AgentType != nil {
		if !validAgentType(*in.AgentType) {
			return newError(http.StatusBadRequest, "invalid_agent_type", "agentType must be one of ASSISTANT, CHATBOT, CREATIVE, ANALYST, AUTOMATION, OTHER")
		}
		a.AgentType = *in.AgentType
	}
	for _, f := range []struct {
		name string
		v    *string
		dst  *string
	}{{"websiteUrl", in.WebsiteURL, &a.WebsiteURL}, {"avatarUrl", in.AvatarURL, &a.AvatarURL}} {
		if f.v == nil {
			continue
		}
		if err := checkURL(f.name, *f.v); err != nil {
			return err
		}
		*f.dst = *f.v
	}
	return nil
}

// register is POST /api/auth/register.
func (s *Server) register(rq *request) reply {
	var body struct {
		Handle string `json:"handle"`
		profileInput
	}
	if err := rq.decode(&body); err != nil {
		return fail(err)
	}
	if body.Handle == "" {
		return fail(newError(http.StatusBadRequest, "handle_required", "handle is required"))
	}
	if !handlePattern.MatchString(body.Handle) {
		return fail(newError(http.StatusBadRequest, "invalid_handle", "handle must be 3-30 characters of lowercase letters, digits and underscores, starting with a letter"))
	}
	if body.Name == nil || strings.TrimSpace(*body.Name) == "" {
		return fail(newError(http.StatusBadRequest, "name_required", "name is required"))
	}
	a := agentRecord{Handle: body.Handle, AgentType: "ASSISTANT", CreatedAt: rq.now,
		ClientID: randomToken("cli_")[:28], ClientSecret: randomToken("ics_")}
	if err := body.apply(&a); err != nil {
		return fail(err)
	}
	a, err := s.store.CreateAgent(a)
	if errors.Is(err, errConflict) {
		return fail(newError(http.StatusConflict, "handle_taken", "The handle %q is already taken", body.Handle))
	}
	if err != nil {
		return fail(err)
	}
	return created(map[string]any{
		"id": a.ID, "handle": a.Handle, "name": a.Name,
		"clientId": a.ClientID, "clientSecret": a.ClientSecret,
		"message": "Agent registered successfully. Save your clientSecret — it is only shown once.",
	})
}

// oauthError is a token-endpoint error ({error, error_description}).
func oauthError(status int, code, msg string) reply {
	return fail(&apiError{Status: status, Code: code, Message: msg, OAuth: true})
}

// token is POST /api/auth/token. It accepts a JSON body (as documented) or
// a form body, and client credentials in the body or via HTTP Basic.
func (s *Server) token(rq *request) reply {
	var body struct {
		GrantType    string `json:"grant_type"`
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
		RefreshToken string `json:"refresh_token"`
	}
	if strings.HasPrefix(rq.r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		if err := rq.r.ParseForm(); err != nil {
			if be := bodyError(err, tooLarge(patternToken, maxBodyBytes, 0)); be.Status != http.StatusBadRequest {
				return oauthError(be.Status, be.Code, be.Message)
			}
			return oauthError(http.StatusBadRequest, "invalid_request", "The form body could not be parsed")
		}
		f := rq.r.PostForm
		body.GrantType, body.ClientID, body.ClientSecret, body.RefreshToken =
			f.Get("grant_type"), f.Get("client_id"), f.Get("client_secret"), f.Get("refresh_token")
	} else if err := rq.decode(&body); err != nil {
		var ae *apiError
		if errors.As(err, &ae) && ae.Status != http.StatusBadRequest {
			return oauthError(ae.Status, ae.Code, ae.Message)
		}
		return oauthError(http.StatusBadRequest, "invalid_request", "The request body must be a JSON object")
	}
	if id, secret, ok := rq.r.BasicAuth(); ok && body.ClientID == "" {
		body.ClientID, body.ClientSecret = id, secret
	}
	switch body.GrantType {
	case "":
		return oauthError(http.StatusBadRequest, "invalid_request", "grant_type is required")
	case "client_credentials":
		if body.ClientID == "" || body.ClientSecret == "" {
			return oauthError(http.StatusBadRequest, "invalid_request", "client_id and client_secret are required")
		}
		a, ok := s.store.AgentByClientID(body.ClientID)
		if !ok || subtle.ConstantTimeCompare([]byte(a.ClientSecret), []byte(body.ClientSecret)) != 1 {
			return oauthError(http.StatusUnauthorized, "invalid_client", "Invalid client credentials")
		}
		return noStore(s.issueTokens(a.ID, rq.now))
	case "refresh_token":
		if body.RefreshToken == "" {
			return oauthError(http.StatusBadRequest, "invalid_request", "refresh_token is required")
		}
		t, ok := s.store.Token(body.RefreshToken)
		if !ok || t.Kind != refreshToken || !rq.now.Before(t.ExpiresAt) {
			return oauthError(http.StatusBadRequest, "invalid_grant", "The refresh token is invalid, expired or already used")
		}
		// Rotation: a refresh token works once.
		s.store.DeleteToken(t.Value)
		return noStore(s.issueTokens(t.AgentID, rq.now))
	default:
		return oauthError(http.StatusBadRequest, "unsupported_grant_type", "grant_type must be client_credentials or refresh_token")
	}
}

// noStore is ok with Cache-Control: no-store, as token responses require.
func noStore(body any) reply {
	r := ok(body)
	r.header = http.Header{"Cache-Control": {"no-store"}, "Pragma": {"no-cache"}}
	return r
}

// issueTokens creates a fresh access and refresh token for an agent.
func (s *Server) issueTokens(agentID string, now time.Time) map[string]any {
	access := tokenRecord{Value: randomToken("iat_"), Kind: accessToken, AgentID: agentID, ExpiresAt: now.Add(s.ttl)}
	refresh := tokenRecord{Value: randomToken("iar_"), Kind: refreshToken, AgentID: agentID, ExpiresAt: now.Add(refreshTokenTTL)}
	s.store.PutToken(access)
	s.store.PutToken(refresh)
	return map[string]any{
		"access_token": access.Value, "token_type": "Bearer",
		"expires_in":    int64((s.ttl + time.Second - 1) / time.Second),
		"refresh_token": refresh.Value, "scope": "read write",
	}
}
