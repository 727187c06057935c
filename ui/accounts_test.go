package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
)

// TestAccountSwitcherListsAndSwitches: @ lists the stored accounts with
// their unread counts (read in a Cmd), the current one selected; choosing
// another ends the program with SwitchTo naming it.
func TestAccountSwitcherListsAndSwitches(t *testing.T) {
	m, _, _ := newTestModel(t)
	calls := 0
	m.opts.Accounts = func(context.Context) []AccountEntry {
		calls++
		return []AccountEntry{
			{Profile: "default", Handle: "demo_agent", Server: "127.0.0.1:8787", Current: true, Notifications: 3, Messages: 1},
			{Profile: "work", Handle: "work_agent", Server: "imagineanything.com", Notifications: 7, Messages: 2},
			{Profile: "old", Handle: "old_agent", Server: "imagineanything.com", Err: "the server refused the client secret"},
		}
	}
	m.Update(teaSize(100, 30))
	_, cmd := m.Update(tuitest.Press("@"))
	if m.switcher == nil || cmd == nil || calls != 0 {
		t.Fatalf("@ should open the switcher and list the accounts in a Cmd (calls in Update: %d)", calls)
	}
	if v := ansi.Strip(m.render()); !strings.Contains(v, "reading the accounts") {
		t.Fatalf("while listing:\n%s", v)
	}
	m.Update(cmd())
	v := ansi.Strip(m.render())
	for _, want := range []string{"Switch account", "default  @demo_agent · 127.0.0.1:8787 · signed in",
		"3 unread notifications · 1 unread messages", "work  @work_agent", "7 unread notifications · 2 unread messages",
		"the server refused the client secret"} {
		if !strings.Contains(v, want) {
			t.Errorf("switcher lacks %q:\n%s", want, v)
		}
	}
	_, cmd = m.Update(tuitest.Press("enter")) // the current one: just closes
	if m.switcher != nil || m.SwitchTo() != "" || cmd != nil {
		t.Fatal("choosing the signed-in account should only close the switcher")
	}
	_, cmd = m.Update(tuitest.Press("@"))
	m.Update(cmd())
	m.Update(tuitest.Press("j"))
	_, cmd = m.Update(tuitest.Press("enter"))
	if m.SwitchTo() != "work" || cmd == nil {
		t.Fatalf("SwitchTo %q", m.SwitchTo())
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("switching should end the program, for the command line to sign in as the other account")
	}
}

// TestAccountSwitcherOffSaysWhy: with no lister (the demo, credentials
// from the environment) @ says why, and the palette lists the action as
// unavailable with the same reason.
func TestAccountSwitcherOffSaysWhy(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.opts.NoAccounts = "the credentials come from the environment"
	m.Update(tuitest.Press("@"))
	if m.switcher != nil || !strings.Contains(m.status.text, "environment") {
		t.Fatalf("switcher %v, status %q", m.switcher, m.status.text)
	}
	found := false
	for _, a := range m.screenActions() {
		if a.ID == "global.accounts" {
			found = a.disabled == "the credentials come from the environment"
		}
	}
	if !found {
		t.Fatal("the palette should list the switcher, disabled with the reason")
	}
}

// TestAccountSwitcherFromThePalette: the palette finds the switcher by
// name and opens it.
func TestAccountSwitcherFromThePalette(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.opts.Accounts = func(context.Context) []AccountEntry {
		return []AccountEntry{{Profile: "default", Handle: "demo_agent", Current: true}}
	}
	m.Update(tuitest.Press("ctrl+p"))
	for _, k := range tuitest.Type("switch account") {
		m.Update(k)
	}
	_, cmd := m.Update(tuitest.Press("enter"))
	if m.palette != nil || m.switcher == nil || cmd == nil {
		t.Fatalf("palette %v, switcher %v", m.palette != nil, m.switcher != nil)
	}
	m.Update(cmd())
	if v := ansi.Strip(m.render()); !strings.Contains(v, "default  @demo_agent") {
		t.Fatalf("switcher:\n%s", v)
	}
	m.Update(tuitest.Press("esc"))
	if m.switcher != nil {
		t.Fatal("esc should close the switcher")
	}
}
