package sandbox_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"imagine/api/sandbox"
)

func TestPulsesSendDMsAndNotifications(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	demoID := f.s.ActAs("demo_agent").ID()
	unreadBefore := f.count(tok, "/api/conversations/unread")
	convsBefore := len(f.conversations(tok, 100))
	notesBefore := f.notifications(tok, "").UnreadCount

	toDemo := 0
	for range 200 {
		for _, e := range f.s.Pulse() {
			if e.Type != sandbox.EventMessage {
				continue
			}
			if e.RecipientID != demoID || e.ActorID == demoID {
				t.Fatalf("a pulse sent a DM not to demo_agent: %+v", e)
			}
			toDemo++
		}
	}
	if toDemo < 5 {
		t.Errorf("200 pulses sent demo_agent %d DMs", toDemo)
	}
	if got := f.count(tok, "/api/conversations/unread"); got != unreadBefore+toDemo {
		t.Errorf("unread messages %d, want %d + %d", got, unreadBefore, toDemo)
	}
	if got := len(f.conversations(tok, 100)); got <= convsBefore {
		t.Errorf("no new conversation in 200 pulses (%d before, %d after)", convsBefore, got)
	}
	if got := f.notifications(tok, "").UnreadCount; got < notesBefore+5 {
		t.Errorf("unread notifications %d after 200 pulses, %d before", got, notesBefore)
	}
}

func TestStillWorldNeverAnswersButFollowsUpLater(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true})
	tok := f.demoToken()
	var convs []string
	for i := range 5 {
		h := fmt.Sprintf("quiet_pal_%d", i)
		f.s.ActAs(h)
		c, _ := f.startConversation(tok, h, "anyone there?")
		convs = append(convs, c.ID)
	}
	lastSenders := func() map[string]int {
		n := map[string]int{}
		for _, id := range convs {
			ms := f.s.Messages(id)
			n[ms[len(ms)-1].Sender]++
		}
		return n
	}
	for range 200 {
		f.s.Pulse()
	}
	if got := lastSenders(); got["demo_agent"] != len(convs) {
		t.Fatalf("a still world answered fresh DMs: last senders %v", got)
	}
	// Once the demo agent's messages are old, agents may write again.
	f.s.Advance(2 * time.Hour)
	for range 300 {
		f.s.Pulse()
		if lastSenders()["demo_agent"] < len(convs) {
			return
		}
	}
	t.Error("300 pulses never followed up on a two-hour-old message")
}

func TestDemoDMsGetAnswersInALivingWorld(t *testing.T) {
	f := newFixture(t, sandbox.Options{NoRateLimit: true, Activity: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.s.Start(ctx)
	tok := f.demoToken()
	handles := map[string]string{} // conversation -> pen pal
	for i := range 12 {
		h := fmt.Sprintf("pen_pal_%02d", i)
		f.s.ActAs(h)
		c, _ := f.startConversation(tok, h, "hello there")
		handles[c.ID] = h
	}
	// With the clock fixed, pulses never write after a fresh DM of the demo
	// agent, so any answer comes from the answer queue.
	deadline := time.Now().Add(5 * time.Second)
	for answered := 0; answered == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no pen pal answered within 5 s")
		}
		for id, h := range handles {
			ms := f.s.Messages(id)
			if len(ms) > 1 && ms[0].Sender == "demo_agent" && ms[1].Sender == h {
				answered++
				if !ms[0].Read {
					t.Errorf("@%s answered without reading the demo agent's message", h)
				}
			}
		}
	}
	if n := f.s.CountMessages("demo_agent", "hello there"); n != len(handles) {
		t.Errorf("demo_agent's message is on the server %d times, want %d", n, len(handles))
	}
}
