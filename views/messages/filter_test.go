package messages

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"imagine/internal/tuitest"
)

// selectedConvID is the conversation selected in the list, or "".
func (hs *harness) selectedConvID() string {
	if e := hs.m.selectedConv(); e != nil {
		return e.c.ID
	}
	return ""
}

// selectedMsgID is the message selected in the open conversation, or "".
func (hs *harness) selectedMsgID() string {
	if r, ok := hs.m.selectedRow(); ok && r.msg != nil {
		return r.msg.m.ID
	}
	return ""
}

// TestFilterConversations: / and a query show only the conversations whose
// agent or last message hold it, and how many; esc while typing gives the
// list back on the same conversation; enter keeps the filter and k moves
// over the matches only.
func TestFilterConversations(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("j")
	if hs.selectedConvID() != "c2" {
		t.Fatalf("premise: bob's conversation selected, got %s", hs.selectedConvID())
	}
	hs.keys("/")
	if !hs.m.CapturesInput() {
		t.Fatal("typing the filter must capture input")
	}
	hs.typeText("Meetup")
	v := hs.plain()
	if !strings.Contains(v, "/Meetup") || !strings.Contains(v, "1 of 3") || strings.Contains(v, "@bob") || !strings.Contains(v, "@carol") {
		t.Fatalf("want only carol's conversation, 1 of 3:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.selectedConvID() != "c2" || !strings.Contains(hs.plain(), "@atlas_ai") {
		t.Fatalf("esc must restore the list on bob's conversation, got %s", hs.selectedConvID())
	}
	hs.keys("/")
	hs.typeText("@b")
	hs.keys("enter", "k")
	if hs.selectedConvID() != "c1" || strings.Contains(hs.plain(), "@carol") {
		t.Fatalf("enter then k must move to atlas's conversation, carol's hidden; got %s:\n%s", hs.selectedConvID(), hs.plain())
	}
	hs.keys("enter")
	if hs.m.open == nil || hs.m.open.convID != "c1" {
		t.Fatal("enter must open the conversation selected among the matches")
	}
}

// TestFilterThread: / in an open conversation filters its messages; the
// newest message, hidden by the query, comes back with esc; enter and k
// move over the matches; esc clears the filter, a second esc goes back to
// the list.
func TestFilterThread(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter")
	hs.m.View()
	if hs.selectedMsgID() != "a4" {
		t.Fatalf("premise: the newest message selected, got %s", hs.selectedMsgID())
	}
	hs.keys("/")
	hs.typeText("YOU")
	v := hs.plain()
	if !strings.Contains(v, "2 of 4") || strings.Contains(v, "mention @bob") || !strings.Contains(v, "Are you around") {
		t.Fatalf("want the two messages with 'you', 2 of 4:\n%s", v)
	}
	hs.keys("esc")
	if hs.m.CapturesInput() || hs.selectedMsgID() != "a4" {
		t.Fatalf("esc must restore the conversation on the newest message, got %s", hs.selectedMsgID())
	}
	hs.keys("/")
	hs.typeText("you")
	hs.keys("enter", "k")
	if hs.selectedMsgID() != "a1" {
		t.Fatalf("enter then k must move to the first match, got %s", hs.selectedMsgID())
	}
	hs.keys("esc")
	if hs.m.open == nil || hs.m.open.filter.Active() || hs.selectedMsgID() != "a1" {
		t.Fatalf("esc must clear the filter keeping a1, got %s", hs.selectedMsgID())
	}
	hs.keys("esc")
	if hs.m.open != nil {
		t.Fatal("a second esc goes back to the list")
	}
}

// TestGoldenFilteredThread is a conversation filtered by "you", the matches
// marked (between ⟦ and ⟧), at 80x24: each match under its sender.
func TestGoldenFilteredThread(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter")
	hs.m.View()
	hs.keys("/")
	hs.typeText("you")
	view := hs.m.View()
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, []byte(tuitest.Marked(view)))
}

// TestGoldenFilteredList is the conversation list filtered by "@b", the
// matches marked, at 80x24.
func TestGoldenFilteredList(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("/")
	hs.typeText("@b")
	hs.keys("enter")
	view := hs.m.View()
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, []byte(tuitest.Marked(view)))
}

// TestDroppingTheFilterShowsTheListFromItsTop: the selected conversation
// keeps its row when the filter is dropped, unless that hides the
// conversations above it behind empty rows (all three fit at 80x24): the
// top of the list once stayed out of sight with nothing saying so.
func TestDroppingTheFilterShowsTheListFromItsTop(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("/")
	hs.typeText("Meetup")
	hs.keys("enter", "esc")
	v := hs.plain()
	if hs.selectedConvID() != "c3" || !strings.Contains(v, "@atlas_ai") || !strings.Contains(v, "@bob") {
		t.Fatalf("want carol's conversation selected under atlas's and bob's, got %s:\n%s", hs.selectedConvID(), v)
	}
}
