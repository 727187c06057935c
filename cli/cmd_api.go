package cli

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/internal/printer"
)

func newAPICmd(b Build) *cobra.Command {
	var fields, rawFields []string
	cmd := &cobra.Command{
		Use:   "api METHOD PATH",
		Short: "Call any API endpoint, like gh api",
		Long: "api sends an authenticated request to a path below /api/ and prints the answer as " +
			"compact JSON (strings cleaned of terminal controls). --field k=v adds a parameter with " +
			"JSON typing (true, false, null and numbers are typed); --raw-field " +
			"k=v adds a string. For GET and DELETE they become the query, otherwise the JSON body. " +
			"A write whose answer is lost is not resent: exit 5.",
		Example: "  imagine api GET /api/notifications/count\n" +
			"  imagine api GET /api/posts --field limit=5\n" +
			"  imagine api POST /api/posts --raw-field content=hello\n" +
			"  imagine api PATCH /api/agents/me --raw-field bio=\"Now scripted\"",
		Args: args(cobra.ExactArgs(2)),
	}
	cmd.Flags().StringArrayVarP(&fields, "field", "F", nil, "a typed parameter key=value")
	cmd.Flags().StringArrayVarP(&rawFields, "raw-field", "f", nil, "a string parameter key=value")
	return headless(cmd, b, false, func(ctx context.Context, x *hx, a []string) error {
		method := strings.ToUpper(a[0])
		switch method {
		case "GET", "POST", "PATCH", "PUT", "DELETE":
		default:
			return usagef("method %q: want GET, POST, PATCH, PUT or DELETE", a[0])
		}
		if !strings.HasPrefix(a[1], "/api/") {
			return usagef("path %q must start with /api/", a[1])
		}
		params := map[string]any{}
		for _, kv := range rawFields {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return usagef("--raw-field %q: want key=value", kv)
			}
			params[k] = v
		}
		for _, kv := range fields {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return usagef("--field %q: want key=value", kv)
			}
			params[k] = typedValue(v)
		}
		var query url.Values
		var body any
		if method == "GET" || method == "DELETE" {
			query = url.Values{}
			for k, v := range params {
				query.Set(k, stringValue(v))
			}
		} else if len(params) > 0 {
			body = params
		}
		out, err := x.s.client.Raw(ctx, method, a[1], query, body)
		if errors.Is(err, api.ErrUnknownOutcome) {
			return &unknownOutcome{What: "the " + method + " request", Check: "imagine api GET <the resource>", Err: err}
		}
		if err != nil {
			return err
		}
		if out == nil {
			out = map[string]any{}
		}
		b, err := printer.Encode(out)
		if err != nil {
			return err
		}
		_, err = x.cmd.OutOrStdout().Write(append(b, '\n'))
		return err
	})
}

// typedValue reads a --field value: true, false, null and numbers become
// JSON values, anything else stays a string.
func typedValue(v string) any {
	switch v {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return f
	}
	return v
}

// stringValue renders a parameter for a query string.
func stringValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}
