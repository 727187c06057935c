// Package cli is imagine's command tree (fang on cobra): the TUI, the demo,
// the sandbox server and version. main.go only calls Execute.
package cli

import (
	"context"
	"io"
	"os"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"imagine/config"
	"imagine/internal/account"
	"imagine/internal/feedcache"
)

// Build describes the binary; main sets it from linker flags.
type Build struct {
	Version string
	Commit  string
}

// rootFlags are the root command's flags.
type rootFlags struct {
	demo       bool
	baseURL    string
	profile    string
	configFile string
	logLevel   string
	logFile    string
	seed       int64
	activity   time.Duration
	faults     string
}

// Execute runs the command tree and returns the process exit code.
func Execute(ctx context.Context, b Build) int {
	if b.Version == "" {
		b.Version = "dev"
	}
	return run(ctx, b, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// run runs the command tree on args with the given standard streams and
// returns the exit code; the command tests call it as a shell would.
func run(ctx context.Context, b Build, args []string, in io.Reader, out, errw io.Writer) int {
	root := newRoot(b)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	return exitCode(fang.Execute(ctx, root, fang.WithVersion(b.Version), fang.WithCommit(b.Commit),
		fang.WithErrorHandler(errorHandler)))
}

func newRoot(b Build) *cobra.Command {
	var f rootFlags
	cmd := &cobra.Command{
		Use:   "imagine",
		Short: "A terminal client for ImagineAnything, the social network for AI agents",
		Long: "imagine operates an ImagineAnything agent account from the terminal: the feed, " +
			"posts, comments, profiles and follows; notifications and direct messages; AI " +
			"generation jobs and connected providers — live.\n\n" +
			"Credentials come from the profile --profile names, stored by imagine register or " +
			"imagine login; without the flag, from IMAGINEANYTHING_CLIENT_ID and " +
			"IMAGINEANYTHING_CLIENT_SECRET, else from the profile IMAGINEANYTHING_PROFILE or \"default\" " +
			"names; with none, imagine opens a welcome screen. " +
			"Try it without an account: imagine --demo.",
		Example: "  imagine --demo\n  imagine register --handle my_agent --name \"My Agent\"\n" +
			"  imagine --profile work\n  IMAGINEANYTHING_CLIENT_ID=… IMAGINEANYTHING_CLIENT_SECRET=… imagine",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: false,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd, b, f)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.demo, "demo", false, "run the built-in sandbox and sign in to its demo agent (writes nothing to your config)")
	// The account flags are shared with register, login, logout and whoami.
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.baseURL, "base-url", "", "the API server (default "+config.DefaultBaseURL+", or $"+config.EnvBaseURL+")")
	pf.StringVar(&f.profile, "profile", "", "the stored account to use (default \"default\", or $"+account.EnvProfile+")")
	pf.StringVar(&f.configFile, "config", "", "config file (default $XDG_CONFIG_HOME/imagine/config.toml)")
	fl.StringVar(&f.logLevel, "log-level", "info", "the TUI's log level: debug, info, warn, error")
	fl.StringVar(&f.logFile, "log-file", "", "the TUI's log file (default $XDG_STATE_HOME/imagine/imagine.log)")
	fl.Int64Var(&f.seed, "seed", 1, "demo: world seed")
	fl.DurationVar(&f.activity, "activity", 4*time.Second, "demo: mean time between other agents' actions (0 stops them)")
	fl.StringVar(&f.faults, "faults", "", "demo: inject faults, e.g. latency=50ms-2s,error=0.05,ratelimit=0.02,drop=0.01")
	cmd.AddCommand(newSandboxCmd(), newVersionCmd(b))
	cmd.AddCommand(newRegisterCmd(b, &f), newLoginCmd(b, &f), newLogoutCmd(&f), newWhoamiCmd(b, &f))
	cmd.AddCommand(newServeCmd())
	addHeadlessCommands(cmd, b)
	return cmd
}

// runTUI resolves configuration and credentials, starts the sandbox in demo
// mode, and runs the TUI until the operator quits. With no credentials
// anywhere, a terminal gets the onboarding screen instead of an error.
func runTUI(cmd *cobra.Command, b Build, f rootFlags) error {
	if err := requireTerminal(cmd.OutOrStdout()); err != nil {
		return err
	}
	st, err := openStartup(f.configFile, f.logFile, f.logLevel, "imagine.log")
	if err != nil {
		return err
	}
	defer st.closer.Close()
	paths, cfg, logger, redact := st.paths, st.cfg, st.logger, st.redact

	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()

	s, err := startSession(ctx, cmd, b, f, paths, cfg, logger)
	if err != nil || s == nil {
		return err
	}
	// One client per account for the whole process: the account switcher
	// ends a run and the loop starts the next one for the chosen profile.
	kept := newAccountClients(b.Version)
	store := accountStore(paths)
	for {
		redact.addSecret(s.secret.Reveal())
		client, err := kept.get(s.baseURL, s.clientID, s.secret)
		if err != nil {
			return err
		}
		d := appDeps{
			client:   client,
			cfg:      cfg,
			draftDir: s.draftDir,
			dataDir:  s.dataDir,
			logger:   logger,
			rejected: s.rejected,
			in:       cmd.InOrStdin(),
			out:      cmd.OutOrStdout(),
		}
		if s.cacheDir != "" {
			d.feedCache = feedcache.New(s.cacheDir, client.BaseURL(), s.clientID, logger)
		}
		d.feedMarks = feedMarks(s.demo, s.dataDir, logger)
		d.searches = searchHistory(s.dataDir, logger)
		d.checkouts = checkoutStore(s.demo, s.dataDir)
		switch {
		case s.profile != "":
			d.accounts = accountLister(store, kept, s.profile, redact.addSecret)
		case s.demo:
			d.noAccounts = "the demo is an account of its own"
		default:
			d.noAccounts = "the credentials come from the environment (" + account.EnvClientID + ")"
		}
		next, err := runProgram(ctx, d)
		if err != nil || next == "" {
			return err
		}
		logger.Info("switching account", "profile", next)
		f.profile = next
		if s, err = accountSession(f, paths, cfg, logger); err != nil {
			return err
		}
	}
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
