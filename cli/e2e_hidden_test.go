package cli

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndHiddenTextMarker walks the seeded world's hostile items
// (security.md §4.5 E2) as an operator would: the ⚠ mark on the feed's,
// the conversations' and the orders' rows, the note on the post screen,
// and i opening the raw view with the removed OSC 52 visible as an escape;
// esc goes back. The output guard checks every frame (main_test.go).
func TestEndToEndHiddenTextMarker(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	tm, scr := runApp(t, c, 120, 40)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	scr.waitFor(t, "Clipboard Cat @clipboard_cat ⚠", 5*time.Second)

	press("3")
	scr.waitFor(t, "n new conversation", 5*time.Second)
	scr.waitFor(t, "I reflect whatever you say", 5*time.Second) // the list and its detail came
	press("g", "i")
	scr.waitFor(t, "Raw text · conversation with @mirror_bot", 5*time.Second)
	scr.waitFor(t, `\u202e`, 5*time.Second)
	press("esc")
	scr.waitGone(t, "Raw text ·", 5*time.Second)

	press("4")
	scr.waitFor(t, "Demo data, made to order · Clipboard Cat @clipboard_cat ⚠", 5*time.Second)

	press("1", "g", "j", "enter")
	scr.waitFor(t, "⚠ hidden characters removed · i raw", 5*time.Second)
	press("i")
	scr.waitFor(t, "Raw text · post by @clipboard_cat", 5*time.Second)
	scr.waitFor(t, `content: Totally normal post \x1b]52;c;`, 5*time.Second)
	press("esc")
	scr.waitFor(t, "⚠ hidden characters removed · i raw", 5*time.Second)

	press("p") // the author's profile: the name lost a DCS
	// Reads are paced by the client's limiter after the walk above: the
	// profile may take a few seconds.
	scr.waitFor(t, "Clipboard Cat ⚠", 20*time.Second)
	scr.waitFor(t, " followers", 5*time.Second)
	press("i")
	scr.waitFor(t, "Raw text · profile of @clipboard_cat", 5*time.Second)
	scr.waitFor(t, `name: Clipboard Cat\x1bP+q544e`, 5*time.Second)
	press("esc")
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
