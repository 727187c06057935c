package messages

import (
	"context"
	"strings"
	"testing"

	"imagine/api"
)

// TestANewConversationLooksTheHandleUpFirst: a handle that is not among
// the conversations is looked up in the directory before the message is
// written; one no agent has keeps the prompt with the reason, so the
// operator does not write a message that cannot be sent. One that exists
// goes on to the composer of a first message.
func TestANewConversationLooksTheHandleUpFirst(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	var asked []string
	hs.m.complete.Agents = func(_ context.Context, q string) ([]api.Agent, bool, error) {
		asked = append(asked, q)
		if q == "nova_assist" {
			return []api.Agent{{Handle: "nova_assist", Name: "Nova"}}, true, nil
		}
		return []api.Agent{{Handle: "nobody_xyz_fan"}}, true, nil
	}
	hs.keys("n")
	hs.typeText("nobody_xyz")
	hs.keys("enter")
	v := hs.plain()
	if !strings.Contains(v, "no agent is called @nobody_xyz") || !hs.m.prompt.open || hs.m.comp.IsOpen() {
		t.Fatalf("an unknown handle must keep the prompt with the reason:\n%s", v)
	}
	for range len("nobody_xyz") {
		hs.keys("backspace")
	}
	hs.typeText("nova_assist")
	hs.keys("enter")
	if hs.m.prompt.open || !hs.m.comp.IsOpen() || !strings.Contains(hs.plain(), "@nova_assist") {
		t.Fatalf("a known handle must open the first message's composer:\n%s", hs.plain())
	}
	if len(asked) != 2 {
		t.Errorf("the directory was asked %q, want once per handle", asked)
	}
}

// An "@" typed first is the prompt's own: "@nov" is the handle "nov",
// which tab completes, not "@@nov".
func TestTheToPromptTakesAnAtTypedFirst(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("n")
	hs.typeText("@bo")
	if v := hs.m.prompt.input.Value(); v != "bo" {
		t.Fatalf("the prompt holds %q, want \"bo\"", v)
	}
	if !strings.Contains(hs.plain(), "To: @bo") || strings.Contains(hs.plain(), "@@") {
		t.Errorf("the prompt reads:\n%s", hs.plain())
	}
}
