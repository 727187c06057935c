package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/internal/tuitest"
	"imagine/keymap"
	"imagine/theme"
	"imagine/views"
)

// loudPane is a fake pane with something to say about its badge.
type loudPane struct {
	fakePane
	jumped int
}

func (p *loudPane) NotifyText() string    { return "DM from @atlas_ai: hi\x1b]52;c;QUFB\x07; there" }
func (p *loudPane) JumpToUnread() tea.Cmd { p.jumped++; return nil }

func newAttentionModel(t *testing.T, notify NotifyOptions) (*Model, *fakePane, *loudPane) {
	t.Helper()
	feed := &fakePane{title: "Feed"}
	dms := &loudPane{fakePane: fakePane{title: "Messages"}}
	clock := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	m := New(Options{
		Context: t.Context(),
		Panes:   map[PaneID]Pane{FeedPane: feed, MessagesPane: dms},
		Styles:  theme.New(true, true),
		Keys:    keymap.Default(),
		Handle:  "demo_agent",
		Notify:  notify,
		Now:     func() time.Time { clock = clock.Add(11 * time.Second); return clock },
	})
	m.Update(teaSize(80, 24))
	// First successful polls: what was waiting at start is not news.
	for _, id := range []PaneID{FeedPane, MessagesPane} {
		m.poll[id].inFlight, m.poll[id].fetchGen = true, 1
		m.Update(fetchedMsg{pane: id, gen: 1, msg: fakeResult{}})
	}
	return m, feed, dms
}

// arrive simulates a poll of the messages pane that raised its badge.
func arrive(m *Model, dms *loudPane, badge int) tea.Cmd {
	dms.badge = badge
	m.poll[MessagesPane].inFlight = true
	m.poll[MessagesPane].fetchGen++
	_, cmd := m.Update(fetchedMsg{pane: MessagesPane, gen: m.poll[MessagesPane].fetchGen, msg: fakeResult{}})
	return cmd
}

func TestNewMessageElsewhereNotifiesTheTerminal(t *testing.T) {
	m, _, dms := newAttentionModel(t, NotifyOptions{Method: NotifyOSC9})
	before := m.notify.last
	arrive(m, dms, 1)
	if m.notify.last == before {
		t.Fatal("a DM arriving while the Feed is open did not notify")
	}
	if got := m.render(); !strings.Contains(got, "1") {
		t.Fatal("no badge")
	}
}

func TestNoNotificationForThePaneOnScreenOrWhenMuted(t *testing.T) {
	m, _, dms := newAttentionModel(t, NotifyOptions{Method: NotifyOSC9, Muted: map[string]bool{"messages": true}})
	arrive(m, dms, 1)
	if !m.notify.last.IsZero() {
		t.Fatal("a muted source notified")
	}
	m, _, dms = newAttentionModel(t, NotifyOptions{Method: NotifyOSC9})
	m.Update(tuitest.Press("3"))
	arrive(m, dms, 1)
	if !m.notify.last.IsZero() {
		t.Fatal("notified about the pane the operator is looking at")
	}
	m.Update(teaBlur())
	arrive(m, dms, 2)
	if m.notify.last.IsZero() {
		t.Fatal("with the terminal unfocused even the open pane should notify")
	}
	m, _, dms = newAttentionModel(t, NotifyOptions{Method: NotifyOSC9, DoNotDisturb: true})
	arrive(m, dms, 1)
	if !m.notify.last.IsZero() {
		t.Fatal("do-not-disturb notified")
	}
}

func TestStartupBadgesDoNotNotify(t *testing.T) {
	feed := &fakePane{title: "Feed"}
	dms := &loudPane{fakePane: fakePane{title: "Messages", badge: 8}}
	m := New(Options{Context: t.Context(), Panes: map[PaneID]Pane{FeedPane: feed, MessagesPane: dms},
		Styles: theme.New(true, true), Keys: keymap.Default(), Notify: NotifyOptions{Method: NotifyBell}})
	m.poll[MessagesPane].inFlight, m.poll[MessagesPane].fetchGen = true, 1
	m.Update(fetchedMsg{pane: MessagesPane, gen: 1, msg: fakeResult{}})
	if !m.notify.last.IsZero() {
		t.Fatal("the unread count found at start notified as if new")
	}
}

