package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"imagine/api/sanitize"
)

// Raw calls any endpoint of the API below /api/ with the client's token,
// budgets and retry rules (a write that may have reached the server is never
// resent: *UnknownOutcomeError), and returns the answer decoded as generic
// JSON (maps, slices, strings, float64, bool, nil) with every string
// cleaned by sanitize.Block (line breaks kept) and every key by
// sanitize.Line. It serves `imagine api`, for endpoints the typed
// services do not cover. path must start with "/api/"; body, when non-nil,
// is sent as JSON.
func (c *Client) Raw(ctx context.Context, method, path string, query url.Values, body any) (any, error) {
	method = strings.ToUpper(strings.TrimSpace(method))
	switch method {
	case "GET", "HEAD", "POST", "PATCH", "PUT", "DELETE":
	default:
		return nil, fmt.Errorf("%w: method %q (want GET, POST, PATCH, PUT or DELETE)", ErrValidation, method)
	}
	u, err := url.Parse(path)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/api/") {
		return nil, fmt.Errorf("%w: path %q must start with /api/", ErrValidation, path)
	}
	q := u.Query()
	for k, vs := range query {
		for _, v := range vs {
			q.Add(k, v)
		}
	}
	var out any
	r := &request{method: method, path: u.EscapedPath(), query: q, body: body, auth: authOptional, list: true}
	if err := c.do(ctx, r, rawTarget{out: &out}); err != nil {
		return nil, err
	}
	return out, nil
}

// rawTarget decodes any JSON answer; an empty body decodes to nil.
type rawTarget struct{ out *any }

func (t rawTarget) parse(body []byte) (any, error) {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil, nil
	}
	if err := json.Unmarshal(body, t.out); err != nil {
		return nil, malformed(err)
	}
	*t.out = cleanAny(*t.out)
	return nil, nil
}

// cleanAny cleans every string of a generic JSON value.
func cleanAny(v any) any {
	switch x := v.(type) {
	case string:
		return sanitize.Block(x)
	case []any:
		for i := range x {
			x[i] = cleanAny(x[i])
		}
		return x
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[sanitize.Line(k)] = cleanAny(e)
		}
		return out
	}
	return v
}
