package cli

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
)

// serveOn serves srv on addr ("127.0.0.1:0" for any port) and returns the
// address it listens on and a function that stops it, connections and all.
func serveOn(t *testing.T, srv http.Handler, addr string) (string, func()) {
	t.Helper()
	var l net.Listener
	var err error
	for range 50 { // the port of a stopped server may take a moment to free
		if l, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = hs.Serve(l) }()
	stop := func() { _ = hs.Close() }
	t.Cleanup(stop)
	return l.Addr().String(), stop
}

// TestEndToEndServerStopsAndComesBack (issue 12, status that tells the
// truth): the whole program against a sandbox that is stopped and then
// started again on the same port. Before the first answer the status line
// says "◌ connecting", then "● live"; with the server gone it says
// "○ offline" and, asked to refresh, names the host and the real cause
// (connection refused); once the server is back it says "back online" and
// "● live" again, by itself.
func TestEndToEndServerStopsAndComesBack(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	// The network hangs until the first frames have shown that nothing
	// has answered yet.
	gate := &hangGate{next: srv}
	gate.hang()
	addr, stop := serveOn(t, gate, "127.0.0.1:0")
	id, secret := srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL("http://"+addr), api.WithCredentials(id, api.Secret(secret)), api.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	noSplit := false // one pane, so the error line is shown whole
	cfg := config.Config{Theme: "dark", Split: &noSplit, Poll: map[string]config.Duration{
		"feed":          {Duration: time.Second},
		"notifications": {Duration: time.Second},
		"messages":      {Duration: time.Second},
	}}
	tm, scr := runAppWith(t, c, cfg, 120, 40)
	scr.waitFor(t, "◌ connecting", 5*time.Second)
	gate.release()
	scr.waitFor(t, "● live", 10*time.Second)

	stop()
	scr.waitFor(t, "○ offline", 20*time.Second)
	tm.Send(tuitest.Press("r")) // refresh now: probes, and says why it failed
	screen := scr.waitFor(t, "connection refused", 10*time.Second)
	if !strings.Contains(screen, addr) {
		t.Errorf("the screen does not name the host %s:\n%s", addr, screen)
	}
	for _, bad := range []string{"too many requests", "api: ", "http://"} {
		if strings.Contains(screen, bad) {
			t.Errorf("the screen says %q:\n%s", bad, screen)
		}
	}

	serveOn(t, gate, addr)
	scr.waitFor(t, "back online", 90*time.Second)
	scr.waitFor(t, "● live", 10*time.Second)

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
