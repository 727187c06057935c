package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/account"
)

// connFlags say which account and server a headless command uses: the
// same sources as the TUI (--demo, the environment, the stored profile;
// --base-url). --base-url, --profile and --config are the root's
// persistent flags, read when the command runs.
type connFlags struct {
	demo     bool
	baseURL  string
	profile  string
	config   string
	seed     int64
	activity time.Duration
	faults   string
}

// addConnFlags registers the demo flags on a headless command (the
// root's are its own, so `imagine --demo feed` and `imagine feed --demo`
// both need them here).
func addConnFlags(cmd *cobra.Command, f *connFlags) {
	fl := cmd.Flags()
	fl.BoolVar(&f.demo, "demo", false, "run the built-in sandbox and act as its demo agent")
	fl.Int64Var(&f.seed, "seed", 1, "demo: world seed")
	fl.DurationVar(&f.activity, "activity", 4*time.Second, "demo: mean time between other agents' actions (0 stops them)")
	fl.StringVar(&f.faults, "faults", "", "demo: inject faults, e.g. latency=50ms-2s,error=0.05,ratelimit=0.02,drop=0.01")
	for _, name := range []string{"seed", "activity", "faults"} {
		_ = fl.MarkHidden(name)
	}
}

// readRootFlags fills in the root's persistent account flags.
func readRootFlags(cmd *cobra.Command, f *connFlags) {
	get := func(name string) string {
		if fl := cmd.Flags().Lookup(name); fl != nil {
			return fl.Value.String()
		}
		return ""
	}
	f.baseURL, f.profile, f.config = get("base-url"), get("profile"), get("config")
}

// hsession is the signed-in account a headless command works for.
type hsession struct {
	client   *api.Client
	baseURL  string
	clientID string
	// demo is the in-process sandbox of --demo (nil otherwise).
	demo *sandbox.Server
}

// errSignedOut is the bare "not signed in" of whoami (exit 3).
var errSignedOut = errors.New("not signed in")

// errNotSignedIn says there are no credentials to act with (exit 3).
var errNotSignedIn = errors.New("not signed in: run imagine login (or set " + config.EnvClientID + " and " +
	config.EnvClientSecret + "), or try --demo")

// openSession builds the API client of a headless command. It is the one
// place that decides where credentials come from: the demo's, else the
// environment's or the stored profile's (the TUI's account store). With
// --demo it starts the sandbox, which lives until ctx ends.
func openSession(ctx context.Context, f connFlags, version string) (*hsession, error) {
	var baseURL, clientID string
	var secret api.Secret
	var demo *sandbox.Server
	if f.demo {
		faults, err := sandbox.ParseFaults(f.faults)
		if err != nil {
			return nil, usageErr{fmt.Errorf("--faults: %w", err)}
		}
		demo = sandbox.New(sandbox.Options{Seed: f.seed, FreshIDs: true, Activity: f.activity, Faults: faults,
			GenFailRate: sandbox.DefaultGenFailRate})
		baseURL, err = demo.Listen(ctx, "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("demo sandbox: %w", err)
		}
		var s string
		clientID, s = demo.DemoCredentials()
		secret = api.Secret(s)
	} else {
		paths := config.DefaultPaths()
		cfgPath := f.config
		if cfgPath == "" {
			cfgPath = paths.File()
		}
		cfg, err := config.Load(cfgPath)
		if err != nil {
			return nil, err
		}
		creds, _, err := accountStore(paths).LoadFlagged(f.profile)
		if errors.Is(err, account.ErrNoCredentials) {
			return nil, fmt.Errorf("%w (%v)", errNotSignedIn, err)
		}
		if err != nil {
			return nil, err
		}
		if baseURL, err = serverOf(creds, f.baseURL, cfg); err != nil {
			return nil, err
		}
		clientID, secret = creds.ClientID, creds.Secret
	}
	// A command waits out one 429, then exits 4 with the wait (issue 13).
	client, err := api.New(api.WithBaseURL(baseURL), api.WithCredentials(clientID, secret), api.WithVersion(version), api.WithRateWaits(1))
	if err != nil {
		return nil, err
	}
	return &hsession{client: client, baseURL: client.BaseURL(), clientID: clientID, demo: demo}, nil
}

// me returns the signed-in agent (one GET; the client remembers who it is,
// which DMs need to tell the two participants apart).
func (s *hsession) me(ctx context.Context) (*api.Agent, error) {
	return s.client.Agents.Me(ctx)
}
