package api

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"imagine/api/sanitize"
)

// Sentinel errors. Match them with errors.Is; the typed errors below carry
// the details (errors.As).
var (
	// ErrUnauthorized means the server refused the credentials or the token
	// (401), even after the client fetched a fresh token and retried once,
	// or that the token endpoint rejected the client credentials.
	ErrUnauthorized = errors.New("api: unauthorized")
	// ErrForbidden means the caller may not do this (403).
	ErrForbidden = errors.New("api: forbidden")
	// ErrNotFound means the resource does not exist (404).
	ErrNotFound = errors.New("api: not found")
	// ErrValidation means the request was invalid (400 or 422), too large
	// (413, an upload over the server's limit), or the client refused to
	// send it because it breaks a documented rule.
	ErrValidation = errors.New("api: invalid request")
	// ErrConflict means the request conflicts with the current state (409),
	// for example a handle that is already taken.
	ErrConflict = errors.New("api: conflict")
	// ErrServer means the server failed (5xx).
	ErrServer = errors.New("api: server error")
	// ErrRateLimited is matched by *RateLimitError.
	ErrRateLimited = errors.New("api: rate limited")
	// ErrOffline means no response arrived: the connection could not be
	// made (dial, DNS, refused) or broke before a response for a request
	// that is safe to repeat. The cause is wrapped alongside.
	ErrOffline = errors.New("api: offline")
	// ErrUnknownOutcome is matched by *UnknownOutcomeError.
	ErrUnknownOutcome = errors.New("api: outcome unknown")
	// ErrResponseTooLarge means a response body exceeded the client's limit
	// (4 MiB for lists, 1 MiB for single objects); nothing was decoded.
	ErrResponseTooLarge = errors.New("api: response too large")
	// ErrNoCredentials means the call needs a token but the client was
	// built without WithCredentials.
	ErrNoCredentials = errors.New("api: no credentials configured")
	// ErrMalformedResponse means a successful response could not be read as
	// the JSON the endpoint documents.
	ErrMalformedResponse = errors.New("api: malformed response")
)

// maxMessageRunes caps server-provided error text shown to users.
const maxMessageRunes = 200

// Error is an HTTP error answer from the API. Code and Message come from the
// response body, cleaned by sanitize.Line and capped at 200 runes; Message
// falls back to the HTTP status text.
type Error struct {
	StatusCode int
	// Code is the machine-readable `error` field, if the server sent one.
	Code string
	// Message is the human-readable text, safe to show on one line.
	Message string
	Method  string
	URL     string
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "api: %s %s: %d", e.Method, e.URL, e.StatusCode)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

// Is reports whether the status code belongs to the class of target, so
// that errors.Is(err, ErrNotFound) works on an *Error.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrValidation:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity ||
			e.StatusCode == http.StatusRequestEntityTooLarge
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrServer:
		return e.StatusCode >= 500
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	}
	return false
}

// RateLimitError says the API (or the client's own budget) refused the call
// for now. Wait is how long to hold off, Until the moment it ends (by the
// client's clock), Rate the last rate-limit headers seen.
type RateLimitError struct {
	Wait  time.Duration
	Until time.Time
	Rate  Rate
	// Local is true when the client's own budget refused the call before
	// sending it (the server has not complained): pollers simply try
	// again later, without alarming anyone.
	Local bool
}

// Error implements error.
func (e *RateLimitError) Error() string {
	return fmt.Sprintf("api: rate limited; retry in %s", e.Wait.Round(time.Second))
}

// Is matches ErrRateLimited.
func (e *RateLimitError) Is(target error) bool { return target == ErrRateLimited }

// UnknownOutcomeError says a write may or may not have reached the server:
// the connection failed or timed out after the request was sent, or the
// server answered 5xx. The client never resends such a request; the caller
// should check (read back) before offering to send again.
type UnknownOutcomeError struct {
	Method string
	URL    string
	Err    error
}

// Error implements error.
func (e *UnknownOutcomeError) Error() string {
	return fmt.Sprintf("api: %s %s: outcome unknown: %v", e.Method, e.URL, e.Err)
}

// Is matches ErrUnknownOutcome.
func (e *UnknownOutcomeError) Is(target error) bool { return target == ErrUnknownOutcome }

// Unwrap returns the cause (a transport error or an *Error).
func (e *UnknownOutcomeError) Unwrap() error { return e.Err }

// checkResponse turns a non-2xx response into an error. It is the only place
// that classifies HTTP answers; transport failures are classified in
// retry.go, which wraps them with ErrOffline or *UnknownOutcomeError.
func checkResponse(method, rawURL string, res *response) error {
	e := &Error{StatusCode: res.status, Method: method, URL: rawURL}
	if res.status >= 300 && res.status < 400 {
		e.Code = "redirect"
		e.Message = "redirect not followed"
		return e
	}
	if !res.tooLarge {
		e.Code, e.Message = parseErrorBody(res)
	}
	if e.Message == "" {
		e.Message = http.StatusText(res.status)
	}
	e.Code = capRunes(sanitize.Line(e.Code), 64)
	e.Message = capRunes(sanitize.Line(e.Message), maxMessageRunes)
	return e
}

// parseErrorBody reads code and message: message ← message, else
// error_description, else error. A plain-text body gives its first line;
// HTML and other formats give nothing (the status text is used).
func parseErrorBody(res *response) (code, message string) {
	ct, _, _ := mime.ParseMediaType(res.header.Get("Content-Type"))
	b, ok := decodeError(res.body)
	if !ok {
		if ct == "text/plain" && utf8.Valid(res.body) {
			first, _, _ := strings.Cut(strings.TrimSpace(string(res.body)), "\n")
			return "", first
		}
		return "", ""
	}
	switch {
	case b.Message != "":
		return b.Code, b.Message
	case b.Description != "":
		return b.Code, b.Description
	}
	return b.Code, b.Code
}

// capRunes shortens s to at most n runes, marking the cut with "…".
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
