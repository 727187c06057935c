package messages

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// callsDuring runs f and returns the API calls it made.
func (hs *harness) callsDuring(f func()) []string {
	hs.srv.mu.Lock()
	n := len(hs.srv.calls)
	hs.srv.mu.Unlock()
	f()
	hs.srv.mu.Lock()
	defer hs.srv.mu.Unlock()
	return slices.Clone(hs.srv.calls[n:])
}

// pollCalls runs one poll and returns the API calls it made.
func (hs *harness) pollCalls() []string { return hs.callsDuring(func() { hs.poll() }) }

func TestHiddenPaneReadsOnlyTheCountAndCatchesUpInView(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.m.SetFocused(false)
	if got := hs.pollCalls(); !slices.Equal(got, []string{"unread"}) {
		t.Errorf("idle hidden poll = %q, want the count only", got)
	}
	hs.srv.incoming("c2", "b3", "ping", hs.clock)
	if got := hs.pollCalls(); !slices.Equal(got, []string{"unread"}) {
		t.Errorf("hidden poll after a new message = %q, want the count only", got)
	}
	if hs.m.Badge() != 3 || !hs.m.Outdated() {
		t.Errorf("badge %d, outdated %v: want 3 and the list marked behind", hs.m.Badge(), hs.m.Outdated())
	}
	if got := hs.m.NotifyText(); got != "3 unread messages" {
		t.Errorf("NotifyText without the list = %q", got)
	}
	// In view, the root's first poll reads the list, which shows it.
	hs.m.SetFocused(true)
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("first poll in view = %q, want the list only", got)
	}
	if hs.m.Outdated() || !strings.Contains(lineWith(hs.plain(), "Bob Builder"), " 1 ") {
		t.Errorf("the list did not catch up:\n%s", hs.plain())
	}
	if got := hs.m.NotifyText(); got != "DM from @bob: ping" {
		t.Errorf("NotifyText with the list = %q", got)
	}
}

func TestOnScreenAPollIsOneRequestAndKeepsEveryNumber(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("idle poll on the list = %q, want the list only", got)
	}
	if hs.m.Badge() != 2 {
		t.Errorf("badge %d, want atlas's 2", hs.m.Badge())
	}
	hs.keys("j", "enter") // bob's conversation, nothing unread
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("idle poll with a conversation open = %q, want the list only", got)
	}
	// A message in another conversation: its row and the badge move, the
	// open one is not read again.
	hs.srv.incoming("c3", "k2", "Still on for the meetup?", hs.clock)
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("poll after a message elsewhere = %q, want the list only", got)
	}
	if hs.m.Badge() != 3 || hs.m.list.ids["c3"].c.UnreadCount != 1 {
		t.Errorf("badge %d, carol's row %d: want 3 and 1", hs.m.Badge(), hs.m.list.ids["c3"].c.UnreadCount)
	}
	// A message in the open conversation: the list says so, and the same
	// poll reads the conversation; it shows and is marked read.
	hs.srv.incoming("c2", "b3", "Deploy done.", hs.clock)
	got := hs.pollCalls()
	if len(got) < 2 || got[0] != "list:" || got[1] != "messages:c2@" {
		t.Errorf("poll after a message in the open conversation = %q, want the list then the conversation", got)
	}
	if !strings.Contains(lastText(hs.plain()), "Deploy done.") || hs.m.Badge() != 3 {
		t.Errorf("badge %d; the new message is not at the bottom:\n%s", hs.m.Badge(), hs.plain())
	}
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("the next idle poll = %q, want the list only", got)
	}
	// A manual refresh reads the open conversation too.
	hs.m.ForceRefresh()
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:", "messages:c2@"}) {
		t.Errorf("manual refresh = %q", got)
	}
}

func TestUnreadPastTheFirstPageStaysInTheBadge(t *testing.T) {
	srv := newFakeServer()
	old := agent("old_friend", "Old Friend")
	srv.addConv("c-old", old, 4, theirs("o1", old, "Long time no see", 30*24*time.Hour))
	for i := range pageSize {
		peer := agent(fmt.Sprintf("peer%02d", i), "Peer")
		srv.addConv(fmt.Sprintf("c%02d", i), peer, 0, theirs(fmt.Sprintf("p%02d", i), peer, "hi", time.Duration(i+1)*time.Minute))
	}
	hs := newHarness(t, 80, 24, srv, "")
	if hs.m.Badge() != 4 {
		t.Fatalf("badge %d, want the 4 unread past the first page", hs.m.Badge())
	}
	// The same conversations on the first page: the list alone.
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:"}) {
		t.Errorf("idle poll = %q, want the list only", got)
	}
	// A new message brings the old conversation to the top: the page
	// changed, so the count is read again, and nothing is counted twice.
	hs.srv.incoming("c-old", "o2", "Are you there?", hs.clock)
	if got := hs.pollCalls(); !slices.Equal(got, []string{"list:", "unread"}) {
		t.Errorf("poll after the page changed = %q, want the list then the count", got)
	}
	if hs.m.Badge() != 5 {
		t.Errorf("badge %d, want 5", hs.m.Badge())
	}
}

func TestJumpToUnreadWaitsForTheListThatCatchesUp(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.m.SetFocused(false)
	hs.srv.incoming("c3", "k2", "Still on for the meetup?", hs.clock)
	hs.poll()
	// The attention key: the root brings the pane into view, then asks
	// for the jump; the list on screen does not know of carol's message.
	hs.m.SetFocused(true)
	if got := hs.callsDuring(func() { hs.settle(hs.m.JumpToUnread()) }); len(got) != 0 || hs.m.open != nil {
		t.Fatalf("the jump acted on a list behind the badge: calls %q, open %v", got, hs.m.open != nil)
	}
	hs.poll() // the root fetches an Outdated pane as it comes into view
	if hs.m.open == nil || hs.m.open.convID != "c3" {
		t.Fatalf("after the list arrived, open = %+v; want carol's conversation, the newest unread", hs.m.open)
	}
	if !strings.Contains(hs.plain(), "Still on for the meetup?") {
		t.Errorf("carol's new message is not shown:\n%s", hs.plain())
	}
}
