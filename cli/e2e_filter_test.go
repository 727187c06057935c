package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/internal/tuitest"
)

// TestEndToEndFilterTakesQAndDigits: in the Feed, Notifications and
// Messages, / opens the filter and the root hands it every key (the pane
// captures input while the query is typed): q does not quit, a digit does
// not switch panes, and the filter line counts the matches. esc gives the
// keys back, and q then quits.
func TestEndToEndFilterTakesQAndDigits(t *testing.T) {
	_, c := startDemo(t)
	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	for _, pane := range []struct{ key, title string }{
		{"1", "Home feed"}, {"2", "Notifications ·"}, {"3", "Messages"},
	} {
		tm.Send(tuitest.Press(pane.key))
		scr.waitFor(t, pane.title, 5*time.Second)
		scr.waitFor(t, "▌", 5*time.Second) // the list has loaded
		tm.Send(tuitest.Press("/"))
		scr.waitFor(t, "type to filter", 5*time.Second)
		for _, k := range tuitest.Type("q5") {
			tm.Send(k)
		}
		view := scr.waitFor(t, "/q5", 5*time.Second)
		if !strings.Contains(view, "no match in") && !strings.Contains(view, " of ") {
			t.Fatalf("%s: the filter line shows no count:\n%s", pane.title, view)
		}
		if !strings.Contains(view, pane.title) {
			t.Fatalf("a digit typed in the %s filter switched panes:\n%s", pane.title, view)
		}
		tm.Send(tuitest.Press("esc"))
		waitGone(t, scr, "/q5")
	}
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// waitGone waits until the screen no longer shows s.
func waitGone(t *testing.T, scr *screen, s string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if !strings.Contains(scr.text(), s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the screen still shows %q:\n%s", s, scr.text())
}
