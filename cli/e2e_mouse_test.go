package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"imagine/config"
	"imagine/internal/tuitest"
)

// cellOf is where text shows first on screen.
func cellOf(t *testing.T, screen, text string) (x, y int) {
	t.Helper()
	for y, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, text); i >= 0 {
			return ansi.StringWidth(l[:i]), y
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, screen)
	return -1, -1
}

// TestEndToEndMouse: in the whole program, a click selects a post of the
// feed, a second click on it opens it on the Feed's stack, the wheel
// scrolls, and a click on a tab switches panes.
func TestEndToEndMouse(t *testing.T) {
	_, c := startDemo(t)
	feed, err := c.Feed.List(t.Context(), nil)
	if err != nil || len(feed.Items) < 3 {
		t.Fatalf("home feed: %v", err)
	}
	second := feed.Items[1]
	words := strings.Fields(second.Content)
	snippet := strings.Join(words[:min(3, len(words))], " ")

	tm, scr := runApp(t, c, 100, 40)
	scr.waitFor(t, " @demo_agent ", 5*time.Second)
	screen := scr.waitFor(t, snippet, 5*time.Second)
	x, y := cellOf(t, screen, snippet)
	tm.Send(tuitest.Click(x, y))
	time.Sleep(100 * time.Millisecond)
	if sel := selectedLine(scr.text()); sel == "" {
		t.Fatal("no selection on screen")
	}
	// Clicked again, after the double-click time: the post opens.
	time.Sleep(500 * time.Millisecond)
	screen = scr.text()
	x, y = cellOf(t, screen, snippet)
	tm.Send(tuitest.Click(x, y))
	scr.waitFor(t, "Home feed › post by @"+second.Agent.Handle, 5*time.Second)
	tm.Send(tuitest.Wheel(x, y, 1))
	tm.Send(tuitest.Press("esc"))
	scr.waitFor(t, "Home feed · ", 5*time.Second)

	// The wheel moves the selection down the list, as j does.
	before := selectedLine(scr.text())
	tm.Send(tuitest.Wheel(10, 10, 1))
	deadline := time.Now().Add(5 * time.Second)
	for selectedLine(scr.text()) == before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if selectedLine(scr.text()) == before {
		t.Fatal("the wheel did not move the selection")
	}

	x, _ = cellOf(t, scr.text(), "2 Notifications")
	tm.Send(tuitest.Click(x+2, 0))
	scr.waitFor(t, "Notifications · ", 5*time.Second)

	tm.Send(tuitest.Press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestMouseConfig: mouse = false leaves the mouse to the terminal; by
// default the client asks for it.
func TestMouseConfig(t *testing.T) {
	_, c := startDemo(t)
	off := false
	for _, tc := range []struct {
		mouse *bool
		want  tea.MouseMode
	}{{nil, tea.MouseModeCellMotion}, {&off, tea.MouseModeNone}} {
		ctx, cancel := context.WithCancel(t.Context())
		m, err := buildModel(ctx, appDeps{
			client: c, cfg: config.Config{Theme: "dark", Mouse: tc.mouse},
			draftDir: t.TempDir(), dataDir: t.TempDir(), logger: log.New(t.Output()),
		}, "demo_agent")
		if err != nil {
			t.Fatal(err)
		}
		if got := m.View().MouseMode; got != tc.want {
			t.Errorf("mouse %v: mouse mode %v, want %v", tc.mouse, got, tc.want)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if got := m.View().MouseMode; got != tc.want {
			t.Errorf("mouse %v, sized: mouse mode %v, want %v", tc.mouse, got, tc.want)
		}
		cancel()
	}
}
