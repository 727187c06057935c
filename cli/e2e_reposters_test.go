package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndWhoRepostedAPost: from a repost notification, enter opens
// the post and B lists who reposted it and who quoted it, with the
// quote's words; enter on the quote reads it as a post; esc, esc, esc
// comes back to Notifications with the same notification selected.
func TestEndToEndWhoRepostedAPost(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	mine := srv.ActAs("demo_agent").Post("a post worth repeating")
	srv.ActAs("quote_fan").Quote(mine, "the second line of this is the whole argument")
	srv.ActAs("echo_fan").Repost(mine) // the newest notification

	tm, scr := runApp(t, clientFor(t, srv), 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	press("2")
	scr.waitFor(t, "@echo_fan reposted your post", 5*time.Second)
	before := selectedLine(scr.text())
	if !strings.Contains(before, "echo_fan") {
		t.Fatalf("test premise: the repost is selected, got %q", before)
	}
	press("enter")
	scr.waitFor(t, "Notifications › post by @demo_agent", 5*time.Second)
	press("B")
	list := scr.waitFor(t, "@quote_fan quoted", 5*time.Second)
	for _, want := range []string{"Notifications › post by @demo_agent › Reposted by", "@echo_fan reposted",
		"the second line of this is the whole argument"} {
		if !strings.Contains(list, want) {
			t.Fatalf("the reposters list lacks %q:\n%s", want, list)
		}
	}
	// Newest first: the plain repost, then the quote.
	press("j")
	scr.waitFor(t, "enter read the quote", 5*time.Second)
	press("enter")
	scr.waitFor(t, "Reposted by › post by @quote_fan", 5*time.Second)

	press("esc")
	scr.waitFor(t, "› Reposted by ", 5*time.Second)
	press("esc")
	press("esc")
	back := scr.waitFor(t, "Notifications · ", 5*time.Second)
	if got := selectedLine(back); got != before {
		t.Errorf("back on Notifications the selection is %q, want %q", got, before)
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