func TestNotificationSequences(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	hostile := "DM from @x: hi\x1b]52;c;QUFB\x07; \u202eok"
	for _, tc := range []struct {
		method NotifyMethod
		tmux   bool
		prefix string
	}{
		{NotifyOSC9, false, "\x1b]9;"},
		{NotifyOSC777, false, "\x1b]777;notify;imagine;"},
		{NotifyOSC99, false, "\x1b]99;i=imagine;"},
		{NotifyBell, false, "\a"},
		{NotifyOSC9, true, "\x1bPtmux;\x1b\x1b]9;"},
	} {
		n := notifier{opts: NotifyOptions{Method: tc.method, Tmux: tc.tmux}}
		seq := n.sequence(at, "messages", hostile)
		if !strings.HasPrefix(seq, tc.prefix) {
			t.Errorf("%s tmux=%v: %q", tc.method, tc.tmux, seq)
		}
		payload := strings.TrimPrefix(seq, tc.prefix)
		payload = strings.TrimSuffix(strings.TrimSuffix(payload, "\a"), "\x1b\\")
		payload = strings.TrimSuffix(payload, "\a")
		if strings.ContainsAny(payload, "\x1b\a;\u202e") {
			t.Errorf("%s: payload not neutralised: %q", tc.method, payload)
		}
		if again := n.sequence(at.Add(time.Second), "messages", "x"); again != "" {
			t.Errorf("%s: a second notification within 10 s was sent", tc.method)
		}
	}
	if (&notifier{opts: NotifyOptions{Method: NotifyOff}}).sequence(at, "x", "y") != "" {
		t.Error("off sent something")
	}
}

func TestAttentionKeyJumpsToTheNextUnreadPane(t *testing.T) {
	m, _, dms := newAttentionModel(t, NotifyOptions{})
	m.Update(tuitest.Press("u"))
	if m.Focused() != FeedPane || !strings.Contains(m.status.text, "nothing unread") {
		t.Fatalf("with nothing unread: focus %v status %q", m.Focused(), m.status.text)
	}
	dms.badge = 2
	m.Update(tuitest.Press("u"))
	if m.Focused() != MessagesPane || dms.jumped != 1 {
		t.Fatalf("focus %v, jumped %d", m.Focused(), dms.jumped)
	}
}

func TestOpenRequestsGoToTheirPane(t *testing.T) {
	m, feed, dms := newAttentionModel(t, NotifyOptions{})
	m.Update(tuitest.Press("3"))
	m.Update(views.OpenPostMsg{PostID: "p1"})
	if m.Focused() != FeedPane {
		t.Fatalf("open post should focus the feed, focus %v", m.Focused())
	}
	if got := feed.msgs[len(feed.msgs)-1]; got != (views.OpenPostMsg{PostID: "p1"}) {
		t.Fatalf("feed got %#v", got)
	}
	m.Update(views.OpenConversationMsg{Handle: "atlas_ai"})
	if m.Focused() != MessagesPane || dms.msgs[len(dms.msgs)-1] != (views.OpenConversationMsg{Handle: "atlas_ai"}) {
		t.Fatal("open conversation should reach the messages pane")
	}
}

func TestOpenOrderGoesToTheMarket(t *testing.T) {
	feed, notes, market := &fakePane{title: "Feed"}, &fakePane{title: "Notifications"}, &fakePane{title: "Market"}
	m := withPanes(t, map[PaneID]Pane{FeedPane: feed, NotificationsPane: notes, MarketPane: market})
	m.Update(tuitest.Press("2"))
	m.Update(views.OpenOrderMsg{OrderID: "ord_1"})
	if m.Focused() != MarketPane || len(market.msgs) == 0 || market.msgs[len(market.msgs)-1] != (views.OpenOrderMsg{OrderID: "ord_1"}) {
		t.Fatalf("focus %v, market got %v", m.Focused(), market.msgs)
	}
	for _, msg := range notes.msgs {
		if _, ok := msg.(views.OpenOrderMsg); ok {
			t.Errorf("the notifications pane got the order to open")
		}
	}
}

