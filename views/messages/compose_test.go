package messages

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/internal/tuitest"
	"imagine/views"
)

func TestNewConversationWithAnUnknownHandleKeepsTheText(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("n")
	if !hs.m.CapturesInput() || !strings.Contains(hs.plain(), "To: @") {
		t.Fatalf("n does not ask for a handle:\n%s", hs.plain())
	}
	hs.typeText("Not Valid!")
	hs.keys("enter")
	if !strings.Contains(hs.plain(), "a handle is 3–30 lowercase letters") {
		t.Errorf("an invalid handle is not explained:\n%s", hs.plain())
	}
	for range 10 {
		hs.keys("backspace")
	}
	hs.typeText("@ghost_agent")
	hs.keys("enter")
	if !hs.m.comp.IsOpen() || hs.m.comp.Key() != "dm-new-ghost_agent" {
		t.Fatalf("no first-message composer:\n%s", hs.plain())
	}
	hs.write("Hello, ghost!")
	msgs := hs.keys("ctrl+s")
	if hs.srv.count("start:ghost_agent:Hello, ghost!") != 1 {
		t.Fatalf("calls %v", hs.srv.calls)
	}
	if !hs.m.comp.IsOpen() || hs.m.comp.Value() != "Hello, ghost!" {
		t.Errorf("the text was not kept: open %v, %q", hs.m.comp.IsOpen(), hs.m.comp.Value())
	}
	if v := hs.plain(); !strings.Contains(v, "not sent: no agent @ghost_agent") {
		t.Errorf("no clear error:\n%s", v)
	}
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || st.Text != "no agent @ghost_agent" {
		t.Errorf("status: %v", msgs)
	}
}

func TestNewConversationStartsAndOpens(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.srv.agents["dora"] = agent("dora", "Dora Explorer")
	hs.keys("n")
	hs.typeText("dora")
	hs.keys("enter")
	hs.write("Hi Dora, fancy a chat?")
	hs.keys("ctrl+s")
	if hs.m.comp.IsOpen() {
		t.Error("the composer stayed open after the conversation started")
	}
	if hs.m.open == nil || hs.m.open.convID != "c-dora" {
		t.Fatalf("the new conversation is not open")
	}
	if v := hs.plain(); !strings.Contains(v, "Dora Explorer @dora") || !strings.Contains(v, "Hi Dora, fancy a chat? │") {
		t.Errorf("the conversation does not show the first message:\n%s", v)
	}
	hs.keys("esc")
	if v := hs.plain(); !strings.Contains(v, "Dora Explorer @dora") || !strings.Contains(v, "you: Hi Dora, fancy a chat?") {
		t.Errorf("the list lacks the new conversation:\n%s", v)
	}
}

func TestNewConversationToAnExistingAgentOpensIt(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("n")
	hs.typeText("bob")
	hs.keys("enter")
	if hs.m.open == nil || hs.m.open.convID != "c2" || hs.m.comp.Key() != "dm-c2" {
		t.Fatalf("handle of an existing conversation: open %v, composer %q", hs.m.open, hs.m.comp.Key())
	}
}

func TestNewConversationUnknownOutcome(t *testing.T) {
	start := func(t *testing.T, o startOutcome) *harness {
		hs := newHarness(t, 80, 24, standardServer(), "")
		hs.srv.agents["dora"] = agent("dora", "Dora")
		hs.srv.startPlan = []startOutcome{o}
		hs.settle(hs.m.Update(views.OpenConversationMsg{Handle: "dora"}))
		hs.write("Are you there?")
		hs.keys("ctrl+s")
		return hs
	}
	t.Run("delivered", func(t *testing.T) {
		hs := start(t, startOutcome{err: errUnknown, create: true, deliver: true})
		if hs.m.open == nil || hs.m.open.convID != "c-dora" || hs.m.comp.IsOpen() {
			t.Fatal("a delivery confirmed by reading back did not open the conversation")
		}
		hs.poll()
		if got := hs.srv.sent("c-dora"); len(got) != 1 {
			t.Errorf("server has %q, want the message once", got)
		}
	})
	t.Run("conversation without the message", func(t *testing.T) {
		hs := start(t, startOutcome{err: errUnknown, create: true})
		if len(hs.m.box.entries) != 1 || hs.m.box.entries[0].State != stateUnknown || hs.m.comp.IsOpen() {
			t.Fatalf("the message did not move to the outbox: %+v", hs.m.box.entries)
		}
		if v := hs.plain(); !strings.Contains(v, "not confirmed") {
			t.Errorf("not shown as unconfirmed:\n%s", v)
		}
		hs.poll()
		hs.poll()
		if got := hs.srv.sent("c-dora"); len(got) != 1 {
			t.Errorf("server has %q, want the message once", got)
		}
	})
	t.Run("nothing there", func(t *testing.T) {
		hs := start(t, startOutcome{err: errUnknown})
		if !hs.m.comp.IsOpen() || hs.m.comp.Value() != "Are you there?" || !strings.Contains(hs.m.comp.Problem(), "check the conversation list") {
			t.Errorf("composer: open %v, %q, problem %q", hs.m.comp.IsOpen(), hs.m.comp.Value(), hs.m.comp.Problem())
		}
	})
}

func TestHandlePromptCompletesFromConversations(t *testing.T) {
	hs := newHarness(t, 120, 24, standardServer(), "")
	hs.keys("n")
	hs.typeText("c")
	// The suggestion shows in the line, which stays whole: not cut with
	// "…" (bubbles pads a line with a suggestion past its width).
	for _, l := range strings.Split(ansi.Strip(hs.m.View()), "\n") {
		if strings.Contains(l, "To: @") && (strings.Contains(l, "…") || !strings.Contains(l, "carol")) {
			t.Errorf("the prompt line with its suggestion reads %q", l)
		}
	}
	hs.keys("tab")
	if got := hs.m.prompt.input.Value(); got != "carol" {
		t.Fatalf("tab completed %q, want carol", got)
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.m.comp.IsOpen() {
		t.Error("esc did not cancel the prompt")
	}
}
