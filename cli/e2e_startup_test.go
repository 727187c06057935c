package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/feedcache"
	"imagine/internal/tuitest"
)

// runAppCached starts the whole TUI like runApp, with the home feed cache
// the real command gives a signed-in account (nil: none, as the demo).
func runAppCached(t testing.TB, c *api.Client, cache *feedcache.Store, w, h int) (*teatest.TestModel, *screen) {
	t.Helper()
	return startApp(t, cachedDeps(t, c, cache, t.Output()), w, h)
}

// cachedDeps is what runTUI wires for a signed-in account, its log going
// to logw through the real redaction.
func cachedDeps(t testing.TB, c *api.Client, cache *feedcache.Store, logw io.Writer) appDeps {
	return appDeps{
		client:    c,
		cfg:       config.Config{Theme: "dark"},
		draftDir:  t.TempDir(),
		dataDir:   t.TempDir(),
		feedCache: cache,
		logger:    log.NewWithOptions(&redactingWriter{w: logw}, log.Options{Level: log.DebugLevel}),
	}
}

// startApp runs the program built from d on a w×h virtual terminal.
func startApp(t testing.TB, d appDeps, w, h int) (*teatest.TestModel, *screen) {
	t.Helper()
	m, err := buildModel(t.Context(), d, "")
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI)))
	return tm, newScreen(tm, w, h)
}

// gate holds the requests it matches until opened; opening twice is fine.
type gate struct {
	match func(*http.Request) bool
	open  chan struct{}
	once  sync.Once
}

func newGate(match func(*http.Request) bool) *gate {
	return &gate{match: match, open: make(chan struct{})}
}

func (g *gate) release() { g.once.Do(func() { close(g.open) }) }

// serve serves h over loopback, holding the requests g matches.
func (g *gate) serve(t testing.TB, h http.Handler) string {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.match(r) {
			select {
			case <-g.open:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	t.Cleanup(g.release) // runs first: Close would wait for held requests
	return ts.URL
}

// demoClient signs in as srv's demo agent at url.
func demoClient(t testing.TB, srv *sandbox.Server, url string) (*api.Client, string) {
	t.Helper()
	id, secret := srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(url), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	return c, id
}

// waitGone waits until the screen no longer shows s.
func (s *screen) waitGone(t testing.TB, gone string, d time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(d)
	last := s.text()
	for strings.Contains(last, gone) {
		if time.Now().After(deadline) {
			t.Fatalf("screen still shows %q:\n%s", gone, last)
		}
		time.Sleep(20 * time.Millisecond)
		last = s.text()
	}
	return last
}

// TestEndToEndCachedFeedShowsBeforeTheServerAnswers starts the program with
// last run's home page on disk and a server that holds the home feed: the
// cached posts show at once, marked, and the cursor can move on them; when
// the server answers, its page replaces them, the cursor still on the same
// post, and is saved for the next start.
func TestEndToEndCachedFeedShowsBeforeTheServerAnswers(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	lastRun, err := clientFor(t, srv).Feed.List(t.Context(), nil)
	if err != nil || len(lastRun.Items) < 3 {
		t.Fatalf("home feed: %v", err)
	}
	// The post the operator will select, and the one the row above will
	// hold once a new post pushes the list down, must look different.
	sel, above := lastRun.Items[2], lastRun.Items[1]
	if sel.Agent.Handle == above.Agent.Handle || sel.Agent.Handle == "demo_agent" {
		t.Fatalf("test premise: posts 1 and 2 by different agents, got @%s and @%s", above.Agent.Handle, sel.Agent.Handle)
	}
	snippet := strings.Fields(sel.Content)[0] + " " + strings.Fields(sel.Content)[1]

	feedGate := newGate(func(r *http.Request) bool { return r.URL.Path == "/api/feed" })
	c, id := demoClient(t, srv, feedGate.serve(t, srv))
	cache := feedcache.New(t.TempDir(), c.BaseURL(), id, nil)
	if err := cache.Save(lastRun.Items, time.Now().Add(-3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	// Since then, an agent the operator follows has posted.
	const fresh = "Posted after the cache was written #e2e"
	srv.ActAs(sel.Agent.Handle).Post(fresh)

	tm, scr := runAppCached(t, c, cache, 120, 40)
	v := scr.waitFor(t, "cached · 3m ago", 2*time.Second)
	if !strings.Contains(v, "@"+lastRun.Items[0].Agent.Handle) || strings.Contains(v, fresh) {
		t.Fatalf("the cached page should show while the server holds the feed:\n%s", v)
	}
	tm.Send(tuitest.Press("j"))
	tm.Send(tuitest.Press("j"))
	time.Sleep(100 * time.Millisecond) // let the keys land before the answer

	feedGate.release()
	scr.waitGone(t, "cached ·", 5*time.Second)
	tm.Send(tuitest.Press("enter"))
	v = scr.waitFor(t, "Home feed › post by @", 5*time.Second)
	if !strings.Contains(v, "Home feed › post by @"+sel.Agent.Handle) || !strings.Contains(v, snippet) {
		t.Fatalf("after the refresh the cursor should still be on @%s's %q:\n%s", sel.Agent.Handle, snippet, v)
	}
	tm.Send(tuitest.Press("esc"))
	tm.Send(tuitest.Press("g"))
	scr.waitFor(t, fresh, 5*time.Second)

	// The next start will show the fresh page.
	waitServer(t, func() bool {
		posts, _, err := cache.Load()
		return err == nil && len(posts) > 0 && posts[0].Content == fresh
	})
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestEndToEndPublicTimelineWhileSignInIsHeld starts with no cache and a
// server that holds the token request: the public timeline shows anyway,
// and the home feed takes its place once sign-in completes.
func TestEndToEndPublicTimelineWhileSignInIsHeld(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	pub, err := clientFor(t, srv).Posts.List(t.Context(), nil)
	if err != nil || len(pub.Items) == 0 {
		t.Fatalf("public timeline: %v", err)
	}
	tokenGate := newGate(func(r *http.Request) bool { return r.URL.Path == "/api/auth/token" })
	c, id := demoClient(t, srv, tokenGate.serve(t, srv))
	empty := feedcache.New(t.TempDir(), c.BaseURL(), id, nil)

	tm, scr := runAppCached(t, c, empty, 120, 40)
	v := scr.waitFor(t, "home feed loading…", 2*time.Second)
	if !strings.Contains(v, "Public timeline · ") || !strings.Contains(v, "@"+pub.Items[0].Agent.Handle) {
		t.Fatalf("the public timeline should stand in while sign-in is held:\n%s", v)
	}
	tokenGate.release()
	scr.waitFor(t, "Home feed · ", 5*time.Second)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
