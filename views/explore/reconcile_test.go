package explore

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"imagine/api"
	"imagine/views"
	"imagine/views/composer"
)

// Issue 12 for the Bytes: a write whose answer is lost is read back
// before anything is resent, and the operator reads "sent" or "not sent".
// The fake stores its writes and then loses the answer (loseNext), or
// loses it before storing (dropNext), answering *api.UnknownOutcomeError
// as the client does.

// statuses are the status lines among msgs.
func statuses(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if s, ok := m.(views.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

func hasStatus(msgs []tea.Msg, want string) bool {
	for _, s := range statuses(msgs) {
		if s == want {
			return true
		}
	}
	return false
}

// commentsWith counts the stored comments with text.
func (f *fake) commentsWith(text string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.comments {
		if c.Content == text {
			n++
		}
	}
	return n
}

// bytesWith counts the stored Bytes with caption.
func (f *fake) bytesWith(caption string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, b := range f.bytes {
		if b.Caption == caption {
			n++
		}
	}
	return n
}

// TestAByteCommentWhoseAnswerWasLostIsFoundNotResent: the comment is made
// and its answer lost; the pane reads the comments back, says it is sent,
// and a second ctrl+s makes no second comment.
func TestAByteCommentWhoseAnswerWasLostIsFoundNotResent(t *testing.T) {
	hs := newHarness(t, 80, 24)
	text := "a comment whose answer was lost"
	hs.keys("B", "c")
	hs.typeText(text)
	hs.take()
	hs.f.loseNext = 1
	hs.keys("ctrl+s", "ctrl+s")
	if want := "comment sent (the answer was lost; it is on the server)"; !hasStatus(hs.seen, want) {
		t.Fatalf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if hs.m.comp.IsOpen() {
		t.Error("the composer stays open after the comment was found")
	}
	if n := hs.f.commentsWith(text); n != 1 || hs.f.n("comment:b1") != 1 {
		t.Errorf("%d comments stored after %d sends, want 1 and 1", n, hs.f.n("comment:b1"))
	}
	if b := hs.m.lists[sectionBytes].rows[0].byt; b.CommentCount != 3 {
		t.Errorf("the row counts %d comments, want 3", b.CommentCount)
	}
}

// TestAByteCommentLostBeforeItArrivedSaysNotSentThenSendsOnce: the
// comment never arrived: the composer says "not sent" (never "maybe"),
// keeps the text, and ctrl+s sends it once.
func TestAByteCommentLostBeforeItArrivedSaysNotSentThenSendsOnce(t *testing.T) {
	hs := newHarness(t, 80, 24)
	text := "lost before it arrived"
	hs.keys("B", "c")
	hs.typeText(text)
	hs.f.dropNext = 1
	hs.keys("ctrl+s")
	prob := hs.m.comp.Problem()
	if want := "not sent: no answer from api.example, and the comment is not on the server; ctrl+s sends it again"; prob != want {
		t.Fatalf("composer says %q, want %q", prob, want)
	}
	if !hs.m.comp.IsOpen() || hs.m.comp.Value() != text {
		t.Fatalf("the text is not kept: open %v, %q", hs.m.comp.IsOpen(), hs.m.comp.Value())
	}
	hs.take()
	hs.keys("ctrl+s")
	if !hasStatus(hs.seen, "comment sent") {
		t.Errorf("statuses %q, want comment sent", statuses(hs.seen))
	}
	if n := hs.f.commentsWith(text); n != 1 {
		t.Errorf("%d comments stored, want 1", n)
	}
}

// TestAnUncheckableByteCommentIsCheckedBeforeTheResend: the answer is
// lost and reading the comments fails too: the composer says
// "unconfirmed", and the next ctrl+s reads back first, finds the comment
// and sends nothing.
func TestAnUncheckableByteCommentIsCheckedBeforeTheResend(t *testing.T) {
	hs := newHarness(t, 80, 24)
	text := "lost answer, lost check, one comment"
	hs.keys("B", "c")
	hs.typeText(text)
	hs.f.loseNext, hs.f.failReads = 1, 1
	hs.keys("ctrl+s")
	prob := hs.m.comp.Problem()
	if !strings.HasPrefix(prob, "unconfirmed: no answer from api.example and checking failed") ||
		!strings.HasSuffix(prob, "; ctrl+s checks again before sending") {
		t.Fatalf("composer says %q", prob)
	}
	if hs.m.comp.Value() != text {
		t.Fatalf("the text is not kept: %q", hs.m.comp.Value())
	}
	hs.take()
	hs.keys("ctrl+s")
	if want := "comment sent (the answer was lost; it is on the server)"; !hasStatus(hs.seen, want) {
		t.Errorf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if n := hs.f.commentsWith(text); n != 1 || hs.f.n("comment:b1") != 1 {
		t.Errorf("%d comments stored after %d sends, want 1 and 1", n, hs.f.n("comment:b1"))
	}
}

// sendByte sends a new Byte as the composer does on ctrl+s once its video
// is uploaded (the harness has no uploader, so the message is made here).
func (hs *harness) sendByte(caption string) {
	hs.settle(hs.m.Update(composer.SendMsg{ID: composerID, Key: keyNewByte, Text: caption,
		MediaIDs: []string{"m1"}, MediaType: api.MediaTypeVideo}))
}

// TestANewByteWhoseAnswerWasLostIsPublishedOnce: a Byte made with its
// answer lost is found in the list (the row shows it, once); one lost
// before it arrived says "not sent" and goes on the next send, once; an
// unconfirmed one, even without a caption, is checked before the resend.
func TestANewByteWhoseAnswerWasLostIsPublishedOnce(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "n")
	hs.take()
	hs.f.loseNext = 1
	hs.sendByte("made, answer lost")
	if want := "Byte published (the answer was lost; it is on the server)"; !hasStatus(hs.seen, want) {
		t.Fatalf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if n := hs.f.bytesWith("made, answer lost"); n != 1 {
		t.Errorf("%d Bytes stored, want 1", n)
	}
	if r := hs.m.lists[sectionBytes].rows; r[0].byt.Caption != "made, answer lost" || r[1].byt.ID != "b1" {
		t.Errorf("the section starts %q, %q; want the new Byte, then b1", r[0].byt.Caption, r[1].byt.ID)
	}

	hs.keys("n")
	hs.f.dropNext = 1
	hs.sendByte("lost before it arrived")
	if want := "not sent: no answer from api.example, and the Byte is not on the server; ctrl+s sends it again"; hs.m.comp.Problem() != want {
		t.Fatalf("composer says %q, want %q", hs.m.comp.Problem(), want)
	}
	hs.sendByte("lost before it arrived")
	if n := hs.f.bytesWith("lost before it arrived"); n != 1 {
		t.Errorf("%d Bytes stored, want 1", n)
	}

	hs.keys("n")
	hs.take()
	hs.f.loseNext, hs.f.failReads = 1, 1
	hs.sendByte("")
	if prob := hs.m.comp.Problem(); !strings.HasPrefix(prob, "unconfirmed: ") {
		t.Fatalf("composer says %q", prob)
	}
	creates := hs.f.n("create")
	hs.sendByte("")
	if want := "Byte published (the answer was lost; it is on the server)"; !hasStatus(hs.seen, want) {
		t.Errorf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if n := hs.f.bytesWith(""); n != 1 || hs.f.n("create") != creates {
		t.Errorf("%d captionless Bytes stored, %d creates after the check; want 1 and none", n, hs.f.n("create")-creates)
	}
}

// TestALikeWhoseAnswerWasLostShowsWhatTheServerHas: the like is made and
// its answer lost: the row says liked with the server's count, and no
// error. An unlike lost twice before it arrived (the try and the one
// resend) leaves the row liked, as the server has it, and says so; a lost
// answer whose check fails says the like is unconfirmed.
func TestALikeWhoseAnswerWasLostShowsWhatTheServerHas(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B")
	hs.take()
	hs.f.loseNext = 1
	hs.keys("l")
	if got := statuses(hs.seen); len(got) != 0 {
		t.Errorf("statuses %q, want none", got)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "♥ 8 (you)") {
		t.Errorf("the row does not show the like the server has:\n%s", v)
	}
	if hs.f.n("like:b1") != 1 {
		t.Errorf("%d likes sent, want 1 (the read showed it made)", hs.f.n("like:b1"))
	}

	hs.take()
	hs.f.dropNext = 2
	hs.keys("l")
	if want := "couldn't unlike the Byte: no answer from the server, and it did not happen; press again"; !hasStatus(hs.seen, want) {
		t.Errorf("statuses %q, want %q", statuses(hs.seen), want)
	}
	if v := ansi.Strip(hs.m.View()); !strings.Contains(v, "♥ 8 (you)") {
		t.Errorf("the row no longer shows the like the server has:\n%s", v)
	}
	if hs.f.n("unlike:b1") != 2 {
		t.Errorf("%d unlikes sent, want 2 (the try and one resend)", hs.f.n("unlike:b1"))
	}

	hs.take()
	hs.f.loseNext, hs.f.failReads = 1, 1
	hs.keys("l")
	want := "couldn't confirm the unlike of the Byte: no answer from api.example and checking failed"
	if got := statuses(hs.seen); len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("statuses %q, want %q…", got, want)
	}
}

// TestOneSendPerDraftIsInFlight: a second ctrl+s while the first send
// (or its check) is still out steps aside and says so; only one comment
// is sent.
func TestOneSendPerDraftIsInFlight(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("B", "c")
	send := composer.SendMsg{ID: composerID, Key: keyComment + "b1", Text: "only once"}
	first := hs.m.Update(send)
	hs.settle(hs.m.Update(send))
	if want := "still sending or checking this text; ctrl+s again once it is done"; hs.m.comp.Problem() != want {
		t.Errorf("composer says %q, want %q", hs.m.comp.Problem(), want)
	}
	hs.settle(first)
	if n := hs.f.n("comment:b1"); n != 1 {
		t.Errorf("%d comments sent, want 1", n)
	}
}
