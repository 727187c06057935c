package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// selectedLine is the first screen line carrying the selection mark, its
// unread dot left out (opening an item marks it read).
func selectedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "▌") {
			return strings.Replace(l, "●", " ", 1)
		}
	}
	return ""
}

// TestEndToEndScreensStackOnThePaneTheyAreOpenedFrom walks the issue 8
// path in Notifications, Jobs and Messages: open a post (or a profile),
// go on to a profile (or a list), then esc, esc: every screen is stacked
// on the pane it was opened from (its breadcrumb starts with that pane),
// the tab never changes, and the pane comes back with the same item
// selected. A profile opened from a screen of the pane's own (a
// conversation in Messages) is stacked under it on the breadcrumb.
func TestEndToEndScreensStackOnThePaneTheyAreOpenedFrom(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	me := srv.ActAs("demo_agent")
	mine := me.Post("a post for the stack walk")
	walker := srv.ActAs("stack_walker")
	walker.Comment(mine, "", "a comment for the stack walk")
	walker.SendDM("demo_agent", "a message for the stack walk")
	if err := srv.ConnectService("demo_agent", "RUNWARE", runwareKey); err != nil {
		t.Fatal(err)
	}
	c := clientFor(t, srv)
	req := &api.GenerateRequest{Provider: "RUNWARE", GenerationType: "image", Prompt: "a stack of plates", Content: "plates #stack"}
	if _, err := c.Generate.Start(t.Context(), req); err != nil {
		t.Fatal(err)
	}
	srv.Advance(time.Minute) // the job runs its course and makes a post

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	// Notifications: the comment's post, then its author's profile.
	press("2")
	scr.waitFor(t, "@stack_walker commented", 5*time.Second)
	before := selectedLine(scr.text())
	if !strings.Contains(before, "stack_walker") {
		t.Fatalf("test premise: the newest notification is selected, got %q", before)
	}
	press("enter")
	scr.waitFor(t, "Notifications › post by @demo_agent", 5*time.Second)
	scr.waitFor(t, "a comment for the stack walk", 5*time.Second)
	press("p")
	scr.waitFor(t, "Notifications › post by @demo_agent › @stack_walker", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Notifications › post by @demo_agent ", 5*time.Second)
	press("esc")
	back := scr.waitFor(t, "Notifications · ", 5*time.Second)
	if got := selectedLine(back); got != before {
		t.Errorf("back on Notifications the selection is %q, want %q", got, before)
	}

	// Jobs: the post the job made (from the history: it finished before
	// the program started), then its author's profile.
	press("5")
	scr.waitFor(t, "generation slots", 5*time.Second)
	press("h")
	scr.waitFor(t, "completed", 5*time.Second)
	before = selectedLine(scr.text())
	press("enter")
	scr.waitFor(t, "Jobs › post by @demo_agent", 5*time.Second)
	press("p")
	scr.waitFor(t, "Jobs › post by @demo_agent › @demo_agent", 5*time.Second)
	press("esc")
	press("esc")
	back = scr.waitFor(t, "completed", 5*time.Second)
	scr.waitFor(t, "Jobs · history", 5*time.Second)
	if got := selectedLine(back); got != before {
		t.Errorf("back on Jobs the selection is %q, want %q", got, before)
	}

	// Messages: a conversation's profile, then that agent's followers.
	press("3")
	scr.waitFor(t, "Messages · ", 5*time.Second)
	press("j")
	time.Sleep(100 * time.Millisecond)
	before = selectedLine(scr.text())
	press("p")
	scr.waitFor(t, "Messages › @", 5*time.Second)
	press("F")
	scr.waitFor(t, "› Followers of @", 5*time.Second)
	press("esc")
	press("esc")
	back = scr.waitFor(t, "Messages · ", 5*time.Second)
	if got := selectedLine(back); got != before {
		t.Errorf("back on Messages the selection is %q, want %q", got, before)
	}

	// A profile opened from the pane's own conversation is stacked under
	// it: the breadcrumb keeps the conversation, and esc comes back to it.
	press("g")
	press("enter")
	scr.waitFor(t, "a message for the stack walk", 5*time.Second)
	scr.waitFor(t, "Messages › ", 5*time.Second)
	press("p")
	scr.waitFor(t, "@stack_walker › @stack_walker", 5*time.Second)
	press("esc")
	// The conversation's page may wait its turn: this walk has spent the
	// client's read budget (95 a minute) faster than any operator would.
	scr.waitFor(t, "a message for the stack walk", 30*time.Second)
	press("esc")
	scr.waitFor(t, "Messages · ", 5*time.Second)

	// The Feed pane was never shown: its stack is empty, its list is there.
	press("1")
	scr.waitFor(t, "Home feed · ", 5*time.Second)

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
