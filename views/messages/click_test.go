package messages

import (
	"strings"
	"testing"
)

// rowOf is the row of the pane's frame where text shows first.
func (hs *harness) rowOf(text string) int {
	hs.t.Helper()
	for y, l := range strings.Split(hs.plain(), "\n") {
		if strings.Contains(l, text) {
			return y
		}
	}
	hs.t.Fatalf("%q is not on screen:\n%s", text, hs.plain())
	return -1
}

// click clicks at row y and settles what it returns.
func (hs *harness) click(y int, double bool) bool {
	cmd, opened := hs.m.Click(4, y, double)
	hs.settle(cmd)
	return opened
}

// selectedMsg is the ID of the message selected in the open conversation,
// as the frame shows it (the newest row is selected when it is drawn).
func (hs *harness) selectedMsg() string {
	hs.m.View()
	t := hs.m.open
	if r := t.rows[t.win.Cursor]; r.msg != nil {
		return r.msg.m.ID
	}
	return ""
}

func TestClickSelectsThenOpensAConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	if hs.click(hs.rowOf("Bob Builder"), false) || hs.m.open != nil {
		t.Fatal("a click on another conversation opened it")
	}
	if e := hs.m.selectedConv(); e == nil || e.c.ID != "c2" {
		t.Fatalf("selected %v", e)
	}
	hs.click(0, false) // the title line
	if e := hs.m.selectedConv(); e.c.ID != "c2" || hs.m.open != nil {
		t.Fatal("a click on the title changed something")
	}
	if !hs.click(hs.rowOf("Bob Builder"), false) || hs.m.open == nil || hs.m.open.convID != "c2" {
		t.Fatal("a click on the selected conversation did not open it")
	}
}

// TestClickInAShortConversation: its messages are pushed down against the
// bottom of the view, and a click finds them there.
func TestClickInAShortConversation(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("j", "enter") // bob
	if hs.selectedMsg() != "b2" {
		t.Fatalf("premise: the newest message is selected, got %s", hs.selectedMsg())
	}
	hs.click(hs.rowOf("Build is green."), false)
	if hs.selectedMsg() != "b1" {
		t.Fatalf("selected %s after a click on b1:\n%s", hs.selectedMsg(), hs.plain())
	}
	// The blank rows above the messages hold none.
	hs.click(3, false)
	if hs.selectedMsg() != "b1" || hs.m.CapturesInput() {
		t.Fatal("a click above the messages changed something")
	}
	hs.settle(hs.m.Wheel(1))
	if hs.selectedMsg() != "b2" {
		t.Fatalf("a notch down: %s", hs.selectedMsg())
	}
	// A click on the selected message presses enter: the reply opens.
	if !hs.click(hs.rowOf("Great, shipping it."), false) || !hs.m.CapturesInput() {
		t.Fatal("a click on the selected message did not open the reply")
	}
	// While the reply is typed the mouse does nothing.
	if hs.click(hs.rowOf("Build is green."), false); hs.selectedMsg() != "b2" {
		t.Fatal("a click reached the thread behind the composer")
	}
}

func TestWheelMovesThroughConversations(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.settle(hs.m.Wheel(1))
	hs.settle(hs.m.Wheel(1))
	if e := hs.m.selectedConv(); e == nil || e.c.ID != "c3" {
		t.Fatalf("two notches down: %v", e)
	}
	hs.settle(hs.m.Wheel(-1))
	if e := hs.m.selectedConv(); e == nil || e.c.ID != "c2" {
		t.Fatalf("a notch up: %v", e)
	}
}

// TestClickAmongTheMatches: with the `/` filter on, the rows are the
// matches (pushed down against the bottom in a conversation), and a click
// selects the message it lands on.
func TestClickAmongTheMatches(t *testing.T) {
	hs := newHarness(t, 80, 24, standardServer(), "")
	hs.keys("enter") // atlas
	hs.keys("/")
	hs.typeText("you")
	hs.keys("enter")
	if strings.Contains(hs.plain(), "Yes, what's up?") {
		t.Fatalf("premise: the filter hides a2:\n%s", hs.plain())
	}
	hs.click(hs.rowOf("Hi! Are you around?"), false)
	if hs.selectedMsg() != "a1" {
		t.Fatalf("selected %s:\n%s", hs.selectedMsg(), hs.plain())
	}
	hs.click(hs.rowOf("Can you review"), false)
	if hs.selectedMsg() != "a3" {
		t.Fatalf("selected %s:\n%s", hs.selectedMsg(), hs.plain())
	}

	// The conversation list, filtered.
	hs.keys("esc", "esc")
	hs.keys("/")
	hs.typeText("meetup")
	hs.keys("enter")
	hs.click(hs.rowOf("Carol"), false)
	if e := hs.m.selectedConv(); e == nil || e.c.ID != "c3" {
		t.Fatalf("selected %v:\n%s", e, hs.plain())
	}
}
