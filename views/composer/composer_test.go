package composer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imagine/api"
	"imagine/internal/tuitest"
	"imagine/views"

	"github.com/charmbracelet/x/ansi"
)

func TestCounterTurnsWarnAndErrorNearAndOverTheLimit(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Title: "New post", Limit: 10}))
	s := m.styles

	typeText(m, "abcde")
	if v := m.View(); !strings.Contains(v, s.Muted.Render("5/10")) {
		t.Errorf("5/10 should be muted:\n%q", v)
	}
	typeText(m, "fghi")
	if v := m.View(); !strings.Contains(v, s.Warn.Render("9/10")) {
		t.Errorf("9/10 (90%%) should warn:\n%q", v)
	}
	typeText(m, "jk")
	if v := m.View(); !strings.Contains(v, s.Error.Render("11/10")) {
		t.Errorf("11/10 should be an error:\n%q", v)
	}
}

func TestSendRefusesEmptyText(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: 10}))
	typeText(m, "   ")
	msgs := settle(m, m.Update(tuitest.Press("ctrl+s")))
	if _, ok := tuitest.Find[SendMsg](msgs); ok {
		t.Fatal("blank text was sent")
	}
	if m.Sending() || !strings.Contains(m.Problem(), "nothing to send") {
		t.Errorf("want a 'nothing to send' refusal, got sending=%v problem=%q", m.Sending(), m.Problem())
	}
	if !strings.Contains(m.View(), "nothing to send") {
		t.Error("the refusal is not on screen")
	}
}

func TestSendRefusesTextOverTheLimitAndKeepsIt(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: 5}))
	typeText(m, "toolong")
	msgs := settle(m, m.Update(tuitest.Press("ctrl+s")))
	if _, ok := tuitest.Find[SendMsg](msgs); ok {
		t.Fatal("text over the limit was sent")
	}
	if m.Value() != "toolong" {
		t.Errorf("text changed to %q", m.Value())
	}
	if !strings.Contains(m.Problem(), "too long by 2") {
		t.Errorf("problem = %q, want it to say by how much", m.Problem())
	}
}

// TestOverTheLimitIsSaidWhileItLasts: the counter line says how far over
// the limit the text is as it is typed, before any send, and after the
// refusal is cleared by the next key.
func TestOverTheLimitIsSaidWhileItLasts(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post", Limit: 5}))
	typeText(m, "toolong")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "7/5 · 2 over: shorten it to send") {
		t.Fatalf("typed past the limit:\n%s", v)
	}
	settle(m, m.Update(tuitest.Press("ctrl+s")))
	typeText(m, "!")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "8/5 · 3 over: shorten it to send") {
		t.Errorf("after the refusal and one more key:\n%s", v)
	}
}

func TestSendEmitsTheCleanTextOnceWhileSending(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "comment-p1", Limit: api.MaxCommentRunes}))
	typeText(m, "hi there")
	msgs := settle(m, m.Update(tuitest.Press("ctrl+s")))
	send, ok := tuitest.Find[SendMsg](msgs)
	if !ok {
		t.Fatal("no SendMsg")
	}
	if send.ID != "test" || send.Key != "comment-p1" || send.Text != "hi there" || send.MediaIDs != nil || send.MediaType != "" {
		t.Errorf("SendMsg = %+v", send)
	}
	if !m.Sending() || !strings.Contains(m.View(), "sending…") {
		t.Error("the composer should show that it is sending")
	}
	if again := settle(m, m.Update(tuitest.Press("ctrl+s"))); len(again) != 0 {
		t.Errorf("a second ctrl+s while sending emitted %v", again)
	}
	typeText(m, "x")
	if m.Value() != "hi there" {
		t.Errorf("typing while sending changed the text to %q", m.Value())
	}
}

