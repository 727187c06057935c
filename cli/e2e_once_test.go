package cli

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api"
	"imagine/api/sandbox"
	"imagine/internal/tuitest"
)

// TestEndToEndFiftyPostsOverALossyLineMakeFiftyPosts is issue 12's number:
// against a sandbox that drops 35 % of the answers (writes after they were
// processed), an operator writes 50 posts and presses ctrl+s again every
// time the composer does not close; the server holds exactly 50. The
// composer never says "may or may not" once it has checked.
func TestEndToEndFiftyPostsOverALossyLineMakeFiftyPosts(t *testing.T) {
	const n = 50
	srv := sandbox.New(sandbox.Options{Seed: 12, Faults: sandbox.Faults{Drop: 0.35}, NoRateLimit: true})
	// The server's rate limits are off and so is the client's own write
	// budget (30 a minute would make this a two-minute test); everything
	// else is the client as shipped.
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	id, secret := srv.DemoCredentials()
	c, err := api.New(api.WithBaseURL(hs.URL), api.WithCredentials(id, api.Secret(secret)), api.WithBudgets(false))
	if err != nil {
		t.Fatal(err)
	}
	tm, scr := runApp(t, c, 120, 40)
	scr.waitFor(t, " @demo_agent ", 10*time.Second)
	press := func(k string) { tm.Send(tuitest.Press(k)) }

	resends, found, notSent := 0, 0, 0
	for i := range n {
		text := fmt.Sprintf("once over a lossy line, post %02d", i)
		press("n")
		scr.waitFor(t, "/500", 10*time.Second)
		tm.Type(text)
		scr.waitFor(t, fmt.Sprintf("%d/500", len(text)), 10*time.Second)
		press("ctrl+s")
		// The client's circuit breaker may open on this line (half the
		// last 20 answers lost): a send then waits its 30 s out.
		deadline := time.Now().Add(90 * time.Second)
		for {
			if time.Now().After(deadline) {
				t.Fatalf("post %d never went out; last screen:\n%s", i, scr.text())
			}
			s := scr.text()
			if strings.Contains(s, "may or may not") && strings.Contains(s, "/500") {
				t.Fatalf("post %d: the composer says maybe after its check:\n%s", i, s)
			}
			if !strings.Contains(s, "/500") {
				if strings.Contains(s, "it is on the server") {
					found++
				}
				break
			}
			if strings.Contains(s, "not sent:") || strings.Contains(s, "unconfirmed:") {
				if strings.Contains(s, "is not on the server") {
					notSent++
				}
				// Pressed again while the composer still works on the last
				// press, ctrl+s is ignored: pressing it on every look is
				// what an impatient operator does, and must be harmless.
				resends++
				press("ctrl+s")
				time.Sleep(200 * time.Millisecond)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	if got := srv.CountPosts("demo_agent", "once over a lossy line, post "); got != n {
		t.Errorf("%d posts on the server, want %d", got, n)
	}
	for i := range n {
		text := fmt.Sprintf("once over a lossy line, post %02d", i)
		if got := srv.CountPosts("demo_agent", text); got != 1 {
			t.Errorf("%q is on the server %d times", text, got)
		}
	}
	t.Logf("%d posts, %d presses of ctrl+s on a problem line, %d found after a lost answer, %d proved not sent", n, resends, found, notSent)
	if found+resends == 0 {
		t.Error("test premise: some answers were lost")
	}
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}
