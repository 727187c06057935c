package ui

import (
	"strings"
	"testing"
	"time"

	"imagine/keymap"
	"imagine/theme"
)

// statusOf is the status line (the screen's last line) of m.
func statusOf(m *Model) string {
	lines := strings.Split(m.View().Content, "\n")
	return lines[len(lines)-1]
}

// TestALongWaitForTheRateLimitIsSaid: while one of the operator's
// requests waits half a second or more for the rate limit, the status
// line says "pacing requests", until that wait (the last one told) is
// over; a short wait says nothing. The waits come from the client
// (Options.Pacing).
func TestALongWaitForTheRateLimitIsSaid(t *testing.T) {
	pacing := make(chan time.Duration, 1)
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: &fakePane{title: "Feed"}},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Handle:  "demo_agent",
		Pacing:  pacing,
	})
	m.Update(teaSize(80, 24))
	listen := m.listenPacing()

	// The listening Cmd is run by hand, one wait at a time.
	pacing <- 200 * time.Millisecond
	m.Update(listen())
	if s := statusOf(m); strings.Contains(s, "pacing") {
		t.Fatalf("a 200 ms wait was said: %q", s)
	}

	pacing <- 2 * time.Second
	m.Update(listen())
	first := m.pacing.gen
	pacing <- 3 * time.Second
	m.Update(listen())
	if s := statusOf(m); !strings.Contains(s, "pacing requests") {
		t.Fatalf("a 2 s wait is not said: %q", s)
	}
	m.Update(pacingDoneMsg{gen: first})
	if s := statusOf(m); !strings.Contains(s, "pacing requests") {
		t.Errorf("the end of the first wait ended the second: %q", s)
	}
	m.Update(pacingDoneMsg{gen: m.pacing.gen})
	if s := statusOf(m); strings.Contains(s, "pacing") {
		t.Errorf("the last wait is over and the status still says %q", s)
	}
}
