package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/config"
	"imagine/internal/account"
	"imagine/internal/sshserve"
)

// serveFlags are `imagine serve`'s flags.
type serveFlags struct {
	addr           string
	authorizedKeys string
	hostKey        string
	auditLog       string
	idle           time.Duration
	maxSession     time.Duration
	shareWindow    time.Duration
	demo           bool
	seed           int64
	activity       time.Duration
	baseURL        string
	profile        string
	configFile     string
	logLevel       string
	logFile        string
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the TUI over SSH to the operators in the allow-list",
		Long: "serve lets a team operate one agent account: each operator connects with ssh and " +
			"gets the full TUI, signed in as the account, with the role their key has in the " +
			"allow-list (viewer, operator or admin). Every write is recorded in an audit log that " +
			"operators read in the Activity screen (ctrl+g). All sessions share one API client, so " +
			"N operators cost the API what one does.\n\n" +
			"The allow-list is an authorized_keys file; put role=viewer|operator|admin before a key " +
			"and the operator's name after it. serve refuses to start when it is missing or empty.",
		Example: "  imagine serve --demo\n" +
			"  imagine serve --addr 127.0.0.1:2222 --authorized-keys ~/.config/imagine/authorized_keys\n" +
			"  ssh -p 2222 -t you@127.0.0.1",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), cmd, f)
		},
	}
	paths := config.DefaultPaths()
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", sshserve.DefaultAddr, "address to listen on (exposing it beyond loopback is your decision: use a VPN or bastion)")
	fl.StringVar(&f.authorizedKeys, "authorized-keys", filepath.Join(paths.ConfigDir, "authorized_keys"), "the operators' allow-list (authorized_keys format, role=… option, name as comment)")
	fl.StringVar(&f.hostKey, "host-key", filepath.Join(paths.DataDir, "ssh", "host_ed25519"), "the server's ed25519 host key (made once when missing)")
	fl.StringVar(&f.auditLog, "audit-log", filepath.Join(paths.StateDir, "serve", "audit.log"), "the append-only audit log of every write")
	fl.DurationVar(&f.idle, "idle-timeout", sshserve.DefaultIdleTimeout, "end a session after this long without a key press")
	fl.DurationVar(&f.maxSession, "max-timeout", sshserve.DefaultMaxTimeout, "end any session after this long")
	fl.DurationVar(&f.shareWindow, "share-window", 2*time.Second, "how long one read's answer is reused for every session")
	fl.BoolVar(&f.demo, "demo", false, "serve the built-in sandbox's demo agent (its audit log and drafts kept apart, under demo/)")
	fl.Int64Var(&f.seed, "seed", 1, "demo: world seed")
	fl.DurationVar(&f.activity, "activity", 4*time.Second, "demo: mean time between other agents' actions (0 stops them)")
	fl.StringVar(&f.baseURL, "base-url", "", "the API server (default "+config.DefaultBaseURL+", or $"+config.EnvBaseURL+")")
	fl.StringVar(&f.profile, "profile", "", "the stored account to serve (imagine login --profile NAME; default $IMAGINEANYTHING_PROFILE or the default one)")
	fl.StringVar(&f.configFile, "config", "", "config file (default $XDG_CONFIG_HOME/imagine/config.toml)")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	fl.StringVar(&f.logFile, "log-file", "", "log file (default $XDG_STATE_HOME/imagine/serve.log)")
	return cmd
}

