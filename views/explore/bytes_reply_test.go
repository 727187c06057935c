package explore

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
)

// threadOf is the open Byte's comments as "id/depth", in screen order.
func threadOf(l *list) string {
	var out []string
	for _, r := range l.rows {
		if r.kind == kindComment {
			out = append(out, r.comment.ID+"/"+string(rune('0'+r.depth)))
		}
	}
	return strings.Join(out, " ")
}

// withReplies adds to the fake's b1 a reply to c1 (c3) and a reply to
// that reply (c4), both after c2 on the wire, as the API sends them
// (flat, oldest first).
func withReplies(f *fake) {
	f.comments = append(f.comments,
		api.ByteComment{ID: "c3", ByteID: "b1", ParentID: "c1", Content: "Sure: #ff00aa and teal.", Agent: f.agents[4], CreatedAt: t0.Add(-20 * time.Minute)},
		api.ByteComment{ID: "c4", ByteID: "b1", ParentID: "c3", Content: "Thank you!", Agent: f.agents[2], CreatedAt: t0.Add(-10 * time.Minute)},
	)
}

func TestByteRepliesAreShownIndentedUnderTheirParent(t *testing.T) {
	hs := newHarness(t, 80, 30)
	withReplies(hs.f)
	hs.keys("B", "enter")
	l := hs.m.front()
	if got, want := threadOf(l), "c1/0 c3/1 c4/2 c2/0"; got != want {
		t.Fatalf("thread %s, want %s", got, want)
	}
	v := ansi.Strip(hs.m.View())
	for _, want := range []string{"  Atlas @atlas", "  ↳ Pixel @pixel", "    ↳ Atlas @atlas", "      Thank you!"} {
		if !strings.Contains(v, want) {
			t.Errorf("the thread lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "Comments"); n != 1 {
		t.Errorf("%d Comments headings:\n%s", n, v)
	}
}

func TestCOnAByteCommentRepliesToIt(t *testing.T) {
	hs := newHarness(t, 80, 30)
	withReplies(hs.f)
	hs.keys("B", "enter", "j")
	if sel := hs.m.front().selected(); sel.kind != kindComment || sel.comment.ID != "c1" {
		t.Fatalf("test premise: c1 selected, got %s", sel.id())
	}
	if !helpHas(hs.m, "c", "reply") {
		t.Errorf("the footer does not say c replies: %v", hs.m.ShortHelp())
	}
	hs.keys("c")
	if !hs.m.comp.IsOpen() || !strings.Contains(ansi.Strip(hs.m.View()), "Reply to @atlas on the Byte") {
		t.Fatalf("c on a comment:\n%s", ansi.Strip(hs.m.View()))
	}
	hs.typeText("and the brush?")
	hs.take()
	hs.keys("ctrl+s")
	if hs.f.n("reply:c1") != 1 || hs.m.comp.IsOpen() {
		t.Fatalf("the reply: calls %v, composer open %v", hs.f.calls, hs.m.comp.IsOpen())
	}
	if !hasStatus(hs.seen, "reply sent") {
		t.Errorf("statuses %q", statuses(hs.seen))
	}
	// Under c1, after the reply already there (and its own reply).
	if got, want := threadOf(hs.m.front()), "c1/0 c3/1 c4/2 c-new4/1 c2/0"; got != want {
		t.Errorf("thread %s, want %s", got, want)
	}
	if b := hs.m.byteView.byt; b.CommentCount != 3 {
		t.Errorf("comment count %d, want 3", b.CommentCount)
	}
	if sel := hs.m.front().selected(); sel.comment.ID != "c1" {
		t.Errorf("the reply moved the selection to %s", sel.id())
	}
}

func TestCOnTheByteItselfStillComments(t *testing.T) {
	hs := newHarness(t, 80, 30)
	hs.keys("B", "enter", "c")
	if !strings.Contains(ansi.Strip(hs.m.View()), "Comment on @pixel's Byte") {
		t.Fatalf("c on the Byte's own row:\n%s", ansi.Strip(hs.m.View()))
	}
	if helpHas(hs.m, "c", "reply") {
		t.Error("the footer says reply with the Byte selected")
	}
	hs.typeText("top level")
	hs.keys("ctrl+s")
	if hs.f.n("comment:b1") != 1 || hs.f.n("reply:c1") != 0 || hs.f.n("reply:c2") != 0 {
		t.Fatalf("calls %v", hs.f.calls)
	}
	if got := threadOf(hs.m.front()); !strings.HasPrefix(got, "c-new2/0 c1/0") {
		t.Errorf("thread %s, want the new comment first", got)
	}
}

// TestAReplyLostBeforeItArrivedIsNotTakenForACommentWithTheSameText:
// the operator's comment on the Byte has the reply's text; the reply is
// lost before it is made, and reading back must not take that comment for
// it: "not sent", and the next ctrl+s sends the reply.
func TestAReplyLostBeforeItArrivedIsNotTakenForACommentWithTheSameText(t *testing.T) {
	hs := newHarness(t, 80, 30)
	text := "same words twice"
	hs.f.comments = append(hs.f.comments, api.ByteComment{ID: "c-mine", ByteID: "b1", Content: text, Agent: agent("me", "Me"), CreatedAt: t0})
	hs.keys("B", "enter", "j", "c")
	hs.typeText(text)
	hs.f.dropNext = 1
	hs.keys("ctrl+s")
	if want := "not sent: no answer from api.example, and the reply is not on the server; ctrl+s sends it again"; hs.m.comp.Problem() != want {
		t.Fatalf("composer says %q, want %q", hs.m.comp.Problem(), want)
	}
	hs.take()
	hs.keys("ctrl+s")
	if !hasStatus(hs.seen, "reply sent") || hs.f.commentsWith(text) != 2 {
		t.Errorf("statuses %q, %d comments with the text; want reply sent, 2", statuses(hs.seen), hs.f.commentsWith(text))
	}
}

// TestAReplyWhoseAnswerWasLostIsFoundAmongTheReplies: the reply is made
// and its answer lost; it is found by reading the comments back, and not
// sent again.
func TestAReplyWhoseAnswerWasLostIsFoundAmongTheReplies(t *testing.T) {
	hs := newHarness(t, 80, 30)
	text := "same words twice"
	hs.f.comments = append(hs.f.comments, api.ByteComment{ID: "c-mine", ByteID: "b1", Content: text, Agent: agent("me", "Me"), CreatedAt: t0})
	hs.keys("B", "enter", "j", "j", "c")
	if hs.m.front().selected().comment.ID != "c2" {
		t.Fatalf("test premise: c2 selected, got %s", hs.m.front().selected().id())
	}
	hs.typeText(text)
	hs.take()
	hs.f.loseNext = 1
	hs.keys("ctrl+s", "ctrl+s")
	if want := "reply sent (the answer was lost; it is on the server)"; !hasStatus(hs.seen, want) {
		t.Fatalf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if n := hs.f.n("reply:c2"); n != 1 || hs.f.commentsWith(text) != 2 {
		t.Errorf("%d replies sent, %d comments with the text; want 1 and 2", n, hs.f.commentsWith(text))
	}
}

func TestAReplyOnALaterPageGoesUnderItsParent(t *testing.T) {
	hs := newHarness(t, 80, 30)
	hs.keys("B", "enter")
	l := hs.m.front()
	l.next, l.hasMore = "p2", true
	late := []api.ByteComment{
		{ID: "c9", ByteID: "b1", ParentID: "c1", Content: "late reply", Agent: hs.f.agents[1]},
		{ID: "c8", ByteID: "b1", ParentID: "gone", Content: "its parent is not loaded", Agent: hs.f.agents[1]},
	}
	hs.settle(hs.m.Update(pageMsg{l: l, gen: l.gen, cursor: "p2", rows: commentRows(late)}))
	if got, want := threadOf(l), "c1/0 c9/1 c2/0 c8/0"; got != want {
		t.Errorf("thread %s, want %s", got, want)
	}
}

// helpHas reports whether the pane's short help binds k to desc.
func helpHas(m *Model, k, desc string) bool {
	for _, b := range m.ShortHelp() {
		if b.Help().Key == k && b.Help().Desc == desc {
			return true
		}
	}
	return false
}
