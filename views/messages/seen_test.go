package messages

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestYourNewestMessageShowsSeenOnceRead: while the operator's newest
// message is unread, each poll on screen asks for that one message, not
// the conversation; once the other agent has read it, "seen" shows under
// it, and the polls stop asking.
func TestYourNewestMessageShowsSeenOnceRead(t *testing.T) {
	srv := newFakeServer()
	bob := agent("bob", "Bob Builder")
	sent := mine("b2", "Shipping it tonight.", 2*time.Minute)
	sent.Read = false
	srv.addConv("c2", bob, 0, theirs("b1", bob, "Build is green.", 3*time.Minute), sent)
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:", "message:b2"}) {
		t.Errorf("a poll with your message unread = %q, want the list and that message", got)
	}
	if strings.Contains(hs.plain(), "seen") {
		t.Fatalf("seen shows before the message was read:\n%s", hs.plain())
	}
	srv.readBy("c2")
	hs.pollCalls()
	if v := hs.plain(); !strings.Contains(lastText(v), "seen") {
		t.Errorf("the read message shows no seen under it:\n%s", v)
	}
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("a poll once it is seen = %q, want the list only", got)
	}
	// An answer comes after it: seen leaves, the answer is the last row.
	hs.srv.incoming("c2", "b3", "Great!", hs.clock)
	hs.pollCalls()
	if v := hs.plain(); strings.Contains(v, "seen") || !strings.Contains(lastText(v), "Great!") {
		t.Errorf("after an answer seen should be gone:\n%s", v)
	}
}
