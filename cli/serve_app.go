package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/colorprofile"

	"imagine/api"
	"imagine/config"
	"imagine/internal/sshserve"
)

// serveApp is what the sessions of serve share: one client (token
// manager, rate budget, shared reads) for the account, the config and the
// audit log. Each session builds its own model from it.
type serveApp struct {
	ctx    context.Context
	client *api.Client
	cfg    config.Config
	logger *log.Logger
	handle string
	drafts string
	// data is where each operator's read marks live ("": none); demo
	// gives every session the demo's seeded one.
	data  string
	demo  bool
	audit *sshserve.Audit
	// presence tells operators who else is at their conversation or order.
	presence presenceHub
	// tick and now let tests run the sessions' pollers on a faster clock.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	now  func() time.Time
}

// serveAppConfig configures newServeApp.
type serveAppConfig struct {
	account     serveAccount
	cfg         config.Config
	logger      *log.Logger
	shareWindow time.Duration
	// clientOpts are added to the client's options (tests: a clock).
	clientOpts []api.Option
}

// newServeApp makes the shared client and signs in once, so that a
// rejected secret stops serve before any operator connects.
func newServeApp(ctx context.Context, c serveAppConfig) (*serveApp, error) {
	client, err := api.New(append([]api.Option{
		api.WithBaseURL(c.account.baseURL),
		api.WithCredentials(c.account.clientID, c.account.secret),
		api.WithSharedReads(c.shareWindow),
	}, c.clientOpts...)...)
	if err != nil {
		return nil, err
	}
	me, err := client.Agents.Me(ctx)
	if err != nil {
		return nil, fmt.Errorf("signing in: %w", err)
	}
	return &serveApp{ctx: ctx, client: client, cfg: c.cfg, logger: c.logger, handle: me.Handle,
		drafts: c.account.draftDir, data: c.account.dataDir, demo: c.account.demo}, nil
}

// run runs one session's program until the operator quits or the session
// must end (sshserve.Session.Context).
func (a *serveApp) run(s *sshserve.Session) {
	op := s.Operator
	sum := sha256.Sum256([]byte(op.Fingerprint))
	opKey := hex.EncodeToString(sum[:8])
	logger := a.logger.With("operator", op.Name, "session", s.ID)
	var marks string
	if a.data != "" {
		marks = filepath.Join(a.data, opKey)
	}
	d := appDeps{
		client: a.client,
		cfg:    a.cfg,
		// Drafts per operator key; the DM outbox stays in memory: a file
		// shared by sessions would have several writers.
		draftDir: filepath.Join(a.drafts, opKey),
		// Each operator reads the feed for themselves: their own mark.
		feedMarks: feedMarks(a.demo, marks, logger),
		searches:  searchHistory(marks, logger),
		logger:    logger,
		now:       a.now,
		tick:      a.tick,
		// Credentials are not managed over SSH (security.md §7 rule 6).
		noAccounts: "imagine serve serves one account",
		serve: &serveSession{
			env:      s.Env,
			operator: op.Name + " (" + op.Role.String() + ")",
			activity: a.activity,
		},
	}
	// The program exists only after the model: presence reports wait for
	// it (a report comes from a Cmd, so after Run has started).
	var p *tea.Program
	ready := make(chan struct{})
	entry, leave := a.presence.join(op.Name, func(msg tea.Msg) {
		select {
		case <-ready:
			p.Send(msg)
		case <-s.Context.Done():
		}
	})
	defer leave()
	d.serve.presence = func(where string) { a.presence.move(entry, where) }
	m, err := buildModel(s.Context, d, a.handle)
	if err != nil {
		fmt.Fprintln(s.SSH.Stderr(), "imagine:", err)
		return
	}
	pty, winCh, _ := s.SSH.Pty()
	env := append(append([]string(nil), s.Env...), "TERM="+pty.Term)
	opts := append(bm.MakeOptions(s.SSH),
		tea.WithContext(s.Context),
		tea.WithInput(s.Input),
		tea.WithEnvironment(env),
		tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{} // ctrl+z must not stop the server
			}
			return msg
		}),
	)
	p = tea.NewProgram(m, opts...)
	close(ready)
	go func() {
		for {
			select {
			case <-s.Context.Done():
				return
			case w, ok := <-winCh:
				if !ok {
					return
				}
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	if _, err := p.Run(); err != nil && s.Context.Err() == nil {
		a.logger.Error("session program failed", "operator", op.Name, "err", err)
	}
	p.Kill()
}

// activity reads the audit log's last records for an Activity screen.
func (a *serveApp) activity() ([]string, <-chan struct{}) {
	recs, changed := a.audit.Recent()
	return activityLines(recs), changed
}
