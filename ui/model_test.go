package ui

import (
	"context"
	"errors"
	"imagine/internal/tuitest"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

func newTestModel(t *testing.T) (*Model, *fakePane, *fakePane) {
	t.Helper()
	feed := &fakePane{title: "Feed"}
	notes := &fakePane{title: "Notifications", badge: 3}
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed, NotificationsPane: notes},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Handle:  "demo_agent",
		Now:     func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
	})
	m.Update(teaSize(80, 24))
	return m, feed, notes
}

func TestKeysReachOnlyTheFocusedPane(t *testing.T) {
	m, feed, notes := newTestModel(t)
	m.Update(tuitest.Press("j"))
	if len(feed.keys) != 1 || len(notes.keys) != 0 {
		t.Fatalf("feed got %v, notifications got %v; want only feed", feed.keys, notes.keys)
	}
}

func TestGlobalKeysSwitchPanes(t *testing.T) {
	m, feed, notes := newTestModel(t)
	m.Update(tuitest.Press("2"))
	if m.Focused() != NotificationsPane || !notes.focused || feed.focused {
		t.Fatalf("after 2: focus %v", m.Focused())
	}
	m.Update(tuitest.Press("tab"))
	if m.Focused() != FeedPane {
		t.Fatalf("tab from the last pane should wrap to feed, got %v", m.Focused())
	}
	m.Update(tuitest.Press("shift+tab"))
	if m.Focused() != NotificationsPane {
		t.Fatalf("shift+tab should go back, got %v", m.Focused())
	}
	if len(feed.keys)+len(notes.keys) != 0 {
		t.Fatalf("global keys leaked to panes: %v %v", feed.keys, notes.keys)
	}
}

func TestMissingPaneSaysSoInsteadOfSwitching(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.Update(tuitest.Press("5"))
	if m.Focused() != FeedPane {
		t.Fatalf("focus moved to a pane that does not exist")
	}
	if !strings.Contains(m.status.text, "jobs") {
		t.Fatalf("status %q should name the missing pane", m.status.text)
	}
}

func TestCapturedInputBypassesGlobals(t *testing.T) {
	m, feed, _ := newTestModel(t)
	feed.capturing = true
	_, cmd := m.Update(tuitest.Press("q"))
	if isQuit(cmd) {
		t.Fatal("q quit while a text field had focus")
	}
	m.Update(tuitest.Press("2"))
	if m.Focused() != FeedPane || len(feed.keys) != 2 {
		t.Fatalf("typed keys should reach the composer: focus %v keys %v", m.Focused(), feed.keys)
	}
	_, cmd = m.Update(tuitest.Press("ctrl+c"))
	if !isQuit(cmd) {
		t.Fatal("ctrl+c must always quit")
	}
}

func TestQuitWhenNoFieldHasFocus(t *testing.T) {
	m, _, _ := newTestModel(t)
	_, cmd := m.Update(tuitest.Press("q"))
	if !isQuit(cmd) {
		t.Fatal("q should quit")
	}
}

func TestDialogTakesKeysFirst(t *testing.T) {
	m, feed, _ := newTestModel(t)
	ran := false
	m.Update(views.ConfirmMsg{Title: "Delete post?", Yes: func() tea.Msg { ran = true; return nil }})
	_, cmd := m.Update(tuitest.Press("q"))
	if isQuit(cmd) || len(feed.keys) != 0 {
		t.Fatal("keys went past an open dialog")
	}
	if !strings.Contains(ansi.Strip(m.render()), "Delete post?") {
		t.Fatal("dialog not drawn")
	}
	m.Update(tuitest.Press("n"))
	if m.dialog != nil || ran {
		t.Fatal("n should cancel without running the action")
	}
	m.Update(views.ConfirmMsg{Title: "Delete post?", Yes: func() tea.Msg { ran = true; return nil }})
	_, cmd = m.Update(tuitest.Press("y"))
	if cmd != nil {
		cmd()
	}
	if !ran || m.dialog != nil {
		t.Fatal("y should run the action and close the dialog")
	}
}

