package messages

import (
	"errors"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"
)

// lineWith returns the first line of view containing s.
func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// lastText is the last line of view with text (the selection mark alone
// is none).
func lastText(view string) string {
	lines := strings.Split(view, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Trim(lines[i], " ▌") != "" {
			return lines[i]
		}
	}
	return ""
}

func TestListShowsConversationsMostRecentFirst(t *testing.T) {
	hs := newHarness(t, 100, 24, standardServer(), "")
	v := hs.plain()
	a, b, c := strings.Index(v, "Atlas @atlas_ai"), strings.Index(v, "Bob Builder @bob"), strings.Index(v, "Carol @carol")
	if a < 0 || b < 0 || c < 0 || !(a < b && b < c) {
		t.Fatalf("conversations missing or out of order:\n%s", v)
	}
	if l := lineWith(v, "Atlas @atlas_ai"); !strings.Contains(l, " 2 ") || !strings.HasSuffix(strings.TrimSpace(l), "5m") {
		t.Errorf("atlas row lacks its unread badge or time: %q", l)
	}
	for _, want := range []string{"Messages · 2 unread", "They mention @bob too.", "you: Great, shipping it.", "See you at the meetup."} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if got := hs.m.Badge(); got != 2 {
		t.Errorf("Badge() = %d, want 2", got)
	}
}