func TestFailedSendKeepsTextDraftAndShowsTheError(t *testing.T) {
	dir := t.TempDir()
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "keep me")
	settle(m, m.Update(tuitest.Press("ctrl+s")))
	settle(m, m.Failed(api.ErrOffline))

	if m.Sending() {
		t.Error("still sending after Failed")
	}
	if m.Value() != "keep me" {
		t.Errorf("text = %q", m.Value())
	}
	if want := "not sent: " + views.Describe(api.ErrOffline); m.Problem() != want {
		t.Errorf("problem = %q, want %q", m.Problem(), want)
	}
	if !strings.Contains(m.View(), "not sent:") {
		t.Errorf("the error is not beside the counter:\n%s", m.View())
	}
	if b, err := os.ReadFile(filepath.Join(dir, "post.txt")); err != nil || string(b) != "keep me" {
		t.Errorf("draft on disk = %q, %v", b, err)
	}
	// A retry works once the problem is gone.
	if _, ok := tuitest.Find[SendMsg](settle(m, m.Update(tuitest.Press("ctrl+s")))); !ok {
		t.Error("could not send again after a failure")
	}
}

func TestDraftIsSavedPrivatelyAfterTyping(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "draft text")

	path := filepath.Join(dir, "post.txt")
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "draft text" {
		t.Fatalf("draft = %q, %v", b, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("draft mode = %v, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("draft dir mode = %v, want no group/other access", fi.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".draft-*"))
	if len(leftovers) != 0 {
		t.Errorf("temp files left behind: %v", leftovers)
	}
}

func TestStaleDebouncedSaveIsDropped(t *testing.T) {
	dir := t.TempDir()
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "post"}))
	// Two keystrokes; only the last tick may save.
	first := tuitest.Collect(m.Update(tuitest.Press("a")))
	second := tuitest.Collect(m.Update(tuitest.Press("b")))
	if len(first) != 1 || len(second) != 1 {
		t.Fatalf("want one debounce tick per keystroke, got %v and %v", first, second)
	}
	if cmd := m.Update(first[0]); cmd != nil {
		t.Error("the first, stale tick still asked for a save")
	}
	settle(m, m.Update(second[0]))
	if b, _ := os.ReadFile(filepath.Join(dir, "post.txt")); string(b) != "ab" {
		t.Errorf("draft = %q, want ab", b)
	}
}

func TestDraftIsRestoredWhenTheSameKeyOpensAgain(t *testing.T) {
	dir := t.TempDir()
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "reply-c7", Limit: api.MaxCommentRunes}))
	typeText(m, "half a reply")
	settle(m, m.Update(tuitest.Press("esc")))
	if m.IsOpen() {
		t.Fatal("esc did not close the composer")
	}

	// Same session: another request in between, then the reply again.
	settle(m, m.Open(Request{Key: "post"}))
	if m.Value() != "" {
		t.Errorf("a different key showed %q", m.Value())
	}
	settle(m, m.Update(tuitest.Press("esc")))
	settle(m, m.Open(Request{Key: "reply-c7"}))
	if m.Value() != "half a reply" {
		t.Errorf("reopened with %q", m.Value())
	}

	// Next session: a new composer reads the draft from disk.
	next := newComposer(t, dir, "")
	settle(next, next.Open(Request{Key: "reply-c7"}))
	if next.Value() != "half a reply" {
		t.Errorf("a new composer restored %q", next.Value())
	}
}

func TestSentClearsTheTextAndTheDraft(t *testing.T) {
	dir := t.TempDir()
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "post"}))
	typeText(m, "bye")
	settle(m, m.Update(tuitest.Press("ctrl+s")))
	settle(m, m.Sent())
	if m.Value() != "" || m.Sending() {
		t.Errorf("after Sent: value %q, sending %v", m.Value(), m.Sending())
	}
	if _, err := os.Stat(filepath.Join(dir, "post.txt")); !os.IsNotExist(err) {
		t.Errorf("draft still on disk: %v", err)
	}
	settle(m, m.Update(tuitest.Press("esc")))
	settle(m, m.Open(Request{Key: "post"}))
	if m.Value() != "" {
		t.Errorf("a sent text came back: %q", m.Value())
	}
}

