package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/account"
)

// session is who the TUI signs in as and where that account keeps its
// state.
type session struct {
	baseURL  string
	clientID string
	secret   api.Secret
	// draftDir, dataDir and cacheDir are the account's own (account.Layout);
	// the demo's are apart, and it caches nothing (cacheDir "").
	draftDir, dataDir, cacheDir string
	// rejected is the sentence for a refused secret.
	rejected string
	// profile is the stored profile signed in ("" for the environment's
	// credentials or the demo); demo marks the demo.
	profile string
	demo    bool
}

// startSession finds the credentials: the demo's, the environment's or the
// profile's; with none, the onboarding screen decides. A nil session with
// a nil error means the operator quit the onboarding screen.
func startSession(ctx context.Context, cmd *cobra.Command, b Build, f rootFlags, paths config.Paths, cfg config.Config, logger *log.Logger) (*session, error) {
	if f.demo {
		return demoSession(ctx, f, paths, logger)
	}
	s, err := accountSession(f, paths, cfg, logger)
	if !errors.Is(err, account.ErrNoCredentials) {
		return s, err
	}
	if !isTerminal(cmd.InOrStdin()) {
		return nil, fmt.Errorf("not signed in: run imagine register or imagine login, or try imagine --demo (%w)", err)
	}
	choice, err := onboard(ctx, cmd, b, f, paths, cfg)
	switch {
	case err != nil:
		return nil, err
	case choice == onboardQuit:
		return nil, nil
	case choice == onboardDemo:
		return demoSession(ctx, f, paths, logger)
	}
	return accountSession(f, paths, cfg, logger)
}

// accountSession loads the profile's (or the environment's) credentials
// and prepares the account's private directories.
func accountSession(f rootFlags, paths config.Paths, cfg config.Config, logger *log.Logger) (*session, error) {
	creds, src, err := accountStore(paths).LoadFlagged(f.profile)
	if err != nil {
		return nil, err
	}
	server, err := serverOf(creds, f.baseURL, cfg)
	if err != nil {
		return nil, err
	}
	if src.Warning != "" {
		logger.Warn(src.Warning)
	}
	logger.Info("credentials", "profile", creds.Profile, "client", creds.ClientID, "source", src.Kind.String())
	layout := account.LayoutFor(account.Dirs{State: paths.StateDir, Data: paths.DataDir, Cache: paths.CacheDir}, server, creds.ClientID)
	if err := layout.Ensure(); err != nil {
		return nil, err
	}
	warnLegacyOutbox(paths, logger)
	return &session{
		baseURL: server, clientID: creds.ClientID, secret: creds.Secret,
		draftDir: layout.Drafts, dataDir: layout.Data, cacheDir: layout.Cache,
		rejected: rejectedText(creds.ClientID, server),
		profile:  creds.Profile,
	}, nil
}

// demoSession starts the embedded sandbox and signs in as its demo agent;
// its drafts and outbox are kept apart from every account's.
func demoSession(ctx context.Context, f rootFlags, paths config.Paths, logger *log.Logger) (*session, error) {
	faults, err := sandbox.ParseFaults(f.faults)
	if err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	srv := sandbox.New(sandbox.Options{Seed: f.seed, FreshIDs: true, Activity: f.activity, Faults: faults,
		GenFailRate: sandbox.DefaultGenFailRate})
	url, err := srv.Listen(ctx, "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo sandbox: %w", err)
	}
	id, secret := srv.DemoCredentials()
	demoDir := filepath.Join(paths.StateDir, "demo")
	s := &session{
		baseURL: url, clientID: id, secret: api.Secret(secret),
		draftDir: filepath.Join(demoDir, "drafts"), dataDir: demoDir, demo: true,
	}
	if err := account.EnsurePrivateTree(paths.StateDir, s.draftDir); err != nil {
		return nil, err
	}
	logger.Info("demo sandbox started", "url", url, "seed", f.seed)
	return s, nil
}

// warnLegacyOutbox logs an outbox left by a version that kept one for every
// account: whose it is cannot be known, so it is never sent.
func warnLegacyOutbox(paths config.Paths, logger *log.Logger) {
	old := filepath.Join(paths.DataDir, "outbox.json")
	if _, err := os.Stat(old); err == nil {
		logger.Warn("an outbox from before accounts were kept apart is not sent: it may belong to another agent; move it into the account's directory by hand if it is this one's",
			"file", old)
	}
}
