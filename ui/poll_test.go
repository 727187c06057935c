package ui

import (
	"testing"
	"time"

	"imagine/internal/tuitest"
)

// laggingPane is a fake pane that can say its list is behind, as a hidden
// pane whose count moved does.
type laggingPane struct {
	fakePane
	behind bool
}

func (p *laggingPane) Outdated() bool { return p.behind }

// settledPoll gives pane id a successful fetch now, so its data is fresh.
func settledPoll(m *Model, id PaneID) {
	m.poll[id].inFlight = true
	m.poll[id].fetchGen++
	m.Update(fetchedMsg{pane: id, gen: m.poll[id].fetchGen, msg: fakeResult{}})
}

func newLaggingModel(t *testing.T) (*Model, *laggingPane) {
	t.Helper()
	m, _, _ := newTestModel(t)
	notes := &laggingPane{fakePane: fakePane{title: "Notifications"}}
	m.panes[NotificationsPane] = notes
	settledPoll(m, NotificationsPane)
	notes.refreshes = 0
	return m, notes
}

func TestOutdatedPaneIsFetchedWhenItComesIntoView(t *testing.T) {
	m, notes := newLaggingModel(t)
	// Its count was polled a moment ago and did not move: nothing to fetch.
	m.Update(tuitest.Press("2"))
	if notes.refreshes != 0 {
		t.Fatalf("a pane polled a moment ago and up to date was fetched again (%d)", notes.refreshes)
	}
	m.Update(tuitest.Press("1"))
	// Its count moved while hidden: coming into view fetches it at once,
	// however recent the count is.
	notes.behind = true
	m.Update(tuitest.Press("2"))
	if notes.refreshes != 1 || !m.poll[NotificationsPane].inFlight {
		t.Fatalf("an outdated pane coming into view was not fetched (%d)", notes.refreshes)
	}
}

func TestPaneComingIntoViewDuringAHiddenFetchIsFetchedAgain(t *testing.T) {
	for _, behind := range []bool{false, true} {
		m, notes := newLaggingModel(t)
		cmd := m.fetch(NotificationsPane) // a hidden-mode poll leaves
		m.Update(tuitest.Press("2"))
		notes.behind = behind
		m.Update(cmd())
		want := 1
		if behind {
			want = 2
		}
		if notes.refreshes != want {
			t.Errorf("behind=%v: %d fetches, want %d", behind, notes.refreshes, want)
		}
		if behind != m.poll[NotificationsPane].inFlight {
			t.Errorf("behind=%v: in flight = %v", behind, m.poll[NotificationsPane].inFlight)
		}
	}
}

// shorteningPane wishes a shorter cadence once a key opened something.
type shorteningPane struct{ fakePane }

func (p *shorteningPane) PollInterval() time.Duration {
	if len(p.keys) > 0 {
		return 5 * time.Second
	}
	return 12 * time.Second
}

func TestAShorterCadenceIsArmedAtOnce(t *testing.T) {
	m, _, _ := newTestModel(t)
	p := &shorteningPane{fakePane: fakePane{title: "Feed"}}
	m.panes[FeedPane] = p
	settledPoll(m, FeedPane) // armed for ~12 s
	if next := m.poll[FeedPane].next; next < 10*time.Second {
		t.Fatalf("armed for %s before the key", next)
	}
	gen := m.poll[FeedPane].tickGen
	m.Update(tuitest.Press("enter"))
	st := m.poll[FeedPane]
	if st.tickGen == gen || st.next <= 0 || st.next > 5500*time.Millisecond {
		t.Errorf("after the key: tick gen %d→%d, armed for %s; want ≤ 5.5 s", gen, st.tickGen, st.next)
	}
	// Nothing shortens further: another key leaves the tick alone.
	gen = st.tickGen
	m.Update(tuitest.Press("j"))
	if m.poll[FeedPane].tickGen != gen {
		t.Errorf("the tick was armed again for the same cadence")
	}
	if p.refreshes != 0 {
		t.Errorf("the keys fetched %d times; the new cadence counts from the last fetch", p.refreshes)
	}
}

// TestAlignedTicksMeet: with AlignTicks two models arming the same
// interval at different moments get ticks at the same wall-clock instant,
// at least half an interval and at most one and a half away.
func TestAlignedTicksMeet(t *testing.T) {
	base := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct{ a, b time.Duration }{{0, 3 * time.Second}, {time.Second, 5 * time.Second}, {7 * time.Second, 11 * time.Second}} {
		d := 12 * time.Second
		ta, tb := base.Add(c.a), base.Add(c.b)
		atA, atB := ta.Add(alignedDelay(ta, d)), tb.Add(alignedDelay(tb, d))
		if !atA.Equal(atB) {
			t.Errorf("armed at +%s and +%s: ticks at %s and %s", c.a, c.b, atA.Format("15:04:05"), atB.Format("15:04:05"))
		}
		for _, w := range []time.Duration{alignedDelay(ta, d), alignedDelay(tb, d)} {
			if w < d/2 || w > 3*d/2 {
				t.Errorf("delay %s for interval %s", w, d)
			}
		}
	}
}
