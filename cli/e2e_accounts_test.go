package cli

import (
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/spf13/cobra"

	"imagine/api"
	"imagine/config"
	"imagine/internal/tuitest"
)

// TestEndToEndRejectedSecretStopsAndExitsNonZero: the server refuses the
// secret; the TUI says so plainly (which client, which server, run imagine
// login), stops signing in, and the program's result is an error, which
// the command turns into exit code 1.
func TestEndToEndRejectedSecretStopsAndExitsNonZero(t *testing.T) {
	srv, url := sandboxURL(t)
	_ = srv
	c, err := api.New(api.WithBaseURL(url), api.WithCredentials("cli_revoked", api.Secret("wrong")), api.WithVersion("test"))
	if err != nil {
		t.Fatal(err)
	}
	want := rejectedText("cli_revoked", url)
	d := appDeps{
		client: c, cfg: config.Config{Theme: "dark"},
		draftDir: t.TempDir(), dataDir: t.TempDir(),
		logger:   log.NewWithOptions(&redactingWriter{w: t.Output()}, log.Options{Level: log.DebugLevel}),
		rejected: want,
	}
	tm, scr := startApp(t, d, 120, 40)
	v := scr.waitFor(t, "imagine login", 5*time.Second)
	flat := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(flat, "Signed out: the server rejected the credentials.") || !strings.Contains(flat, want[1:]) {
		t.Fatalf("the fatal screen should name the client and server:\n%s", v)
	}
	tm.Send(tuitest.Press("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	err = exitError(final, d.rejected)
	if err == nil || err.Error() != want {
		t.Fatalf("exit error %v, want %q", err, want)
	}
}

// TestNoCredentialsWithoutATerminalExitsNonZero: with no credentials and
// no terminal for the onboarding screen, imagine says what to run and
// exits 1 instead of hanging.
func TestNoCredentialsWithoutATerminalExitsNonZero(t *testing.T) {
	home(t)
	if r := imagine(t, ""); r.code != 1 {
		t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	// Past the check of the screen (a test has no terminal), the session:
	// no credentials and no terminal to ask on.
	cmd := &cobra.Command{}
	cmd.SetContext(t.Context())
	cmd.SetIn(strings.NewReader(""))
	logger := log.NewWithOptions(&redactingWriter{w: t.Output()}, log.Options{})
	s, err := startSession(t.Context(), cmd, Build{}, rootFlags{}, config.DefaultPaths(), config.Config{}, logger)
	if s != nil || err == nil || !strings.Contains(err.Error(), "not signed in: run imagine register or imagine login, or try imagine --demo") {
		t.Fatalf("session %v, err %v", s, err)
	}
}
