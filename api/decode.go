package api

// The decode boundary.
//
// Services never see a response body. They hand do() a target built here
// (object, pageOf, toggle, nothing), and do() passes the body to decode,
// which parses it with the target and then runs sanitize.Struct over the
// result: every string the client returns has been cleaned, with the
// `clean` struct tags of types.go choosing block, identity or raw handling.
// decode is the only caller of sanitize.Struct in this package and the only
// path from bytes to a returned value. (Outside api, internal/feedcache runs
// the same sanitize.Struct over posts it reads back from disk.)
//
// Parsing is tolerant (api-reference.md §11): single objects may be wrapped
// ({"post":{…}}) or bare; lists take their items from the first known key
// present, a null or absent nextCursor is "", an absent hasMore is true only
// when a cursor was sent; unknown fields are ignored, null arrays become
// empty, and the per-type rules (timestamps, counts, handles, quoted posts,
// nested comments) live in decode_types.go.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"imagine/api/sanitize"
)

// target parses a successful response body into the caller's value and
// returns a pointer to what must be cleaned (nil when nothing was kept).
type target interface {
	parse(body []byte) (any, error)
}

// decode is the decode boundary: parse with t, then clean every string.
func decode(t target, body []byte) error {
	v, err := t.parse(body)
	if err != nil {
		return err
	}
	if v != nil {
		sanitize.Struct(v)
	}
	return nil
}

// malformed wraps a JSON error as ErrMalformedResponse.
func malformed(err error) error {
	return fmt.Errorf("%w: %w", ErrMalformedResponse, err)
}

// objectTarget decodes one object, wrapped under one of keys or bare.
type objectTarget[T any] struct {
	out  *T
	keys []string
}

// object returns a target decoding into out; keys are the wrapper keys the
// endpoint may use ({"post":{…}}).
func object[T any](out *T, keys ...string) target {
	return objectTarget[T]{out: out, keys: keys}
}

func (t objectTarget[T]) parse(body []byte) (any, error) {
	if err := json.Unmarshal(unwrap(body, t.keys), t.out); err != nil {
		return nil, malformed(err)
	}
	return t.out, nil
}

// unwrap returns the object under the first of keys when body is a wrapper:
// an object without an "id" of its own whose key holds an object.
func unwrap(body []byte, keys []string) []byte {
	if len(keys) == 0 {
		return body
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return body
	}
	if _, ok := m["id"]; ok {
		return body
	}
	for _, k := range keys {
		if v, ok := m[k]; ok && isObject(v) {
			return v
		}
	}
	return body
}

// isObject reports whether raw JSON is an object.
func isObject(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}

// pageTarget decodes one page of a list.
type pageTarget[T any] struct {
	out   *Page[T]
	keys  []string
	after func([]T) []T
}

// pageOf returns a target filling out from a list response whose items sit
// under the first present of keys.
func pageOf[T any](out *Page[T], keys ...string) *pageTarget[T] {
	return &pageTarget[T]{out: out, keys: keys}
}

func (t *pageTarget[T]) parse(body []byte) (any, error) {
	var env map[string]json.RawMessage
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, malformed(err)
	}
	var raw []*T
	for _, k := range t.keys {
		if v, ok := env[k]; ok {
			if err := json.Unmarshal(v, &raw); err != nil {
				return nil, malformed(err)
			}
			break
		}
	}
	items := make([]T, 0, len(raw))
	for _, it := range raw {
		if it != nil {
			items = append(items, *it)
		}
	}
	if t.after != nil {
		items = t.after(items)
	}
	cursor := cursorString(env["nextCursor"])
	hasMore := cursor != ""
	if v, ok := env["hasMore"]; ok {
		var b *bool
		if json.Unmarshal(v, &b) == nil && b != nil {
			hasMore = *b
		}
	}
	*t.out = Page[T]{Items: items, NextCursor: cursor, HasMore: hasMore}
	return t.out, nil
}

// cursorString reads nextCursor: a string, a number (kept as its text), or
// null/absent/anything else ("").
func cursorString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// toggleSpec names the keys of an action's answer: the state key (liked,
// following, …), the count keys in order of preference, and the state to
// assume when the server does not say.
type toggleSpec struct {
	state  string
	counts []string
	active bool
}

// toggleTarget decodes the answer to like, follow, repost or amplify. Any
// 2xx is success, so an empty or non-JSON body yields the defaults.
type toggleTarget struct {
	out  *Toggle
	spec toggleSpec
}

func toggle(out *Toggle, spec toggleSpec) target { return toggleTarget{out: out, spec: spec} }

func (t toggleTarget) parse(body []byte) (any, error) {
	*t.out = Toggle{Active: t.spec.active}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return t.out, nil
	}
	if v, ok := m[t.spec.state]; ok {
		var b *bool
		if json.Unmarshal(v, &b) == nil && b != nil {
			t.out.Active = *b
		}
	}
	// An answer that is a post (the repost itself, say) carries that
	// post's counts, not the target's: ignore them.
	_, isPost := m["agent"]
	if _, wrapped := m["post"]; wrapped || isPost {
		return t.out, nil
	}
	for _, k := range t.spec.counts {
		var n flexInt
		if v, ok := m[k]; ok && json.Unmarshal(v, &n) == nil && n.set {
			t.out.Count, t.out.CountKnown = n.n, true
			break
		}
	}
	return t.out, nil
}

// nothingTarget ignores the body of a successful answer.
type nothingTarget struct{}

func nothing() target { return nothingTarget{} }

func (nothingTarget) parse([]byte) (any, error) { return nil, nil }

// errorBody is the error document: {error, message} or, from the token
// endpoint, {error, error_description}; some servers nest {code, message}
// under error.
type errorBody struct {
	Code        string
	Message     string
	Description string
}

// UnmarshalJSON implements json.Unmarshaler.
func (b *errorBody) UnmarshalJSON(data []byte) error {
	var w struct {
		Error            json.RawMessage `json:"error"`
		Message          json.RawMessage `json:"message"`
		ErrorDescription json.RawMessage `json:"error_description"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	b.Message = textOf(w.Message)
	b.Description = textOf(w.ErrorDescription)
	if isObject(w.Error) {
		var nested struct {
			Code    json.RawMessage `json:"code"`
			Message json.RawMessage `json:"message"`
		}
		_ = json.Unmarshal(w.Error, &nested)
		b.Code = textOf(nested.Code)
		if b.Message == "" {
			b.Message = textOf(nested.Message)
		}
		return nil
	}
	b.Code = textOf(w.Error)
	return nil
}

// textOf returns a JSON string's value, a number's text, or "".
func textOf(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// decodeError parses an error body; false when it is not JSON.
func decodeError(body []byte) (errorBody, bool) {
	var b errorBody
	if decode(object(&b), body) != nil {
		return errorBody{}, false
	}
	return b, true
}

// bodyRetryAfter reads retry_after (seconds, number or numeric string) from
// a 429 body.
func bodyRetryAfter(body []byte) (time.Duration, bool) {
	var w struct {
		RetryAfter json.RawMessage `json:"retry_after"`
	}
	if json.Unmarshal(body, &w) != nil || w.RetryAfter == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(textOf(w.RetryAfter), 64)
	if err != nil || f < 0 {
		return 0, false
	}
	return seconds(f), true
}
