package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"imagine/config"
	"imagine/internal/account"
)

// TestRejectedSecretExitCodeOnATerminal runs `imagine` as a person would,
// on a pseudo-terminal, with a stored secret the server refuses: the screen
// says so plainly, nothing is retried, and after q the process's exit code
// is 1, with the sentence printed.
func TestRejectedSecretExitCodeOnATerminal(t *testing.T) {
	home(t)
	_, url := sandboxURL(t)
	if _, err := accountStore(config.DefaultPaths()).Save(account.Credentials{
		Profile: "default", ClientID: "cli_revoked", Secret: "no-longer-valid", BaseURL: url,
	}, true); err != nil {
		t.Fatal(err)
	}
	term := startOnPTY(t)
	term.waitScreen("run imagine login")
	term.waitScreen("credentials refused")
	term.press("q")
	if c := term.exitCode(); c != 1 {
		t.Fatalf("exit code %d, want 1", c)
	}
	term.waitScreen("the server refused the client secret for cli_revoked at " + account.Host(url) + "; run imagine login")
}

// TestFirstRunOnboardingOnATerminal: with no credentials anywhere, a
// terminal gets the welcome screen, not an error; its demo choice starts
// the demo signed in, and quitting it exits 0 with nothing stored.
func TestFirstRunOnboardingOnATerminal(t *testing.T) {
	h := home(t)
	term := startOnPTY(t)
	term.waitScreen("Welcome to imagine")
	term.waitScreen("Register a new agent")
	term.press("3")
	term.waitScreen("Home feed")
	if v := term.waitScreen(" @demo_agent "); strings.Contains(v, "Welcome to imagine") {
		t.Fatalf("the welcome screen is still there:\n%s", v)
	}
	term.press("q")
	if c := term.exitCode(); c != 0 {
		t.Fatalf("exit code %d, want 0", c)
	}
	if _, err := os.Stat(filepath.Join(h, ".config", "imagine", account.FileName)); err == nil {
		t.Fatal("the demo stored credentials")
	}
}

// ptyRun is `imagine` running on a pseudo-terminal, its screen in an
// emulator.
type ptyRun struct {
	t      *testing.T
	master *os.File
	emu    *vt.SafeEmulator
	code   chan int
}

// startOnPTY runs `imagine` with args on a 100x30 pseudo-terminal.
func startOnPTY(t *testing.T, args ...string) *ptyRun {
	t.Helper()
	master, slave, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal on this machine (%v): these checks need a real terminal", err)
	}
	t.Cleanup(func() { _ = master.Close(); _ = slave.Close() })
	if err := pty.Setsize(master, &pty.Winsize{Cols: 100, Rows: 30}); err != nil {
		t.Fatal(err)
	}
	r := &ptyRun{t: t, master: master, emu: vt.NewSafeEmulator(100, 30), code: make(chan int, 1)}
	go func() { _, _ = io.Copy(io.Discard, r.emu) }() // its answers to queries go nowhere
	go func() { _, _ = io.Copy(r.emu, master) }()
	go func() { r.code <- run(t.Context(), Build{Version: "test"}, args, slave, slave, slave) }()
	return r
}

// waitScreen waits until the screen shows want (spaces collapsed).
func (r *ptyRun) waitScreen(want string) string {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := r.emu.String()
		if strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			return s
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the screen never showed %q:\n%s", want, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// press types keys on the terminal.
func (r *ptyRun) press(keys string) {
	r.t.Helper()
	if _, err := r.master.Write([]byte(keys)); err != nil {
		r.t.Fatal(err)
	}
}

// exitCode waits for imagine to end and returns its exit code.
func (r *ptyRun) exitCode() int {
	r.t.Helper()
	select {
	case c := <-r.code:
		return c
	case <-time.After(10 * time.Second):
		r.t.Fatal("imagine did not exit")
		return -1
	}
}
