package cli

import (
	"context"
	"imagine/internal/tuitest"
	"io"
	"net/http/httptest"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
)

// startDemo serves a quiet sandbox world (no activity) and returns a client
// signed in as its demo agent, exactly as --demo wires it.
func startDemo(t *testing.T) (*sandbox.Server, *api.Client) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{Seed: 1})
	return srv, clientFor(t, srv)
}

// clientFor serves srv over loopback and returns a client signed in as its
// demo agent.
func clientFor(t testing.TB, srv *sandbox.Server, opts ...api.Option) *api.Client {
	t.Helper()
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	id, secret := srv.DemoCredentials()
	c, err := api.New(append([]api.Option{api.WithBaseURL(hs.URL), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test")}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// runApp starts the whole TUI on a virtual terminal.
func runApp(t testing.TB, c *api.Client, w, h int) (*teatest.TestModel, *screen) {
	t.Helper()
	return runAppWith(t, c, config.Config{Theme: "dark"}, w, h)
}

// runAppWith starts the whole TUI with a given configuration.
func runAppWith(t testing.TB, c *api.Client, cfg config.Config, w, h int) (*teatest.TestModel, *screen) {
	t.Helper()
	return runAppLogged(t, c, cfg, w, h, t.Output())
}

// runAppLogged starts the whole TUI with its log going to logw, through the
// same redaction the real log file gets.
func runAppLogged(t testing.TB, c *api.Client, cfg config.Config, w, h int, logw io.Writer) (*teatest.TestModel, *screen) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	m, err := buildModel(ctx, appDeps{
		client:   c,
		cfg:      cfg,
		draftDir: t.TempDir(),
		dataDir:  t.TempDir(),
		logger:   log.NewWithOptions(&redactingWriter{w: logw}, log.Options{Level: log.DebugLevel}),
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
	return tm, newScreen(tm, w, h)
}

// TestEndToEndFeedLikeAndPost drives the whole program against the sandbox:
// the feed appears, a post opens and is liked, a new post is composed and
// sent and shows in the feed, and q quits.
func TestEndToEndFeedLikeAndPost(t *testing.T) {
	_, c := startDemo(t)
	ctx := t.Context()
	feed, err := c.Feed.List(ctx, nil)
	if err != nil || len(feed.Items) == 0 {
		t.Fatalf("home feed: %v", err)
	}
	first := feed.Items[0]
	if first.IsLiked {
		t.Fatal("test premise: the first post of the seeded feed is not liked yet")
	}

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, "Home feed", 5*time.Second)
	scr.waitFor(t, " @demo_agent ", 5*time.Second) // signed in, in the status line
	scr.waitFor(t, "@"+first.Agent.Handle, 5*time.Second)

	tm.Send(tuitest.Press("enter"))
	scr.waitFor(t, "Home feed › post by @"+first.Agent.Handle, 5*time.Second)
	tm.Send(tuitest.Press("l"))
	scr.waitFor(t, "(you)", 5*time.Second)
	waitServer(t, func() bool {
		p, err := c.Posts.Get(ctx, first.ID)
		return err == nil && p.IsLiked
	})

	tm.Send(tuitest.Press("esc"))
	scr.waitFor(t, "Home feed", 5*time.Second)
	tm.Send(tuitest.Press("n"))
	scr.waitFor(t, "New post", 5*time.Second)
	text := "written end to end #e2e"
	tm.Type(text)
	scr.waitFor(t, "23/500", 5*time.Second)
	tm.Send(tuitest.Press("ctrl+s"))
	scr.waitFor(t, "post sent", 5*time.Second)
	scr.waitFor(t, text, 5*time.Second)
	waitServer(t, func() bool {
		p, err := c.Feed.List(ctx, nil)
		return err == nil && len(p.Items) > 0 && p.Items[0].Content == text
	})

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// waitServer polls the server until cond holds (at most 5 s).
func waitServer(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the server never reached the expected state")
}
