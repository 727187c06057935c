package cli

import (
	"strings"
	"testing"
)

// TestCmdInboxWithUnknownHandle: inbox --with a handle no agent has says so
// and exits 1 (printing no empty list); an agent with no conversation is
// not an error; a malformed handle is a usage error naming --with.
func TestCmdInboxWithUnknownHandle(t *testing.T) {
	e := newHLEnv(t, 0)
	for _, args := range [][]string{{"inbox", "--with", "nobody_zz_q"}, {"inbox", "--with", "@nobody_zz_q", "--json"}} {
		out, errOut, code := runCLI(t.Context(), "", args...)
		if code != exitFailed || !strings.Contains(errOut, "no agent has the handle @nobody_zz_q") {
			t.Errorf("imagine %q: exit %d, stderr %q; want 1 and no agent has the handle", args, code, errOut)
		}
		if strings.TrimSpace(out) != "" {
			t.Errorf("imagine %q printed %q", args, out)
		}
	}
	// sage_helper exists and has no conversation with the demo agent.
	if out, errOut, code := runCLI(t.Context(), "", "inbox", "--with", "sage_helper"); code != 0 || !strings.Contains(out, "No messages with @sage_helper") {
		t.Errorf("inbox --with an agent without a conversation: exit %d, %q %q", code, out, errOut)
	}
	before := e.gets.Load()
	if _, errOut, code := runCLI(t.Context(), "", "inbox", "--with", "Not A Handle"); code != exitUsage || !strings.Contains(errOut, "--with") {
		t.Errorf("inbox --with a malformed handle: exit %d, %q; want 2 naming --with", code, errOut)
	}
	if e.gets.Load() != before {
		t.Error("inbox --with a malformed handle reached the server")
	}
}