func TestPollingOneInFlightAndStaleTicksDropped(t *testing.T) {
	m, feed, _ := newTestModel(t)
	cmd := m.fetch(FeedPane)
	if cmd == nil || feed.refreshes != 1 {
		t.Fatal("first fetch should start")
	}
	if m.fetch(FeedPane) != nil || feed.refreshes != 1 {
		t.Fatal("a second fetch started while one was in flight")
	}
	tickGen := m.poll[FeedPane].tickGen
	if c := m.handleTick(pollTickMsg{pane: FeedPane, gen: tickGen}); c != nil {
		t.Fatal("a tick while in flight should be skipped")
	}
	msg := cmd().(fetchedMsg)
	m.Update(msg)
	if m.poll[FeedPane].inFlight {
		t.Fatal("result did not clear in-flight")
	}
	if got := feed.msgs[len(feed.msgs)-1]; got != (fakeResult{}) {
		t.Fatalf("pane did not get its result: %#v", got)
	}
	if d := m.poll[FeedPane].next; d < 27*time.Second || d > 33*time.Second {
		t.Fatalf("next tick in %v, want the pane's 30 s ±10 %%", d)
	}
	stale := pollTickMsg{pane: FeedPane, gen: m.poll[FeedPane].tickGen - 1}
	if m.handleTick(stale) != nil || feed.refreshes != 1 {
		t.Fatal("a stale tick started a fetch")
	}
	old := fetchedMsg{pane: FeedPane, gen: msg.gen - 1, msg: fakeResult{}}
	before := len(feed.msgs)
	m.Update(old)
	if len(feed.msgs) != before {
		t.Fatal("a stale result reached the pane")
	}
}

func TestRateLimitWaitsWhatTheServerAsked(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.poll[FeedPane].inFlight = true
	m.poll[FeedPane].fetchGen = 1
	m.Update(fetchedMsg{pane: FeedPane, gen: 1, msg: fakeResult{err: &api.RateLimitError{Wait: 7 * time.Second}}})
	if d := m.poll[FeedPane].next; d != 7*time.Second {
		t.Fatalf("next poll in %v, want 7s", d)
	}
	if !strings.Contains(m.status.text, "rate limited") {
		t.Fatalf("status %q should say rate limited", m.status.text)
	}
}

func TestErrorsBackOffAndOfflineShows(t *testing.T) {
	m, _, _ := newTestModel(t)
	if s := ansi.Strip(m.render()); !strings.Contains(s, "connecting") || strings.Contains(s, "live") {
		t.Fatal("the status line says live before anything answered")
	}
	var last time.Duration
	for i := 1; i <= 6; i++ {
		m.poll[FeedPane].inFlight = true
		m.poll[FeedPane].fetchGen = i
		m.Update(fetchedMsg{pane: FeedPane, gen: i, msg: fakeResult{err: api.ErrOffline}})
		last = m.poll[FeedPane].next
	}
	// Offline, the Feed is the probe: full jitter from half the probe's
	// base up (the test once asked for a second, and failed a run in 60).
	if last < probeBase/2 || last > backoffCap+backoffBase {
		t.Fatalf("backoff after 6 failures = %v, out of range", last)
	}
	if m.online {
		t.Fatal("offline error did not mark the client offline")
	}
	if !strings.Contains(ansi.Strip(m.render()), "offline") {
		t.Fatal("status line does not say offline")
	}
	m.poll[FeedPane].inFlight = true
	m.poll[FeedPane].fetchGen = 7
	m.Update(fetchedMsg{pane: FeedPane, gen: 7, msg: fakeResult{}})
	if !m.online || m.poll[FeedPane].failures != 0 {
		t.Fatal("a success did not bring the client back online")
	}
	if s := ansi.Strip(m.render()); !strings.Contains(s, "back online") || !strings.Contains(s, "● live") {
		t.Fatalf("coming back is not said:\n%s", s)
	}
}

func TestUnauthorizedShowsFatalScreen(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.poll[FeedPane].inFlight = true
	m.poll[FeedPane].fetchGen = 1
	err := &api.Error{StatusCode: 401, Code: "invalid_client", Message: "bad secret"}
	if !errors.Is(err, api.ErrUnauthorized) {
		t.Fatal("test premise: api.Error 401 should match ErrUnauthorized")
	}
	m.Update(fetchedMsg{pane: FeedPane, gen: 1, msg: fakeResult{err: err}})
	if !strings.Contains(ansi.Strip(m.render()), "rejected the credentials") {
		t.Fatal("no fatal screen after 401")
	}
	_, cmd := m.Update(tuitest.Press("q"))
	if !isQuit(cmd) {
		t.Fatal("q should quit from the fatal screen")
	}
}

