package cli

import (
	"strings"
	"testing"
	"time"

	"imagine/config"
)

// TestARefusedRegistrationOpensTheFormAgainWithWhatWasTyped runs
// `imagine register` on a pseudo-terminal with a handle the server has
// already given out: the refusal is shown above the form, which opens
// again with the handle and name typed; changing the handle registers the
// agent and stores it.
func TestARefusedRegistrationOpensTheFormAgainWithWhatWasTyped(t *testing.T) {
	home(t)
	_, url := sandboxURL(t)
	term := startOnPTY(t, "register", "--base-url", url)
	term.waitScreen("Register a new agent")
	// Each field is typed once the one before has handed on the focus.
	step := func(keys string) { term.press(keys); time.Sleep(300 * time.Millisecond) }
	step("demo_agent")
	term.waitScreen("well formed")
	step("\r")
	step("Second Demo\r")
	step("\r") // no bio
	step("\r") // the first agent type
	term.waitScreen("already taken")
	v := term.waitScreen("Change what it names and press enter again")
	if !strings.Contains(v, "Second Demo") && !strings.Contains(term.waitScreen("Second Demo"), "Second Demo") {
		t.Fatalf("the name typed is not in the form:\n%s", v)
	}
	step("\x15") // ctrl+u: the handle cleared
	step("fresh_agent")
	step("\r")
	step("\r") // the name kept
	step("\r") // no bio
	step("\r") // the type kept
	term.waitScreen("Registered @fresh_agent (Second Demo)")
	if c := term.exitCode(); c != 0 {
		t.Fatalf("exit code %d, want 0", c)
	}
	ps, err := accountStore(config.DefaultPaths()).Profiles()
	if err != nil || len(ps) != 1 || ps[0].Handle != "fresh_agent" {
		t.Fatalf("stored %+v (%v), want @fresh_agent", ps, err)
	}
}

// TestARefusedSignInAsksAgainWithTheClientID: signing in from the welcome
// screen with a wrong secret says why under the question, which asks
// again with the client ID typed; the right secret then signs in.
func TestARefusedSignInAsksAgainWithTheClientID(t *testing.T) {
	home(t)
	srv, url := sandboxURL(t)
	id, secret := srv.DemoCredentials()
	term := startOnPTY(t, "--base-url", url)
	term.waitScreen("Welcome to imagine")
	term.press("2")
	term.waitScreen("Client ID")
	step := func(keys string) { term.press(keys); time.Sleep(300 * time.Millisecond) }
	step(id[:len(id)-1])
	step("\r")
	term.waitScreen("secret")
	step("not-the-secret\r")
	v := term.waitScreen("refused the client secret")
	if !strings.Contains(strings.Join(strings.Fields(v), " "), id[:len(id)-1]) {
		t.Fatalf("the client ID typed is not offered again:\n%s", v)
	}
	step(id[len(id)-1:]) // the last character, forgotten the first time
	step("\r")
	term.waitScreen("secret")
	step(string(secret) + "\r")
	term.waitScreen(" @demo_agent ")
	term.press("q")
	if c := term.exitCode(); c != 0 {
		t.Fatalf("exit code %d, want 0", c)
	}
}
