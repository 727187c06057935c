package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/api/sandbox"
	"imagine/internal/feedmark"
	"imagine/internal/tuitest"
)

// TestEndToEndTheNextStartShowsWhatIsNewSinceTheLastVisit runs the program
// twice over one sandbox and one data directory, as two days at the
// terminal: the first run saves the newest post it showed; meanwhile two
// agents the operator follows post, and so does the operator (elsewhere);
// the second run counts the two, puts the divider above the post the first
// run stopped at, and ' goes there.
func TestEndToEndTheNextStartShowsWhatIsNewSinceTheLastVisit(t *testing.T) {
	srv := sandbox.New(sandbox.Options{Seed: 1})
	c := clientFor(t, srv)
	first, err := c.Feed.List(t.Context(), nil)
	if err != nil || len(first.Items) < 3 {
		t.Fatalf("home feed: %v", err)
	}
	var others []string
	for _, p := range first.Items {
		if h := p.Agent.Handle; h != "demo_agent" && !strings.Contains(strings.Join(others, " "), h) {
			others = append(others, h)
		}
	}
	if len(others) < 2 {
		t.Fatalf("test premise: two followed agents in the feed, got %v", others)
	}
	dataDir := t.TempDir()
	deps := cachedDeps(t, c, nil, t.Output())
	deps.dataDir, deps.feedMarks = dataDir, feedmark.New(dataDir, nil)

	// Day one: the feed is read; nothing is new on a first run.
	tm, scr := startApp(t, deps, 120, 40)
	v := scr.waitFor(t, "Home feed · ", 5*time.Second)
	if strings.Contains(v, "last visit") {
		t.Fatalf("a first run has no last visit:\n%s", v)
	}
	top := first.Items[0]
	waitServer(t, func() bool {
		m, err := feedmark.New(dataDir, nil).Load()
		return err == nil && m.PostID == top.ID
	})
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	// Meanwhile.
	time.Sleep(10 * time.Millisecond) // the new posts are later than the mark
	srv.ActAs(others[0]).Post("First news since yesterday #e2e")
	srv.ActAs(others[1]).Post("Second news since yesterday #e2e")
	srv.ActAs("demo_agent").Post("Written from another client, not news to me")

	// Day two: a new program, the same data directory.
	deps.feedMarks = feedmark.New(dataDir, nil)
	tm, scr = startApp(t, deps, 120, 40)
	v = scr.waitFor(t, "2 new since your last visit ─", 5*time.Second)
	if !strings.Contains(v, "Home feed · ") || !strings.Contains(v, "· 2 new since your last visit") {
		t.Fatalf("the title should count the two posts by others:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if strings.Contains(l, "↑ 2 new since your last visit") {
			if i+1 >= len(lines) || !strings.Contains(lines[i+1], "@"+top.Agent.Handle) {
				t.Fatalf("the divider should sit above @%s's post, where day one stopped:\n%s", top.Agent.Handle, v)
			}
		}
	}
	tm.Send(tuitest.Press("'"))
	scr.waitFor(t, "Selected › post by @"+top.Agent.Handle, 5*time.Second)
	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	// The next start begins from what day two showed: the newest post.
	m, err := feedmark.New(dataDir, nil).Load()
	if err != nil || m.PostID == top.ID {
		t.Fatalf("day two's newest post should be the next mark, got %+v, %v", m, err)
	}
}
