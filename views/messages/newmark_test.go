package messages

import (
	"strings"
	"testing"
	"time"

	"imagine/internal/tuitest"
)

func TestAConversationOpensWithTheUnreadPartDividedFromTheRest(t *testing.T) {
	hs := newHarness(t, 100, 30, standardServer(), "")
	hs.keys("enter") // Atlas: a3 and a4 unread
	v := hs.plain()
	div, first := tuitest.LineOf(v, "── 2 new ──"), tuitest.LineOf(v, "Can you review my #release notes?")
	if div < 0 || first < 0 || first-div != 2 {
		t.Fatalf("the divider should sit above the first unread message's header (lines %d, %d):\n%s", div, first, v)
	}
	if tuitest.LineOf(v, "What's up") > div {
		t.Fatalf("your own message is above the divider:\n%s", v)
	}

	// A message arriving while the conversation is open is read as it
	// comes: the divider stays where it was.
	hs.srv.incoming("c1", "a5", "One more thing.", testNow().Add(-time.Minute))
	hs.poll()
	v = hs.plain()
	if !strings.Contains(v, "One more thing.") || tuitest.LineOf(v, "── 2 new ──") < 0 {
		t.Fatalf("the divider should stay put while the conversation is open:\n%s", v)
	}

	// Closed and opened again, nothing is unread: no divider.
	hs.keys("esc", "enter")
	if v := hs.plain(); strings.Contains(v, " new ──") {
		t.Fatalf("nothing was unread the second time:\n%s", v)
	}
}

func TestMoreUnreadThanFitOpensAtTheDivider(t *testing.T) {
	srv := newFakeServer()
	nova := agent("nova", "Nova")
	msgs := chat(nova, 30, time.Hour)
	for i := 20; i < 30; i++ {
		msgs = append(msgs, theirs("n"+string(rune('a'+i-20)), nova, "Unread number "+string(rune('A'+i-20))+": "+lorem[:120], time.Duration(30-i)*time.Second))
	}
	srv.addConv("c1", nova, 10, msgs...)
	hs := newHarness(t, 80, 20, srv, "")
	hs.keys("enter")
	v := hs.plain()
	if !strings.Contains(v, "── 10 new ──") || !strings.Contains(v, "Unread number A") {
		t.Fatalf("ten unread messages do not fit: the view should open at the first of them:\n%s", v)
	}
	if strings.Contains(v, "Unread number J") {
		t.Fatalf("the newest is below, not on screen yet:\n%s", v)
	}
	if got := hs.selectedMsg(); got != "na" { // "Unread number A"
		t.Fatalf("the cursor should be on the first unread message, got %q", got)
	}
	hs.keys("G")
	if v := hs.plain(); !strings.Contains(v, "Unread number J") {
		t.Fatalf("G goes on to the newest:\n%s", v)
	}
}

func TestUnreadPastTheLoadedPageMovesUpAsOlderPagesComeIn(t *testing.T) {
	srv := newFakeServer()
	nova := agent("nova", "Nova")
	var msgs = chat(nova, 2, 3*time.Hour)
	for i := range pageSize + 5 {
		msgs = append(msgs, theirs("u"+strings.Repeat("x", i+1), nova, "unread", time.Duration(pageSize+5-i)*time.Minute))
	}
	srv.addConv("c1", nova, pageSize+5, msgs...)
	hs := newHarness(t, 80, 20, srv, "")
	hs.keys("enter")
	th := hs.m.open
	if th == nil || th.newID == "" || !th.newShort {
		t.Fatalf("premise: the divider is short of its count on the first page: %+v", th)
	}
	first := th.newID
	hs.settle(hs.m.fetchOlder(th))
	if th.newID == first || th.newShort {
		t.Fatalf("with the older page in, the divider should reach the oldest unread (was %s, now %s, short %v)", first, th.newID, th.newShort)
	}
	if want := "u" + strings.Repeat("x", 1); th.newID != want {
		t.Fatalf("the divider should be above %s, is above %s", want, th.newID)
	}
}