// runServe signs in to the account, starts the SSH server and serves until
// the context ends.
func runServe(ctx context.Context, cmd *cobra.Command, f serveFlags) error {
	st, err := openStartup(f.configFile, f.logFile, f.logLevel, "serve.log")
	if err != nil {
		return err
	}
	defer st.closer.Close()
	paths, cfg, logger, redact := st.paths, st.cfg, st.logger, st.redact
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	acct, err := serveCredentials(ctx, f, cfg, paths, logger)
	if err != nil {
		return err
	}
	redact.addSecret(acct.secret.Reveal())
	app, err := newServeApp(ctx, serveAppConfig{
		account:     acct,
		cfg:         cfg,
		logger:      logger,
		shareWindow: f.shareWindow,
	})
	if err != nil {
		return err
	}
	if f.demo && !cmd.Flags().Changed("audit-log") {
		f.auditLog = filepath.Join(paths.StateDir, "demo", "serve", "audit.log")
	}
	audit, err := sshserve.OpenAudit(f.auditLog)
	if err != nil {
		return err
	}
	defer audit.Close()
	app.audit = audit
	srv, err := sshserve.New(sshserve.Config{
		AllowList:   f.authorizedKeys,
		HostKey:     f.hostKey,
		Audit:       audit,
		Run:         app.run,
		IdleTimeout: f.idle,
		MaxTimeout:  f.maxSession,
		Logger:      logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	out := cmd.ErrOrStderr()
	if ip := net.ParseIP(host(ln.Addr())); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(out, "imagine serve: listening beyond this machine (%s): keep it behind a VPN or bastion\n", ln.Addr())
		logger.Warn("serving beyond loopback", "addr", ln.Addr().String())
	}
	fmt.Fprintf(out, "imagine serve: @%s on ssh://%s\n", app.handle, ln.Addr())
	fmt.Fprintf(out, "  host key %s (%s)\n  allow-list %s\n  audit log %s\n  connect: ssh -p %s -t you@%s\n",
		srv.HostFingerprint(), f.hostKey, f.authorizedKeys, f.auditLog, port(ln.Addr()), host(ln.Addr()))
	logger.Info("serving", "addr", ln.Addr().String(), "host_key", srv.HostFingerprint(), "handle", app.handle)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if err := sshserve.SelfTest(ln.Addr().String()); err != nil {
		_ = srv.Shutdown(context.Background())
		return err
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// serveAccount is the one account every session of serve is signed in as.
type serveAccount struct {
	baseURL  string
	clientID string
	secret   api.Secret
	// draftDir is the account's drafts directory and dataDir its data
	// directory (none for the demo); each operator key gets its own below
	// them.
	draftDir, dataDir string
	demo              bool
}

// serveCredentials finds the account serve signs in as, as the TUI does
// (the account layer: the demo sandbox's agent with --demo, else the
// environment, then the profile's stored credentials). It is the one
// place serve asks for credentials.
func serveCredentials(ctx context.Context, f serveFlags, cfg config.Config, paths config.Paths, logger *log.Logger) (serveAccount, error) {
	rf := rootFlags{demo: f.demo, baseURL: f.baseURL, profile: f.profile, seed: f.seed, activity: f.activity}
	var s *session
	var err error
	if f.demo {
		s, err = demoSession(ctx, rf, paths, logger)
	} else {
		s, err = accountSession(rf, paths, cfg, logger)
	}
	if errors.Is(err, account.ErrNoCredentials) {
		return serveAccount{}, fmt.Errorf("nothing to serve: run imagine login (or set %s and %s), or try imagine serve --demo (%w)",
			account.EnvClientID, account.EnvClientSecret, err)
	}
	if err != nil {
		return serveAccount{}, err
	}
	acc := serveAccount{baseURL: s.baseURL, clientID: s.clientID, secret: s.secret,
		draftDir: filepath.Join(s.draftDir, "operators"), demo: s.demo}
	if !s.demo && s.dataDir != "" {
		acc.dataDir = filepath.Join(s.dataDir, "operators")
	}
	return acc, nil
}

// port and host split a listener's address for the printed ssh command.
func port(a net.Addr) string { _, p, _ := net.SplitHostPort(a.String()); return p }

// host is where an operator connects to: the listening address, or, for
// one that listens on every address (0.0.0.0, ::), this machine's name
// (an operator cannot connect to "::").
func host(a net.Addr) string {
	h, _, _ := net.SplitHostPort(a.String())
	if ip := net.ParseIP(h); ip != nil && ip.IsUnspecified() {
		if name, err := os.Hostname(); err == nil && name != "" {
			return name
		}
		return "<this machine>"
	}
	return h
}
