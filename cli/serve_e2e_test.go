package cli

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestServeAcceptedKeySeesTheFeed: an operator in the allow-list gets the
// TUI over SSH, signed in as the account, named in the status line; q
// ends the session.
func TestServeAcceptedKeySeesTheFeed(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	alice := r.connect(t, "alice")
	alice.waitFor(t, "Home feed", 10*time.Second)
	alice.waitFor(t, "@demo_agent  alice (operator)", 5*time.Second)
	alice.press(t, "q")
	alice.ended(t, 10*time.Second)
}

// TestServeUnknownKeyAndExecRefused: a key outside the allow-list is
// refused at authentication, and an allowed key cannot run a command.
func TestServeUnknownKeyAndExecRefused(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	r.writeAllowList(t, "alice")
	if c, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "bob",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(r.keys["bob"])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}); err == nil {
		// The watch may not have read the new list yet: try once more.
		c.Close()
		time.Sleep(300 * time.Millisecond)
		if c, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "bob",
			Auth:            []gossh.AuthMethod{gossh.PublicKeys(r.keys["bob"])},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}); err == nil {
			c.Close()
			t.Fatal("a key removed from the allow-list got in")
		}
	}
	c, err := gossh.Dial("tcp", r.addr, &gossh.ClientConfig{User: "alice",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(r.keys["alice"])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	out, err := s.CombinedOutput("id")
	if err == nil || !strings.Contains(string(out), "refused") {
		t.Errorf("exec: %v %q", err, out)
	}
}

// TestServeViewerCannotPost: a viewer's like is refused before it leaves
// the client, the refusal names the operator, and the audit log and the
// Activity screen record it; the operator's like goes through.
func TestServeViewerCannotPost(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	bob := r.connect(t, "bob")
	bob.waitFor(t, "Home feed", 10*time.Second)
	bob.waitFor(t, "likes", 5*time.Second)
	bob.press(t, "l")
	bob.waitFor(t, "bob is a viewer", 5*time.Second)
	if n := r.sb.Stats().ByRoute["POST /api/posts/{id}/like"]; n != 0 {
		t.Fatalf("a viewer's like reached the server (%d)", n)
	}
	recs, _ := r.audit.Recent()
	if len(recs) != 1 || recs[0].Operator != "bob" || recs[0].Outcome != "denied" || recs[0].Action != "POST /api/posts/{id}/like" {
		t.Fatalf("audit: %+v", recs)
	}

	alice := r.connect(t, "alice")
	alice.waitFor(t, "likes", 10*time.Second)
	alice.press(t, "l")
	deadline := time.Now().Add(5 * time.Second)
	for r.sb.Stats().ByRoute["POST /api/posts/{id}/like"] == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	bob.press(t, "\x07") // ctrl+g
	bob.waitFor(t, "Activity · what the operators did", 5*time.Second)
	bob.waitFor(t, "alice", 5*time.Second)
	if !strings.Contains(bob.text(), "denied") {
		t.Errorf("the Activity screen lacks bob's refusal:\n%s", bob.text())
	}
}

// TestServeRemovedKeyEndsItsSession: taking a key out of the allow-list
// ends its live session within the watch interval, with a message, and
// leaves the others.
func TestServeRemovedKeyEndsItsSession(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	alice := r.connect(t, "alice")
	bob := r.connect(t, "bob")
	alice.waitFor(t, "Home feed", 10*time.Second)
	bob.waitFor(t, "Home feed", 10*time.Second)
	r.writeAllowList(t, "bob")
	alice.ended(t, 10*time.Second)
	if !strings.Contains(alice.text(), "removed from the allow-list") {
		t.Errorf("no reason shown:\n%s", alice.text())
	}
	deadline := time.Now().Add(5 * time.Second)
	for r.srv.Sessions() != 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := r.srv.Sessions(); n != 1 {
		t.Errorf("%d sessions left, want bob's", n)
	}
}

// TestServeIdleTimeout: a session without a key press ends after the
// idle timeout, whatever the program draws meanwhile.
func TestServeIdleTimeout(t *testing.T) {
	r := newServeRig(t, serveRigOptions{idle: 1500 * time.Millisecond})
	alice := r.connect(t, "alice")
	alice.waitFor(t, "Home feed", 10*time.Second)
	alice.ended(t, 15*time.Second)
	if !strings.Contains(alice.text(), "idle for") {
		t.Errorf("no idle message:\n%s", alice.text())
	}
}

// TestServeSessionsShareOnePoller: a second idle session adds no API
// requests: the sessions poll at the same instants on the shared client,
// which sends each identical read once. Counted at the sandbox over three
// minutes of program time on a clock 60 times faster (getrate_test.go).
func TestServeSessionsShareOnePoller(t *testing.T) {
	clock := newFastClock(rateSpeed)
	r := newServeRig(t, serveRigOptions{clock: clock})
	alice := r.connect(t, "alice")
	alice.waitFor(t, "Home feed", 10*time.Second)
	time.Sleep(rateSettle)
	one := r.countRequests(rateWindow)

	bob := r.connect(t, "bob")
	bob.waitFor(t, "Home feed", 10*time.Second)
	time.Sleep(rateSettle)
	two := r.countRequests(rateWindow)
	t.Logf("requests over %s of program time: one session %d, two sessions %d", rateWindow*rateSpeed, one, two)
	if one == 0 {
		t.Fatal("no requests counted: the pollers are not running")
	}
	if float64(two) > float64(one)*1.1+1 {
		t.Errorf("two sessions made %d requests where one made %d: the poller is not shared", two, one)
	}
}

// countRequests counts the sandbox's requests over d.
func (r *serveRig) countRequests(d time.Duration) int64 {
	start := r.requests.Load()
	time.Sleep(d)
	return r.requests.Load() - start
}

// TestServePresence: two operators on the same conversation each see
// that the other is there, in the list and once both have it open (where
// two people would answer the same message); moving away clears it.
func TestServePresence(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	alice := r.connect(t, "alice")
	bob := r.connect(t, "bob")
	alice.waitFor(t, "Home feed", 10*time.Second)
	bob.waitFor(t, "Home feed", 10*time.Second)
	alice.press(t, "3")
	bob.press(t, "3")
	alice.waitFor(t, "bob is here too", 10*time.Second)
	bob.waitFor(t, "alice is here too", 10*time.Second)
	alice.press(t, "\r") // enter
	bob.press(t, "\r")
	alice.waitFor(t, "esc back", 10*time.Second) // the conversation is open
	bob.waitFor(t, "esc back", 10*time.Second)
	alice.waitFor(t, "bob is here too", 10*time.Second)
	bob.waitFor(t, "alice is here too", 10*time.Second)
	bob.press(t, "\x1b") // esc
	bob.waitFor(t, "Messages · ", 10*time.Second)
	bob.press(t, "1")
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(alice.text(), "bob is here too") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(alice.text(), "bob is here too") {
		t.Errorf("bob left, but alice still sees him:\n%s", alice.text())
	}
}

// TestServeNoServerFilesNorEditor: over SSH a composer never opens the
// server's files or runs the server's $EDITOR: the Byte composer (its
// video) and a DM say so and stay open.
func TestServeNoServerFilesNorEditor(t *testing.T) {
	r := newServeRig(t, serveRigOptions{})
	alice := r.connect(t, "alice")
	alice.waitFor(t, "Home feed", 10*time.Second)
	alice.press(t, "6")
	alice.waitFor(t, "Trending", 10*time.Second)
	alice.press(t, "B")
	alice.waitFor(t, "short videos", 10*time.Second)
	alice.press(t, "n")
	alice.waitFor(t, "0/", 10*time.Second) // the composer's counter
	alice.press(t, "\x14")                 // ctrl+t: attach a local file
	alice.waitFor(t, "attaching local files is off", 5*time.Second)
	alice.press(t, "\x05") // ctrl+e: $EDITOR
	alice.waitFor(t, "$EDITOR is off over SSH", 5*time.Second)
	if strings.Contains(alice.text(), "ctrl+e") {
		t.Errorf("the footer still offers the editor:\n%s", alice.text())
	}
}
