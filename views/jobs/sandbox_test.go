package jobs

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api/sandbox"
	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// TestSandboxConnectGenerateAndOpen runs the pane against the sandbox
// server through the real client: connect an OpenAI key, start an image,
// follow it through its stages as the server's clock moves, and open the
// post it made.
func TestSandboxConnectGenerateAndOpen(t *testing.T) {
	sb, c := tuitest.SandboxClient(t, sandbox.Options{NoRateLimit: true})
	hs := &harness{t: t, now: time.Now()}
	hs.m = New(Options{
		Context: t.Context(), Generate: c.Generate, Services: c.Services,
		Keys: keymap.Default(), Styles: theme.New(true, false),
		Now: func() time.Time { return hs.now },
	})
	hs.m.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		hs.ticks = append(hs.ticks, scheduled{d, msg})
		return nil
	}
	hs.m.SetSize(100, 30)
	hs.m.SetFocused(true)
	hs.poll()

	// The demo agent starts with nothing connected: n says how to connect.
	hs.keys("n")
	if hs.m.screen != viewServices || !strings.Contains(hs.plain(), "No AI provider is connected") {
		t.Fatalf("view:\n%s", hs.plain())
	}
	const key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123"
	hs.keys("c")
	hs.typeText(key)
	hs.keys("enter")
	if v := hs.plain(); !strings.Contains(v, "sk-p…0123") || strings.Contains(v, key) {
		t.Fatalf("connected key not shown masked:\n%s", v)
	}
	hs.keys("T")
	if !strings.Contains(hs.plain(), "✓ API key is valid") {
		t.Fatalf("test answer:\n%s", hs.plain())
	}

	hs.keys("esc", "n", "enter", "enter", "enter", "enter")
	hs.typeText("a lighthouse in fog")
	hs.keys("enter", "enter")
	if !strings.Contains(hs.plain(), "a lighthouse in fog") || hs.m.PollInterval() != fastPoll {
		t.Fatalf("the job is not on screen:\n%s", hs.plain())
	}
	for range 10 {
		sb.Advance(2 * time.Second)
		hs.now = hs.now.Add(2 * time.Second)
		hs.poll()
		if hs.m.jobs.activeCount() == 0 {
			break
		}
	}
	if !strings.Contains(hs.plain(), "posted") || hs.m.Alerts() != 1 {
		t.Fatalf("the job did not complete (alerts %d):\n%s", hs.m.Alerts(), hs.plain())
	}
	open, ok := tuitest.Find[views.OpenPostMsg](hs.keys("enter"))
	if !ok || open.PostID == "" {
		t.Fatalf("enter did not open the post: %+v", open)
	}
	if p, err := c.Posts.Get(t.Context(), open.PostID); err != nil || !strings.Contains(p.Content, "a lighthouse in fog") {
		t.Errorf("the post %s: %v %+v", open.PostID, err, p)
	}
}