func TestTerminalBlurStretchesPolling(t *testing.T) {
	m, _, _ := newTestModel(t)
	focused := m.interval(FeedPane)
	m.Update(teaBlur())
	if got := m.interval(FeedPane); got < focused*3/2 {
		t.Fatalf("blurred interval %v not stretched from %v", got, focused)
	}
}

func TestLayoutKeepsStatusOnScreen(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}, {20, 5}, {1, 1}} {
		l := layout(sz[0], sz[1])
		if l.status.y != sz[1]-1 && sz[1] > 1 {
			t.Errorf("%v: status at row %d", sz, l.status.y)
		}
		if l.body.h < 1 {
			t.Errorf("%v: body height %d", sz, l.body.h)
		}
	}
}

func TestViewFitsEveryLineAndPadsBody(t *testing.T) {
	m, feed, _ := newTestModel(t)
	feed.body = strings.Repeat("x", 300) + "\n" + strings.Repeat("line\n", 100)
	out := m.render()
	ls := lines(out)
	if len(ls) != 24 {
		t.Fatalf("frame has %d lines, want 24", len(ls))
	}
	for i, l := range ls {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line %d is %d wide", i, w)
		}
	}
}

func TestGoldenFrames(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(sizeName(sz), func(t *testing.T) {
			m, _, _ := newTestModel(t)
			m.Update(teaSize(sz[0], sz[1]))
			golden.RequireEqual(t, []byte(ansi.Strip(m.render())))
		})
	}
}

// mePane is a fake pane that wants to know who is signed in.
type mePane struct {
	fakePane
	me string
}

func (p *mePane) SetMe(h string) { p.me = h }

func TestSignInArrivesAfterTheFirstFrame(t *testing.T) {
	p := &mePane{fakePane: fakePane{title: "Feed"}}
	calls := 0
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: p},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		SignIn: func(context.Context) (string, error) {
			calls++
			return "demo_agent", nil
		},
	})
	m.Update(teaSize(80, 24))
	if !strings.Contains(ansi.Strip(m.render()), "signing in") {
		t.Fatal("the first frame should say it is signing in")
	}
	msg := m.signIn()()
	m.Update(msg)
	if m.handle != "demo_agent" || p.me != "demo_agent" || calls != 1 {
		t.Fatalf("handle %q, pane told %q, calls %d", m.handle, p.me, calls)
	}
	if !strings.Contains(ansi.Strip(m.render()), "@demo_agent") {
		t.Fatal("status line does not show the handle")
	}
}

func TestSignInFailures(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.handle = ""
	m.Update(signedInMsg{err: api.ErrOffline})
	if m.fatal != nil || !strings.Contains(m.status.text, "retrying") {
		t.Fatalf("a network failure should retry: fatal=%v status=%q", m.fatal, m.status.text)
	}
	m.Update(signedInMsg{err: &api.Error{StatusCode: 401, Message: "invalid client"}})
	if m.fatal == nil {
		t.Fatal("rejected credentials should show the fatal screen")
	}
	// A tick armed before the refusal fetches nothing after it.
	gen := m.poll[FeedPane].tickGen
	if cmd := m.handleTick(pollTickMsg{pane: FeedPane, gen: gen}); cmd != nil || m.poll[FeedPane].inFlight {
		t.Fatal("a poll ran after the credentials were refused")
	}
	if m.Fatal() == nil {
		t.Fatal("Fatal must report the refusal for the exit code")
	}
}

func TestLocalBudgetPauseIsQuiet(t *testing.T) {
	m, _, _ := newTestModel(t)
	m.poll[FeedPane].inFlight = true
	m.poll[FeedPane].fetchGen = 1
	m.Update(fetchedMsg{pane: FeedPane, gen: 1, msg: fakeResult{err: &api.RateLimitError{Wait: 3 * time.Second, Local: true}}})
	if m.poll[FeedPane].next != 3*time.Second {
		t.Fatalf("next poll in %v, want 3s", m.poll[FeedPane].next)
	}
	if m.status.text != "" || strings.Contains(ansi.Strip(m.render()), "retrying") {
		t.Fatalf("the client's own pacing alarmed the operator: %q", m.status.text)
	}
}
