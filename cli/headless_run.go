package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/internal/printer"
)

// outFlags choose the output format and how much of a list to read.
type outFlags struct {
	json, jsonl bool
	limit       int
	all         bool
}

// jsonHelp says what --json prints: the client's reading of the API's
// objects, not the server's bytes (jsonOutputHelp, in every command's
// help, says more).
const jsonHelp = "print the API's objects as the client reads them, as compact JSON: the API's field names; " +
	"a field the server did not send is left out"

// hx is what a headless command runs with.
type hx struct {
	s    *hsession
	p    *printer.Printer
	out  outFlags
	in   io.Reader
	errw io.Writer
	cmd  *cobra.Command
}

// headless wires a command: account flags, output flags (list adds
// --limit, --all and --jsonl) and a RunE that opens the session first.
func headless(cmd *cobra.Command, b Build, list bool, run func(ctx context.Context, x *hx, args []string) error) *cobra.Command {
	var cf connFlags
	var of outFlags
	addConnFlags(cmd, &cf)
	fl := cmd.Flags()
	fl.BoolVar(&of.json, "json", false, jsonHelp+" (an array for lists)")
	if list {
		fl.BoolVar(&of.jsonl, "jsonl", false, "like --json, one compact object per line")
		fl.IntVar(&of.limit, "limit", 20, "read at most this many items")
		fl.BoolVar(&of.all, "all", false, "read every page (ignores --limit)")
	}
	cmd.SilenceUsage = true
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if of.json && of.jsonl {
			return usagef("--json and --jsonl exclude each other")
		}
		if list && of.limit < 1 && !of.all {
			return usagef("--limit must be at least 1")
		}
		readRootFlags(cmd, &cf)
		ctx, cancel := context.WithCancel(cmd.Context())
		defer cancel()
		// A wait for the rate limit (the sign-in limit, mostly: every
		// command takes a token) is said on stderr, so a script that
		// pauses says why.
		errw := cmd.ErrOrStderr()
		ctx = api.WithPaceObserver(ctx, func(wait time.Duration) {
			fmt.Fprintf(errw, "waiting %s for the API's rate limit\n", wait.Round(time.Second))
		})
		s, err := openSession(ctx, cf, b.Version)
		if err != nil {
			return err
		}
		mode := printer.Text
		switch {
		case of.json:
			mode = printer.JSON
		case of.jsonl:
			mode = printer.JSONL
		}
		w := cmd.OutOrStdout()
		p := printer.New(w, mode)
		if w != os.Stdout {
			p.Color = false
		}
		return localUsage(run(ctx, &hx{s: s, p: p, out: of, in: cmd.InOrStdin(), errw: cmd.ErrOrStderr(), cmd: cmd}, args))
	}
	return cmd
}

// localUsage makes the client's own refusal to send a request (an
// argument, flag or text that breaks one of the API's documented rules,
// checked before anything is sent) a usage error: exit 2, as for any bad
// command line. The server's own 400 or 422 stays a failure (exit 1), and
// an unknown outcome stays exit 5.
func localUsage(err error) error {
	var serverErr *api.Error
	var ue usageErr
	switch {
	case err == nil, !errors.Is(err, api.ErrValidation), errors.As(err, &serverErr), errors.As(err, &ue),
		errors.Is(err, api.ErrUnknownOutcome):
		return err
	}
	return usageErr{err}
}

// args wraps a cobra argument check so that a mistake exits 2.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageErr{err}
		}
		return nil
	}
}

// pages reads a cursor-paginated list: --limit items (default 20), or every
// page with --all, handing each item to emit.
func pages[T any](ctx context.Context, x *hx, fetch func(context.Context, api.ListOptions) (*api.Page[T], error), emit func(T) error) error {
	want := x.out.limit
	if want < 1 {
		want = api.DefaultPageSize
	}
	opts := api.ListOptions{}
	seen := map[string]bool{}
	n := 0
	for {
		opts.Limit = api.MaxPageSize
		if !x.out.all {
			opts.Limit = min(want-n, api.MaxPageSize)
		}
		pg, err := fetch(ctx, opts)
		if err != nil {
			return err
		}
		for _, it := range pg.Items {
			if !x.out.all && n >= want {
				return nil
			}
			if err := emit(it); err != nil {
				return err
			}
			n++
		}
		if !pg.HasMore || pg.NextCursor == "" || seen[pg.NextCursor] || (!x.out.all && n >= want) {
			return nil
		}
		seen[pg.NextCursor] = true
		opts.Cursor = pg.NextCursor
	}
}

// exactlyOnce runs a write. When its outcome is unknown (the request may
// have reached the server), check reads the server's state back: a write
// found there is done; one not found is tried once more only when retry is
// true (an idempotent toggle, such as a like or read-marking); otherwise,
// or when the check itself fails, the command ends with exit 5 and says how
// to look.
func exactlyOnce(ctx context.Context, what, howToCheck string, write func() error, check func() (bool, error), retry bool) error {
	err := write()
	if !errors.Is(err, api.ErrUnknownOutcome) {
		return err
	}
	found, cerr := check()
	switch {
	case cerr != nil:
		return &unknownOutcome{What: what, Check: howToCheck, Err: err}
	case found:
		return nil
	case retry:
		if err2 := write(); err2 != nil {
			if errors.Is(err2, api.ErrUnknownOutcome) {
				return &unknownOutcome{What: what, Check: howToCheck, Err: err2}
			}
			return err2
		}
		return nil
	}
	return &unknownOutcome{What: what, Check: howToCheck, Err: err}
}

// textArg returns the text of a write: the arguments from index i joined,
// or standard input when there are none (or "-"). Empty text (or only
// spaces) is a usage error naming the TEXT argument, as every command's
// usage line calls it.
func textArg(x *hx, a []string, i int, what string) (string, error) {
	if len(a) > i && !(len(a) == i+1 && a[i] == "-") {
		s := joinArgs(a[i:])
		if strings.TrimSpace(s) == "" {
			return "", usagef("TEXT is empty: give the %s as an argument, or pipe it on standard input", what)
		}
		return s, nil
	}
	if isTerminal(x.in) {
		return "", usagef("TEXT is missing: give the %s as an argument, or pipe it on standard input", what)
	}
	b, err := io.ReadAll(io.LimitReader(x.in, 1<<20))
	if err != nil {
		return "", err
	}
	s := trimNewline(string(b))
	if strings.TrimSpace(s) == "" {
		return "", usagef("TEXT is empty: the %s on standard input is empty (or give it as an argument)", what)
	}
	return s, nil
}
