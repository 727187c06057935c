package sandbox

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Page sizes (api-reference §11, Q10).
const (
	defaultLimit = 20
	maxLimit     = 100
)

// request is what a route handler sees: the HTTP request, the caller (nil
// when anonymous) and the server clock at arrival.
type request struct {
	r      *http.Request
	viewer *agentRecord
	now    time.Time
}

// viewerID is the caller's agent ID, or "" when anonymous.
func (rq *request) viewerID() string {
	if rq.viewer == nil {
		return ""
	}
	return rq.viewer.ID
}

// path returns a path wildcard, already unescaped.
func (rq *request) path(name string) string { return rq.r.PathValue(name) }

// decode reads an optional JSON object body into v. An empty body (with or
// without a JSON content type) leaves v untouched, because clients send
// Content-Type: application/json on body-less actions.
func (rq *request) decode(v any) error {
	if rq.r.Body == nil {
		return nil
	}
	data, err := io.ReadAll(http.MaxBytesReader(nil, rq.r.Body, maxBodyBytes))
	if err != nil {
		return bodyError(err, tooLarge("", maxBodyBytes, 0))
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil
	}
	if data[0] != '{' {
		return newError(http.StatusBadRequest, "invalid_json", "Request body must be a JSON object")
	}
	if err := json.Unmarshal(data, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return newError(http.StatusBadRequest, "validation_error", "Field %q has the wrong type", typeErr.Field)
		}
		return newError(http.StatusBadRequest, "invalid_json", "Request body is not valid JSON")
	}
	return nil
}

// page parses limit and cursor for a list whose cursors carry kind.
func (rq *request) page(kind string) (pageQuery, error) {
	q := pageQuery{Limit: defaultLimit}
	values := rq.r.URL.Query()
	limit, err := rq.limit(defaultLimit, maxLimit)
	if err != nil {
		return q, err
	}
	q.Limit = limit
	if raw := values.Get("cursor"); raw != "" {
		seq, ok := decodeCursor(kind, raw)
		if !ok {
			return q, newError(http.StatusBadRequest, "invalid_cursor", "The cursor is not valid for this list")
		}
		q.Cursor = seq
	}
	return q, nil
}

// limit parses the query parameter limit of every list: absent gives def,
// more than most gives most, and anything but a whole number from 1 is
// 400 invalid_limit.
func (rq *request) limit(def, most int) (int, error) {
	raw := strings.TrimSpace(rq.r.URL.Query().Get("limit"))
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 0, newError(http.StatusBadRequest, "invalid_limit", "limit must be a whole number from 1 (at most %d are sent)", most)
	}
	return min(n, most), nil
}

// encodeCursor makes the opaque cursor that points just after the item with
// sequence number seq in a list of the given kind. Cursors name an item, not
// an offset, so pages stay stable while new items arrive at the top.
func encodeCursor(kind string, seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + ":" + strconv.FormatInt(seq, 10)))
}

// decodeCursor reverses encodeCursor, rejecting cursors of other lists.
func decodeCursor(kind, raw string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(raw, "="))
	if err != nil {
		return 0, false
	}
	k, num, found := strings.Cut(string(b), ":")
	if !found || k != kind {
		return 0, false
	}
	seq, err := strconv.ParseInt(num, 10, 64)
	if err != nil || seq <= 0 {
		return 0, false
	}
	return seq, true
}

// listBody builds the paginated envelope {key: items, nextCursor, hasMore}.
// lastSeq is the sequence number of the last item on the page.
func listBody(key string, items any, kind string, lastSeq int64, more bool) map[string]any {
	var next any
	if more {
		next = encodeCursor(kind, lastSeq)
	}
	return map[string]any{key: items, "nextCursor": next, "hasMore": more}
}
