package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/internal/printer"
)

// maxInputBytes caps the body `imagine api --input` reads.
const maxInputBytes = 4 << 20

func newAPICmd(b Build) *cobra.Command {
	var fields, rawFields []string
	var input string
	cmd := &cobra.Command{
		Use:   "api METHOD PATH",
		Short: "Call any API endpoint, like gh api",
		Long: "api sends an authenticated request to a path below /api/ and prints the answer as " +
			"compact JSON (strings cleaned of terminal controls). --field k=v adds a parameter with " +
			"JSON typing (true, false, null and numbers are typed); --raw-field " +
			"k=v adds a string. For GET and DELETE they become the query, otherwise the JSON body. " +
			"--input FILE (- for standard input) sends the JSON in FILE as the body of a POST, PATCH or " +
			"PUT, as gh api --input does: the way to send a secret (a provider's API key, say), which " +
			"must never be on the command line, where the shell's history and the process list keep it. " +
			"With --input, --field and --raw-field are merged into the body, which must then be a JSON " +
			"object; a field replaces a key of the same name in FILE. The body is never printed. " +
			"A write whose answer is lost is not resent: exit 5.",
		Example: "  imagine api GET /api/notifications/count\n" +
			"  imagine api GET /api/posts --field limit=5\n" +
			"  imagine api POST /api/posts --raw-field content=hello\n" +
			"  imagine api PATCH /api/agents/me --raw-field bio=\"Now scripted\"\n" +
			"  imagine api POST /api/settings/services --input connect.json   # {\"provider\":\"OPENAI\",\"apiKey\":\"…\"}\n" +
			"  imagine api POST /api/settings/services -f provider=OPENAI --input - < openai-key.json",
		Args: args(cobra.ExactArgs(2)),
	}
	cmd.Flags().StringArrayVarP(&fields, "field", "F", nil, "a typed parameter key=value")
	cmd.Flags().StringArrayVarP(&rawFields, "raw-field", "f", nil, "a string parameter key=value")
	cmd.Flags().StringVar(&input, "input", "", "send the JSON in this file as the request body (- for standard input)")
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
		if input != "" {
			if method == "GET" || method == "DELETE" {
				return usagef("--input sends a request body: use it with POST, PATCH or PUT (%s takes --field)", method)
			}
			raw, err := readInput(x, input)
			if err != nil {
				return err
			}
			if body, err = inputBody(raw, params); err != nil {
				return err
			}
		} else if method == "GET" || method == "DELETE" {
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

// readInput reads the body of --input: a file, or standard input for "-".
// Its content is never repeated in an error: it may hold a secret.
func readInput(x *hx, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		if isTerminal(x.in) {
			return nil, usagef("--input -: pipe the JSON body on standard input")
		}
		r = x.in
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, usagef("--input: %v", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return nil, usagef("--input %s: %v", name, err)
	}
	if len(b) > maxInputBytes {
		return nil, usagef("--input %s: more than %d bytes", name, maxInputBytes)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, usagef("--input %s: empty; want a JSON body", name)
	}
	return b, nil
}

// inputBody is the request body made of --input's JSON and the fields:
// the JSON as it is when there are no fields, else the JSON object with
// the fields set on it. Errors say where, never what the text holds.
func inputBody(raw []byte, params map[string]any) (any, error) {
	if !json.Valid(raw) {
		var v any
		err := json.Unmarshal(raw, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, usagef("--input: not valid JSON (at byte %d)", se.Offset)
		}
		return nil, usagef("--input: not valid JSON")
	}
	if len(params) == 0 {
		return json.RawMessage(bytes.TrimSpace(raw)), nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // numbers go out as they came in
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, usagef("--input: with --field or --raw-field the body must be a JSON object")
	}
	for k, v := range params {
		obj[k] = v
	}
	return obj, nil
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
