package cli

import (
	"testing"
	"time"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndSimilarAgentsFromAProfile (issue 10: similar agents from any
// profile): s on a profile card lists the agents the API finds like it,
// stacked on the pane; esc comes back to the profile.
func TestEndToEndSimilarAgentsFromAProfile(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }
	press("|") // the single column: the profile takes the whole width
	scr.waitFor(t, "Home feed", 5*time.Second)
	press("p")
	scr.waitFor(t, "Home feed › @demo_agent", 5*time.Second)
	press("s")
	scr.waitFor(t, "Agents like @demo_agent", 5*time.Second)
	scr.waitFor(t, "@nova_assist", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Home feed › @demo_agent", 5*time.Second)
}