// withPanes is a root over panes, 80x24.
func withPanes(t *testing.T, panes map[PaneID]Pane) *Model {
	t.Helper()
	m := New(Options{Context: t.Context(), Panes: panes, Styles: theme.New(true, true), Keys: keymap.Default()})
	m.Update(teaSize(80, 24))
	return m
}

// steppingPane is a loud pane whose list holds unread items below its
// cursor: below of them.
type steppingPane struct {
	loudPane
	below, stepped int
}

func (p *steppingPane) NextUnread() (tea.Cmd, bool) {
	if p.below == 0 {
		return nil, false
	}
	p.below--
	p.stepped++
	return nil, true
}

func TestAttentionKeyWalksThroughThisPaneBeforeTheNext(t *testing.T) {
	feed := &fakePane{title: "Feed"}
	msgs := &steppingPane{loudPane: loudPane{fakePane: fakePane{title: "Messages", badge: 3}}, below: 1}
	market := &loudPane{fakePane: fakePane{title: "Market", badge: 1}}
	m := withPanes(t, map[PaneID]Pane{FeedPane: feed, MessagesPane: msgs, MarketPane: market})
	m.Update(tuitest.Press("3"))
	m.Update(tuitest.Press("u"))
	if m.Focused() != MessagesPane || msgs.stepped != 1 || market.jumped != 0 {
		t.Fatalf("u with an unread conversation below the cursor: focus %v, stepped %d, market jumped %d", m.Focused(), msgs.stepped, market.jumped)
	}
	m.Update(tuitest.Press("u"))
	if m.Focused() != MarketPane || market.jumped != 1 {
		t.Fatalf("u with none below: focus %v, market jumped %d", m.Focused(), market.jumped)
	}
	m.Update(tuitest.Press("u"))
	if m.Focused() != MessagesPane || msgs.jumped != 1 {
		t.Fatalf("u from the last pane with news: focus %v, messages jumped to the newest %d times", m.Focused(), msgs.jumped)
	}
}

// alertingPane is a pane whose badge counts running jobs while its alerts
// count the jobs that finished.
type alertingPane struct {
	loudPane
	alerts int
}

func (p *alertingPane) Alerts() int        { return p.alerts }
func (p *alertingPane) NotifyText() string { return "Image job completed: a lighthouse in fog" }

// TestAJobFinishingElsewhereIsSaidOnTheStatusLine: the Jobs badge counts
// running jobs, so a job finishing may not move it; the news is said on
// the status line to an operator looking at another pane, and not to one
// looking at the jobs.
func TestAJobFinishingElsewhereIsSaidOnTheStatusLine(t *testing.T) {
	feed := &fakePane{title: "Feed"}
	jobs := &alertingPane{loudPane: loudPane{fakePane: fakePane{title: "Jobs", badge: 1}}}
	m := withPanes(t, map[PaneID]Pane{FeedPane: feed, JobsPane: jobs})
	finish := func() {
		jobs.alerts++
		m.poll[JobsPane].inFlight = true
		m.poll[JobsPane].fetchGen++
		m.Update(fetchedMsg{pane: JobsPane, gen: m.poll[JobsPane].fetchGen, msg: fakeResult{}})
	}
	finish() // the first count after start is what was waiting
	m.status.text = ""
	finish()
	if want := "Image job completed: a lighthouse in fog · 5 shows it"; m.status.text != want {
		t.Fatalf("status %q, want %q", m.status.text, want)
	}
	m.status.text = ""
	m.Update(tuitest.Press("5"))
	finish()
	if m.status.text != "" {
		t.Errorf("said on the status line to the operator looking at the jobs: %q", m.status.text)
	}
}