func TestPasteIsSanitized(t *testing.T) {
	m := newComposer(t, "", "")
	settle(m, m.Open(Request{Key: "post"}))
	settle(m, m.Update(teaPaste("hi \x1b]52;c;U0VOVElORUwtT1NDNTI=\x07there\u202e")))
	v := m.Value()
	if strings.ContainsAny(v, "\x1b\x07\u202e") || strings.Contains(v, "SENTINEL") {
		t.Errorf("pasted controls survived: %q", v)
	}
	if !strings.Contains(v, "hi") || !strings.Contains(v, "there") {
		t.Errorf("pasted text lost: %q", v)
	}
}

func TestDraftPathsStayInsideTheDraftDir(t *testing.T) {
	s := newDraftStore("/drafts")
	for _, key := range []string{"post", "comment-../../etc/passwd", "reply-a/b", "quote-\x00x", ""} {
		p := s.path(key)
		if filepath.Dir(p) != "/drafts" || !strings.HasSuffix(p, ".txt") {
			t.Errorf("key %q maps to %q", key, p)
		}
	}
	if s.path("reply-a/b") == s.path("reply-a_b") {
		t.Error("distinct keys share a draft file")
	}
	if got := s.path("comment-p1"); got != "/drafts/comment-p1.txt" {
		t.Errorf("plain key maps to %q", got)
	}
}

// TestTextTypedBeforeTheDraftArrivesKeepsBoth: a draft is read from disk
// in a Cmd; keys typed before it arrives are not thrown away, and neither
// is the draft (the next save would have replaced it): the draft comes
// back above what was typed, and that is what is saved.
func TestTextTypedBeforeTheDraftArrivesKeepsBoth(t *testing.T) {
	dir := t.TempDir()
	first := newComposer(t, dir, "")
	settle(first, first.Open(Request{Key: "post"}))
	typeText(first, "the earlier draft")
	settle(first, first.Update(tuitest.Press("esc")))

	next := newComposer(t, dir, "")
	load := next.Open(Request{Key: "post"}) // the read not yet done
	for _, k := range tuitest.Type("typed at once") {
		next.Update(k) // its save is 500 ms away: the read lands first
	}
	seen := settle(next, load)
	if want := "the earlier draft\ntyped at once"; next.Value() != want {
		t.Errorf("composer holds %q, want %q", next.Value(), want)
	}
	said := false
	for _, msg := range seen {
		if s, ok := msg.(views.StatusMsg); ok && strings.Contains(s.Text, "earlier draft is back") {
			said = true
		}
	}
	if !said {
		t.Errorf("nothing said the draft came back: %v", seen)
	}
	settle(next, next.Update(tuitest.Press("esc")))
	if b, _ := os.ReadFile(filepath.Join(dir, "post.txt")); string(b) != "the earlier draft\ntyped at once" {
		t.Errorf("draft on disk %q", b)
	}
}

// A Prefill ("@bob " in a reply to bob) is what the text starts with when
// there is no draft; closed untouched it leaves no draft and comes again;
// a draft on disk wins over it.
func TestPrefillStartsTheTextUnlessADraftIsBack(t *testing.T) {
	dir := t.TempDir()
	m := newComposer(t, dir, "")
	settle(m, m.Open(Request{Key: "reply-c9", Prefill: "@bob "}))
	if m.Value() != "@bob " {
		t.Fatalf("opened with %q, want the prefill", m.Value())
	}
	settle(m, m.Update(tuitest.Press("esc")))
	next := newComposer(t, dir, "")
	settle(next, next.Open(Request{Key: "reply-c9"}))
	if next.Value() != "" {
		t.Errorf("an untouched prefill was kept as a draft: %q", next.Value())
	}

	settle(m, m.Open(Request{Key: "reply-c9", Prefill: "@bob "}))
	typeText(m, "thanks")
	settle(m, m.Update(tuitest.Press("esc")))
	later := newComposer(t, dir, "")
	settle(later, later.Open(Request{Key: "reply-c9", Prefill: "@bob "}))
	if later.Value() != "@bob thanks" {
		t.Errorf("the draft on disk did not win over the prefill: %q", later.Value())
	}
}
