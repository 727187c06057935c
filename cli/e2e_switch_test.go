package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/config"
	"imagine/internal/tuitest"
	"imagine/ui"
)

// TestEndToEndAccountSwitcher: two agents are stored as profiles; the
// switcher lists both with their own unread counts (each read with that
// account's kept client), and choosing the other one ends the run with
// its profile, for the command line to sign in as it.
func TestEndToEndAccountSwitcher(t *testing.T) {
	home(t)
	srv := sandbox.New(sandbox.Options{Seed: 1})
	net := newSwitchedServer(t, srv)
	for _, p := range []string{"agent_a", "agent_b"} {
		if r := imagine(t, "", "register", "--base-url", net.url(), "--profile", p, "--handle", p, "--name", p); r.code != 0 {
			t.Fatalf("register %s: %s%s", p, r.out, r.err)
		}
	}
	srv.ActAs("agent_a").SendDM("agent_b", "one for B")
	srv.ActAs("stat_sleuth").SendDM("agent_b", "another for B")
	srv.ActAs("agent_b").Follow("agent_a")

	store := accountStore(config.DefaultPaths())
	kept := newAccountClients("test")
	list := accountLister(store, kept, "agent_a", func(string) {})
	entries := list(t.Context())
	byProfile := map[string]ui.AccountEntry{}
	for _, e := range entries {
		byProfile[e.Profile] = e
	}
	a, b := byProfile["agent_a"], byProfile["agent_b"]
	if len(entries) != 2 || !a.Current || b.Current || a.Handle != "agent_a" || b.Handle != "agent_b" {
		t.Fatalf("entries %+v", entries)
	}
	if a.Err != "" || b.Err != "" || b.Messages != 2 || a.Messages != 0 || a.Notifications == 0 {
		t.Fatalf("counts: A %+v, B %+v; want B with 2 unread messages, A with the follow's notification", a, b)
	}
	list(t.Context())
	if len(kept.m) != 2 {
		t.Fatalf("%d clients kept, want one per account", len(kept.m))
	}

	tm, scr, _ := startAsWith(t, "agent_a", func(d *appDeps) { d.accounts = list })
	scr.waitFor(t, " @agent_a ", 5*time.Second)
	tm.Send(tuitest.Press("@"))
	v := scr.waitFor(t, "2 unread messages", 5*time.Second)
	if !strings.Contains(v, "Switch account") || !strings.Contains(v, "@agent_b") {
		t.Fatalf("switcher:\n%s", v)
	}
	tm.Send(tuitest.Press("j"))
	tm.Send(tuitest.Press("enter"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*ui.Model)
	if final.SwitchTo() != "agent_b" {
		t.Fatalf("SwitchTo %q, want agent_b", final.SwitchTo())
	}
}
