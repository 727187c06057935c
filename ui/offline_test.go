package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"imagine/api"
)

// fail gives pane id a fetch that ended with err.
func fail(m *Model, id PaneID, err error) {
	st := &m.poll[id]
	st.inFlight = true
	st.fetchGen++
	m.Update(fetchedMsg{pane: id, gen: st.fetchGen, msg: fakeResult{err: err}})
}

// tickOf delivers pane id's armed tick.
func tickOf(m *Model, id PaneID) {
	m.Update(pollTickMsg{pane: id, gen: m.poll[id].tickGen})
}

// TestOfflineOnePaneProbesTheOthersWait (security.md §5.5): once the
// server cannot be reached, one pane's poll probes it, backing off up to a
// minute, and no other pane sends anything; the first answer says "back
// online" and wakes the others within a few seconds.
func TestOfflineOnePaneProbesTheOthersWait(t *testing.T) {
	m, feed, notes := newTestModel(t)
	settledPoll(m, FeedPane)
	settledPoll(m, NotificationsPane)
	feed.refreshes, notes.refreshes = 0, 0

	offline := fmt.Errorf("%w: dial tcp: connection refused", api.ErrOffline)
	fail(m, FeedPane, offline)
	if m.online || m.probe != FeedPane {
		t.Fatalf("online=%v probe=%v after the feed found the server gone", m.online, m.probe)
	}
	for i := range 8 {
		tickOf(m, NotificationsPane)
		if notes.refreshes != 0 {
			t.Fatalf("a parked pane fetched while offline (tick %d)", i)
		}
		if d := m.poll[FeedPane].next; d <= 0 || d > time.Minute+time.Second {
			t.Fatalf("the probe's next try is %v away (want up to a minute)", d)
		}
		fail(m, FeedPane, offline)
	}
	if s := ansi.Strip(m.render()); !strings.Contains(s, "offline") {
		t.Fatalf("the status line does not say offline:\n%s", s)
	}

	settledPoll(m, FeedPane) // the probe gets an answer
	if !m.online || m.poll[NotificationsPane].parked {
		t.Fatal("an answer did not bring the client back online and wake the others")
	}
	if d := m.poll[NotificationsPane].next; d <= 0 || d > 5*time.Second {
		t.Errorf("a woken pane polls in %v (want within 5 s)", d)
	}
	if s := ansi.Strip(m.render()); !strings.Contains(s, "back online") {
		t.Errorf("coming back is not said:\n%s", s)
	}
}
