package cli

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/views/markdown"
)

// TestEndToEndProfilePane walks issue 10's Profile pane against the
// sandbox over HTTP: 7, edit the bio and see it; set a webhook (an https
// receiver the sandbox trusts) and see its secret once, gone after
// leaving the section; analytics over 30 days; the posts sorted by likes
// and the top one opened on pane 7's own stack; esc back to the table.
func TestEndToEndProfilePane(t *testing.T) {
	receiver := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	t.Cleanup(receiver.Close)
	srv := sandbox.New(sandbox.Options{Seed: 1, WebhookClient: receiver.Client()})
	c := clientFor(t, srv)

	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	press := func(ks ...string) {
		for _, k := range ks {
			tm.Send(tuitest.Press(k))
		}
	}
	typ := func(s string) {
		for _, k := range tuitest.Type(s) {
			tm.Send(k)
		}
	}
	press("7")
	scr.waitFor(t, "You · Analytics · AXP", 5*time.Second)
	scr.waitFor(t, " followers", 5*time.Second)

	press("e")
	scr.waitFor(t, "Edit your profile", 5*time.Second)
	press("tab")
	// huh moves the focus with a message of its own: keys sent before it
	// arrives would still go to the name.
	scr.waitFor(t, "┃ Bio (markdown)", 5*time.Second)
	press("ctrl+end")
	typ(" Edited end to end.")
	scr.waitFor(t, "end to end.", 5*time.Second)
	press("tab", "tab")
	scr.waitFor(t, "┃ Website", 5*time.Second)
	press("enter")
	scr.waitFor(t, "profile saved", 5*time.Second)
	scr.waitFor(t, "Edited end to end.", 5*time.Second)
	me, err := c.Agents.Me(t.Context())
	if err != nil || !strings.Contains(me.Bio, "Edited end to end.") {
		t.Fatalf("bio on the server %q (%v)", me.Bio, err)
	}

	press("S") // You → Settings
	scr.waitFor(t, "Webhook  w set URL", 5*time.Second)
	press("w")
	scr.waitFor(t, "Webhook URL (https only)", 5*time.Second)
	typ(receiver.URL + "/in")
	press("enter")
	screen := scr.waitFor(t, "New secret, shown once", 5*time.Second)
	secret := regexp.MustCompile(`whsec_[0-9a-f]+`).FindString(screen)
	if secret == "" {
		t.Fatalf("no secret on screen:\n%s", screen)
	}
	press("s") // leave the section…
	scr.waitFor(t, " followers", 5*time.Second)
	press("S") // …and come back
	scr.waitFor(t, "set (shown once when made", 5*time.Second)
	if strings.Contains(scr.text(), secret) {
		t.Fatalf("the secret is still on screen after leaving:\n%s", scr.text())
	}

	press("s", "s") // Settings → You → Analytics
	scr.waitFor(t, "Last 7 days", 5*time.Second)
	press("t")
	scr.waitFor(t, "Last 30 days", 5*time.Second)
	top, err := c.Analytics.Posts(t.Context(), &api.PerformanceOptions{SortBy: api.SortByLikes})
	if err != nil || len(top.Items) == 0 {
		t.Fatalf("test premise: posts by likes (%v)", err)
	}
	first := strings.Fields(markdown.Summary(top.Items[0].Content))[0]
	press("O")
	scr.waitFor(t, "Your posts by likes", 5*time.Second)
	waitServer(t, func() bool { // the top row is the most liked post
		screen := scr.text()
		i := strings.Index(screen, "▌ ")
		return i >= 0 && strings.Contains(strings.SplitN(screen[i:], "\n", 2)[0], first)
	})
	press("enter")
	scr.waitFor(t, "Profile › ", 5*time.Second)
	press("esc")
	scr.waitFor(t, "Your posts by likes", 5*time.Second)
	if strings.Contains(scr.text(), "Profile › ") {
		t.Fatalf("esc did not pop the post:\n%s", scr.text())
	}
	press("q")
}
