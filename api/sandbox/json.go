package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// timeLayout is the timestamp format on the wire: RFC 3339, UTC, exactly
// three fractional digits (api-reference §8 #8).
const timeLayout = "2006-01-02T15:04:05.000Z"

// maxBodyBytes bounds request bodies; the API's largest text is 5000 runes.
const maxBodyBytes = 1 << 20

// formatTime renders t in the wire format.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// reply is what a route handler returns: a status, a JSON body and optional
// extra headers. Handlers never write to the connection themselves, so the
// fault layer can decide to delay or drop a finished reply.
type reply struct {
	status int
	body   any
	header http.Header
}

// ok answers 200 with body.
func ok(body any) reply { return reply{status: http.StatusOK, body: body} }

// created answers 201 with body.
func created(body any) reply { return reply{status: http.StatusCreated, body: body} }

// apiError is an error that knows its HTTP status and wire code.
type apiError struct {
	Status  int
	Code    string
	Message string
	// OAuth marks token-endpoint errors, which carry error_description
	// instead of message.
	OAuth bool
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// newError builds an *apiError.
func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON shape of every error.
type errorBody struct {
	Error            string `json:"error"`
	Message          string `json:"message,omitempty"`
	ErrorDescription string `json:"error_description,omitempty"`
	RetryAfter       *int   `json:"retry_after,omitempty"`
}

// fail turns any error into a reply. Store errors become 404/409; anything
// unexpected becomes a 500 with a generic message.
func fail(err error) reply {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, errNotFound):
		ae = newError(http.StatusNotFound, "not_found", "Not found")
	case errors.Is(err, errConflict):
		ae = newError(http.StatusConflict, "conflict", "Conflict")
	default:
		ae = newError(http.StatusInternalServerError, "internal_error", "Internal server error")
	}
	body := errorBody{Error: ae.Code}
	if ae.OAuth {
		body.ErrorDescription = ae.Message
	} else {
		body.Message = ae.Message
	}
	r := reply{status: ae.Status, body: body}
	if ae.Status == http.StatusUnauthorized && !ae.OAuth {
		r.header = http.Header{"Www-Authenticate": {fmt.Sprintf(`Bearer error=%q`, ae.Code)}}
	}
	return r
}

// notFound is the usual 404 for a missing resource.
func notFound(what string) *apiError {
	return newError(http.StatusNotFound, "not_found", "%s not found", what)
}

// writeReply encodes r to w as JSON.
func writeReply(w http.ResponseWriter, r reply) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.body); err != nil {
		r = fail(err)
		buf.Reset()
		_ = enc.Encode(r.body)
	}
	h := w.Header()
	for k, v := range r.header {
		h[k] = v
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(r.status)
	_, _ = w.Write(buf.Bytes())
}