func TestOpenShowsTheNewestAtTheBottomAndMarksRead(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter")
	if hs.m.open == nil || hs.m.open.convID != "c1" {
		t.Fatal("enter did not open the selected conversation")
	}
	if got := hs.srv.count("read:c1"); got != 1 {
		t.Errorf("mark-read calls = %d, want 1", got)
	}
	if hs.m.Badge() != 0 || hs.m.list.ids["c1"].c.UnreadCount != 0 {
		t.Errorf("counts did not drop at once: badge %d, row %d", hs.m.Badge(), hs.m.list.ids["c1"].c.UnreadCount)
	}
	v := hs.plain()
	if !strings.Contains(lastText(v), "They mention @bob too.") {
		t.Errorf("the newest message is not at the bottom:\n%s", v)
	}
	if !strings.Contains(v, "you · 11:15") || !strings.Contains(v, "Yes, what's up? │") {
		t.Errorf("my message is not labelled and right-aligned:\n%s", v)
	}
	if !strings.Contains(v, "── Today ──") {
		t.Errorf("no day separator:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.open != nil || !strings.Contains(hs.plain(), "Bob Builder") {
		t.Error("esc did not go back to the list")
	}
	// Unread stays zero on the next poll, which may have been sent before
	// the server applied the mark-read.
	hs.poll()
	if hs.m.Badge() != 0 {
		t.Errorf("badge came back to %d", hs.m.Badge())
	}
}

func TestOlderMessagesLoadOnScrollUpAndKeepTheViewInPlace(t *testing.T) {
	srv := newFakeServer()
	peer := agent("atlas_ai", "Atlas")
	srv.addConv("c1", peer, 0, chat(peer, 130, 10*time.Minute)...)
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter")
	tr := hs.m.open
	if len(tr.msgs) != pageSize || !tr.hasOlder {
		t.Fatalf("first page: %d messages, hasOlder %v", len(tr.msgs), tr.hasOlder)
	}
	// Walk up to the top without settling, so the older page is in flight.
	var pending []tea.Cmd
	for range pageSize {
		if cmd := hs.m.Update(tuitest.Press("k")); cmd != nil {
			pending = append(pending, cmd)
		}
	}
	if len(pending) != 1 {
		t.Fatalf("%d older-page requests, want 1", len(pending))
	}
	if tr.win.Cursor != 0 {
		t.Fatalf("cursor %d, want the top", tr.win.Cursor)
	}
	selected := tr.rows[0].msg.m.ID
	before := strings.Split(hs.plain(), "\n")
	if !strings.Contains(before[0], "loading older…") {
		t.Errorf("header does not say older messages are loading: %q", before[0])
	}
	hs.settle(pending[0])
	after := strings.Split(hs.plain(), "\n")
	if n := len(tr.msgs); n != 2*pageSize {
		t.Fatalf("%d messages after the older page", n)
	}
	if got := tr.rows[tr.win.Cursor].msg.m.ID; got != selected {
		t.Errorf("selection moved from %s to %s", selected, got)
	}
	// From the selected message down, every line is where it was. (Above
	// it, its day separator made way for the older messages of that day.)
	at := -1
	for i, l := range before {
		if strings.Contains(l, "Message 81:") {
			at = i - 1 // its header
			break
		}
	}
	if at < 1 || strings.TrimSpace(after[at]) != strings.TrimSpace(before[at]) {
		t.Fatalf("the selected message moved:\nbefore:\n%s\nafter:\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
	}
	for i := at; i < len(before); i++ {
		if before[i] != after[i] {
			t.Errorf("line %d moved:\nbefore %q\nafter  %q", i, before[i], after[i])
		}
	}
	if strings.Contains(strings.Join(after[:at], "\n"), "Today") {
		t.Error("the day separator is still above the selected message")
	}
	// The next page is fetched only once the cursor nears the top again.
	reqs := hs.srv.count("messages:c1@*")
	hs.keys("j")
	if hs.srv.count("messages:c1@*") != reqs {
		t.Error("moving away from the top fetched again")
	}
}

func TestNewMessagesAppearWhileWatching(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter")
	hs.srv.incoming("c1", "a5", "Fresh news just in!", hs.clock)
	hs.poll()
	v := hs.plain()
	if !strings.Contains(lastText(v), "Fresh news just in!") {
		t.Errorf("the new message is not at the bottom:\n%s", v)
	}
	if got := hs.srv.count("read:c1"); got != 2 {
		t.Errorf("mark-read calls = %d, want 2 (open, then the new message)", got)
	}
	if hs.m.Badge() != 0 {
		t.Errorf("badge = %d while watching", hs.m.Badge())
	}
	if last := hs.m.list.ids["c1"].c.LastMessage; last == nil || last.Content != "Fresh news just in!" {
		t.Errorf("the list row does not preview the new message: %+v", last)
	}
	// Not on screen: the badge moves, the conversation is not read.
	reads := hs.srv.count("messages:c1@")
	hs.m.SetFocused(false)
	hs.srv.incoming("c1", "a6", "Another one", hs.clock)
	hs.poll()
	if hs.srv.count("read:c1") != 2 || hs.m.Badge() != 1 || hs.srv.count("messages:c1@") != reads {
		t.Errorf("unfocused: read calls %d, badge %d, thread reads %d", hs.srv.count("read:c1"), hs.m.Badge(), hs.srv.count("messages:c1@")-reads)
	}
	// Back on screen, the first poll brings it and marks it read.
	hs.m.SetFocused(true)
	hs.poll()
	if !strings.Contains(lastText(hs.plain()), "Another one") || hs.srv.count("read:c1") != 3 || hs.m.Badge() != 0 {
		t.Errorf("back in view: read calls %d, badge %d:\n%s", hs.srv.count("read:c1"), hs.m.Badge(), hs.plain())
	}
}

func TestNewMessagesWaitBelowWhenScrolledUp(t *testing.T) {
	srv := newFakeServer()
	peer := agent("atlas_ai", "Atlas")
	srv.addConv("c1", peer, 0, chat(peer, 30, 10*time.Minute)...)
	hs := newHarness(t, 80, 24, srv, "")
	hs.keys("enter", "k", "k", "k", "k", "k", "k")
	before := hs.plain()
	hs.srv.incoming("c1", "new", "Appended below", hs.clock)
	hs.poll()
	if hs.plain() != before {
		t.Errorf("the view moved while reading older messages:\n%s", hs.plain())
	}
	hs.keys("G")
	if !strings.Contains(lastText(hs.plain()), "Appended below") {
		t.Errorf("G does not show the new message:\n%s", hs.plain())
	}
}

func TestPollIntervalAndErrors(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if d := hs.m.PollInterval(); d != 12*time.Second {
		t.Errorf("list interval %v", d)
	}
	hs.keys("enter")
	if d := hs.m.PollInterval(); d != 10*time.Second {
		t.Errorf("open conversation interval %v", d)
	}
	hs.m.SetFocused(false)
	if d := hs.m.PollInterval(); d != 12*time.Second {
		t.Errorf("unfocused interval %v", d)
	}
	hs.srv.setOffline(true)
	msgs := tuitest.Collect(hs.m.Refresh(t.Context()))
	if len(msgs) != 1 {
		t.Fatalf("Refresh gave %d messages, want 1", len(msgs))
	}
	e, ok := msgs[0].(interface{ Err() error })
	if !ok || !errors.Is(e.Err(), api.ErrOffline) {
		t.Fatalf("the poll result does not expose the error: %#v", msgs[0])
	}
	hs.m.Update(msgs[0])
	if !strings.Contains(hs.plain(), "They mention @bob too.") {
		t.Error("a failed poll dropped what was shown")
	}
}

func TestIdlePollLeavesTheFrameIdentical(t *testing.T) {
	for _, open := range []bool{false, true} {
		hs := newHarness(t, 120, 30, standardServer(), "")
		if open {
			hs.keys("enter")
		}
		before := hs.m.View()
		hs.clock = hs.clock.Add(7 * time.Minute) // relative times would read differently now
		hs.poll()
		hs.poll()
		if hs.m.View() != before {
			t.Fatalf("open=%v: a poll that brought nothing new changed the frame", open)
		}
	}
}

func TestDeleteOwnMessageRefuseTheirsDeleteConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("j", "enter") // bob; the last message, mine, is selected
	if !hasBinding(hs.m.ShortHelp(), "delete message") {
		t.Error("help does not offer deleting my message")
	}
	confirm, ok := tuitest.Find[views.ConfirmMsg](hs.keys("d"))
	if !ok || !strings.Contains(confirm.Body, "Great, shipping it.") {
		t.Fatalf("no confirmation for my message")
	}
	if hs.srv.count("deleteMessage:b2") != 0 {
		t.Fatal("deleted before confirmation")
	}
	hs.settle(confirm.Yes)
	if hs.srv.count("deleteMessage:b2") != 1 || strings.Contains(hs.plain(), "Great, shipping it.") {
		t.Errorf("my message was not deleted:\n%s", hs.plain())
	}
	// The list's row, under the conversation, gives the message before
	// it as the last (it kept the deleted one until a poll).
	if e := hs.m.list.ids["c2"]; e.c.LastMessage == nil || e.c.LastMessage.ID != "b1" {
		t.Errorf("the list's row of bob's conversation ends on %+v, want b1", e.c.LastMessage)
	}

	msgs := hs.keys("d") // now bob's message is selected
	st, ok := tuitest.Find[views.StatusMsg](msgs)
	if !ok || st.Level != views.LevelWarn || !strings.Contains(st.Text, "only delete messages you sent") || !strings.Contains(st.Text, "@bob") {
		t.Errorf("deleting bob's message: %v", msgs)
	}
	if _, ok := tuitest.Find[views.ConfirmMsg](msgs); ok || hasBinding(hs.m.ShortHelp(), "delete message") {
		t.Error("deleting someone else's message was offered")
	}

	confirm, ok = tuitest.Find[views.ConfirmMsg](hs.keys("D"))
	if !ok || !strings.Contains(confirm.Title, "@bob") {
		t.Fatalf("no confirmation for deleting the conversation")
	}
	hs.settle(confirm.Yes)
	if hs.srv.count("delete:c2") != 1 || hs.m.open != nil || strings.Contains(hs.plain(), "Bob Builder") {
		t.Errorf("conversation not deleted:\n%s", hs.plain())
	}
	// D from the list.
	hs.keys("G")
	confirm, _ = tuitest.Find[views.ConfirmMsg](hs.keys("D"))
	hs.settle(confirm.Yes)
	if hs.srv.count("delete:c3") != 1 || len(hs.m.list.entries) != 1 {
		t.Errorf("D in the list: calls %v", hs.srv.calls)
	}
}

func hasBinding(bs []key.Binding, desc string) bool {
	for _, b := range bs {
		if b.Help().Desc == desc {
			return true
		}
	}
	return false
}

func TestOpenConversationMsg(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.settle(hs.m.Update(views.OpenConversationMsg{Handle: "@bob"}))
	if hs.m.open == nil || hs.m.open.convID != "c2" {
		t.Fatal("the existing conversation with bob did not open")
	}
	hs.settle(hs.m.Update(views.OpenConversationMsg{Handle: "dora"}))
	if !hs.m.comp.IsOpen() || hs.m.comp.Key() != "dm-new-dora" || !strings.Contains(hs.plain(), "New conversation with @dora") {
		t.Errorf("no first-message composer for dora:\n%s", hs.plain())
	}
	hs.settle(hs.m.Update(views.OpenConversationMsg{Handle: "Not A Handle!"}))
	if !hs.m.comp.IsOpen() {
		t.Error("an invalid handle closed the composer")
	}
}

func TestOpenConversationMsgBeforeTheListLoaded(t *testing.T) {
	srv := standardServer()
	m := New(Options{Context: t.Context(), Conversations: srv, Now: testNow, Me: "me"})
	hs := &harness{t: t, m: m, srv: srv, clock: testNow()}
	hs.settle(m.Update(views.OpenConversationMsg{Handle: "carol"}))
	if m.open == nil || m.open.convID != "c3" {
		t.Fatal("the conversation did not open once the list arrived")
	}
}

func TestBadgeJumpToUnreadAndNotifyText(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if got := hs.m.NotifyText(); got != "DM from @atlas_ai: They mention @bob too." {
		t.Errorf("NotifyText() = %q", got)
	}
	hs.keys("G")
	hs.settle(hs.m.JumpToUnread())
	if hs.m.open == nil || hs.m.open.convID != "c1" || hs.m.Badge() != 0 {
		t.Fatalf("JumpToUnread did not open atlas (badge %d)", hs.m.Badge())
	}
	if got := hs.m.NotifyText(); got != "" {
		t.Errorf("NotifyText() = %q with nothing unread", got)
	}
	msgs := hs.settle(hs.m.JumpToUnread())
	if st, ok := tuitest.Find[views.StatusMsg](msgs); !ok || !strings.Contains(st.Text, "no unread") {
		t.Errorf("JumpToUnread with nothing unread: %v", msgs)
	}
	hs.srv.incoming("c3", "k2", strings.Repeat("a very long message with\nnew lines ", 10), hs.clock)
	hs.poll()
	got := hs.m.NotifyText()
	if !strings.HasPrefix(got, "DM from @carol: a very long message with new lines") || !strings.HasSuffix(got, "…") ||
		len([]rune(got)) > notifyWidth || strings.Contains(got, "\n") {
		t.Errorf("NotifyText() = %q", got)
	}
}

func TestNextUnreadOpensTheNextUnreadConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.srv.incoming("c3", "k2", "carol again", hs.clock)
	hs.poll()
	if hs.m.list.entries[0].c.ID != "c3" {
		t.Fatalf("carol's new message did not bring her to the top: %s", hs.m.list.entries[0].c.ID)
	}
	hs.keys("g") // the selection stayed on atlas when carol moved above
	cmd, moved := hs.m.NextUnread()
	hs.settle(cmd)
	if !moved || hs.m.open == nil || hs.m.open.convID != "c1" {
		t.Fatalf("next unread below carol: moved %v, open %v", moved, hs.m.open)
	}
	// Carol's, above the cursor and never opened, is next, before the
	// other panes.
	cmd, moved = hs.m.NextUnread()
	hs.settle(cmd)
	if !moved || hs.m.open == nil || hs.m.open.convID != "c3" {
		t.Fatalf("the unread conversation above the cursor: moved %v, open %v", moved, hs.m.open)
	}
	if _, moved := hs.m.NextUnread(); moved || hs.m.open.convID != "c3" {
		t.Errorf("with no other unread: moved %v, open %s", moved, hs.m.open.convID)
	}
}
