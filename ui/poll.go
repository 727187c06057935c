package ui

// The poll scheduler. Invariants, in the spirit of lazygit's goEvery:
//
//   - at most one fetch in flight per pane (inFlight);
//   - a pane's next tick is armed only when its previous fetch has returned,
//     so a slow server slows polling down instead of piling requests up;
//   - every (re)arming bumps tickGen, so a tick armed before a manual
//     refresh or a focus change is recognised as stale and dropped;
//   - every fetch carries fetchGen, so a result that arrives after the
//     pane was reset is dropped;
//   - errors back off exponentially with full jitter (2 s doubling, capped
//     at 5 min); a rate-limit error waits exactly what the server asked;
//   - a pane that is not on screen polls only what its badge needs (the
//     panes decide that from SetFocused); when it comes into view it is
//     fetched at once if its data is over 5 s old or it reports itself
//     Outdated (its count moved while it was hidden), and if a hidden-mode
//     fetch was in flight at that moment, again as soon as it returns;
//   - a pane on screen whose cadence became shorter than the one its tick
//     was armed with (an order opened wants its thread every 4 s) is
//     re-armed at once, counted from its last fetch (soonerTick).

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/api"
)

const (
	backoffBase = 2 * time.Second
	backoffCap  = 5 * time.Minute
	// rateReserve is the number of remaining requests under which hidden
	// panes poll four times slower, keeping headroom for the operator.
	rateReserve = 20
	// focusFreshness is how old a pane's data may be when it comes into
	// view before it is fetched again.
	focusFreshness = 5 * time.Second
)

// pollState is the scheduler's bookkeeping for one pane.
type pollState struct {
	tickGen  int
	fetchGen int
	inFlight bool
	failures int
	lastOK   time.Time
	err      error
	// next is the delay of the last armed tick (0 = none), kept for the
	// status line and for tests.
	next time.Duration
	// recheck is set when the pane came into view while a fetch was in
	// flight: that fetch was asked for in hidden mode, so the pane is
	// asked again whether it is Outdated when it returns.
	recheck bool
	// parked: the client is offline and another pane probes (offline.go).
	parked bool
	// wish is the pane's own PollInterval when its tick was armed.
	wish time.Duration
}

// outdater is implemented by panes that know their on-screen data is
// behind, e.g. their count moved while they were hidden and hidden panes
// do not fetch their lists. Such a pane is fetched as soon as it comes
// into view, however recently its count was polled.
type outdater interface{ Outdated() bool }

// outdated reports whether the pane says its data is behind.
func outdated(p Pane) bool {
	o, ok := p.(outdater)
	return ok && o.Outdated()
}

type (
	// pollTickMsg says a pane's poll interval has elapsed.
	pollTickMsg struct {
		pane PaneID
		gen  int
	}
	// fetchedMsg carries a pane's fetch result back to that pane.
	fetchedMsg struct {
		pane PaneID
		gen  int
		msg  tea.Msg
	}
)

// errorer is implemented by fetch results that can fail.
type errorer interface{ Err() error }

// fetch starts the pane's Refresh now unless one is already in flight.
func (m *Model) fetch(id PaneID) tea.Cmd {
	st := &m.poll[id]
	if st.inFlight || m.panes[id] == nil {
		return nil
	}
	cmd := m.panes[id].Refresh(m.ctx)
	if cmd == nil {
		return m.arm(id, m.interval(id))
	}
	st.fetchGen++
	st.inFlight = true
	gen := st.fetchGen
	return func() tea.Msg { return fetchedMsg{pane: id, gen: gen, msg: cmd()} }
}

// arm schedules the pane's next tick after d; d <= 0 means no tick.
func (m *Model) arm(id PaneID, d time.Duration) tea.Cmd {
	st := &m.poll[id]
	st.tickGen++
	st.next = d
	if p := m.panes[id]; p != nil {
		st.wish = p.PollInterval()
	}
	if d <= 0 {
		return nil
	}
	gen := st.tickGen
	if m.opts.AlignTicks {
		d = alignedDelay(m.now(), d)
	}
	tick := m.opts.Tick
	if tick == nil {
		tick = tea.Tick
	}
	return tick(d, func(time.Time) tea.Msg { return pollTickMsg{pane: id, gen: gen} })
}

// interval is the pane's cadence now: its own wish, stretched while the
// terminal is unfocused or the rate budget runs low, with ±10 % jitter.
func (m *Model) interval(id PaneID) time.Duration {
	d := m.panes[id].PollInterval()
	if d <= 0 {
		return 0
	}
	if o, ok := m.opts.Intervals[id]; ok {
		if o <= 0 {
			return 0 // polling turned off in the config
		}
		d = o
	}
	if m.termBlur {
		d *= 2
	}
	if m.opts.Rate != nil && id != m.focus {
		if r := m.opts.Rate(); r.Limit > 0 && r.Remaining < rateReserve {
			d *= 4
		}
	}
	if m.opts.AlignTicks {
		return d // the wall clock spreads nothing: sessions must meet
	}
	return jitter(d)
}

// alignedDelay is the wait from now to the first wall-clock multiple of d
// at least d/2 away: every model asking for d at about the same time
// gets the same instant.
func alignedDelay(now time.Time, d time.Duration) time.Duration {
	return now.Add(d / 2).Truncate(d).Add(d).Sub(now)
}

// jitter spreads d by ±10 % so panes do not poll in lock-step.
func jitter(d time.Duration) time.Duration {
	spread := int64(d) / 10
	if spread <= 0 {
		return d
	}
	return d - time.Duration(spread) + time.Duration(rand.Int64N(2*spread+1))
}

// backoff is the full-jitter delay after n consecutive failures.
func backoff(n int) time.Duration {
	ceil := backoffBase << min(n-1, 10)
	if ceil > backoffCap || ceil <= 0 {
		ceil = backoffCap
	}
	return backoffBase/2 + time.Duration(rand.Int64N(int64(ceil)))
}

// soonerTick re-arms the focused pane when it now wishes a shorter
// cadence than its armed tick was made for, so what it opened is polled
// at the new pace from the start; a tick already due fetches at once. It
// adds no request at idle: the wish shortens on the operator's action.
func (m *Model) soonerTick() tea.Cmd {
	id := m.focus
	st := &m.poll[id]
	p := m.panes[id]
	if p == nil || !m.online || st.parked || st.inFlight || st.failures > 0 || st.next <= 0 || st.lastOK.IsZero() {
		return nil // offline, the probe alone polls (offline.go)
	}
	if w := p.PollInterval(); w <= 0 || w >= st.wish {
		return nil
	}
	d := m.interval(id)
	if d <= 0 || d >= st.next {
		st.wish = p.PollInterval()
		return nil
	}
	if m.opts.AlignTicks {
		// The rest of the interval would fall off the grid the other
		// sessions poll on: the next grid point of the new cadence.
		return m.arm(id, d)
	}
	if wait := st.lastOK.Add(d).Sub(m.now()); wait > 0 {
		return m.arm(id, wait)
	}
	return m.fetch(id)
}

// handleTick runs a due poll.
func (m *Model) handleTick(msg pollTickMsg) tea.Cmd {
	st := &m.poll[msg.pane]
	// Once the credentials are refused nothing polls: every request would
	// be refused again, and retries spend the auth budget.
	if msg.gen != st.tickGen || st.inFlight || m.fatal != nil {
		return nil
	}
	if m.parkedOffline(msg.pane) {
		m.park(msg.pane)
		return nil
	}
	return m.fetch(msg.pane)
}

// handleFetched hands a result to its pane, classifies its error and arms
// the next tick.
func (m *Model) handleFetched(msg fetchedMsg) tea.Cmd {
	st := &m.poll[msg.pane]
	if msg.gen != st.fetchGen {
		return nil
	}
	st.inFlight = false
	cmd := m.panes[msg.pane].Update(msg.msg)
	var err error
	if e, ok := msg.msg.(errorer); ok {
		err = e.Err()
	}
	return tea.Batch(cmd, m.afterFetch(msg.pane, err))
}

// afterFetch records the outcome of a fetch and arms the next tick.
func (m *Model) afterFetch(id PaneID, err error) tea.Cmd {
	st := &m.poll[id]
	st.err = err
	recheck := st.recheck
	st.recheck = false
	if err == nil {
		st.failures = 0
		st.lastOK = m.now()
		var back tea.Cmd
		if !m.online {
			// Said once, when the first answer after being offline comes.
			m.online = true
			back = tea.Batch(m.status.set(levelInfo, "back online", 0), m.wakeParked())
		}
		if recheck && id == m.focus && outdated(m.panes[id]) {
			// It came into view during a hidden-mode fetch: what it
			// shows is still behind.
			return tea.Batch(back, m.fetch(id))
		}
		return tea.Batch(back, m.arm(id, m.interval(id)))
	}
	if errors.Is(err, context.Canceled) {
		return nil // quitting: nothing to report, nothing to re-arm
	}
	if errors.Is(err, api.ErrUnauthorized) {
		m.opts.Logger.Error("credentials rejected", "pane", id.String(), "err", err)
		m.fatal = err
		return nil
	}
	var rl *api.RateLimitError
	if errors.As(err, &rl) {
		wait := rl.Wait
		if wait <= 0 {
			wait = time.Minute
		}
		st.err = nil // a pause, not a failure: the data is as fresh as it was
		if rl.Local {
			return m.arm(id, wait)
		}
		m.opts.Logger.Warn("rate limited by the server", "pane", id.String(), "wait", wait)
		return tea.Batch(m.arm(id, wait),
			m.status.set(levelWarn, "rate limited · waiting "+wait.Round(time.Second).String(), 0))
	}
	m.opts.Logger.Warn("refresh failed", "pane", id.String(), "err", err)
	st.failures++
	if errors.Is(err, api.ErrOffline) {
		m.goOffline(id)
		if m.parkedOffline(id) {
			m.park(id)
			return nil
		}
		return m.arm(id, probeBackoff(st.failures))
	}
	return m.arm(id, backoff(st.failures))
}

// forceRefresher is implemented by panes whose polls are cheap by default
// (a count only) and that fetch everything on a manual refresh.
type forceRefresher interface{ ForceRefresh() }

// refreshNow is the manual refresh: fetch the focused pane now, all of it.
func (m *Model) refreshNow() tea.Cmd {
	if !m.online {
		// `r` while offline probes now, from the pane in view.
		m.probe = m.focus
		m.poll[m.focus].parked = false
	}
	if f, ok := m.focusedPane().(forceRefresher); ok {
		f.ForceRefresh()
	}
	m.poll[m.focus].tickGen++ // drop the pending tick; the result re-arms
	if m.poll[m.focus].inFlight {
		return nil
	}
	return m.fetch(m.focus)
}

// rearmAll re-arms every idle pane, e.g. after focus changes, so the new
// cadence applies at once. A pane whose data is older than its new
// interval is fetched immediately.
func (m *Model) rearmAll() tea.Cmd {
	var cmds []tea.Cmd
	now := m.now()
	for _, id := range m.order {
		st := &m.poll[id]
		if st.inFlight && id == m.focus {
			st.recheck = true
		}
		if st.inFlight || st.failures > 0 {
			continue
		}
		if m.parkedOffline(id) {
			m.park(id)
			continue
		}
		d := m.interval(id)
		if d <= 0 {
			m.arm(id, 0)
			continue
		}
		// The pane coming into view gets fresh data at once unless it
		// was fetched a moment ago ("refetch on focus", gh-dash) and
		// knows of nothing it missed while hidden.
		stale := id == m.focus && (now.Sub(st.lastOK) > focusFreshness || outdated(m.panes[id]))
		if due := st.lastOK.Add(d); !st.lastOK.IsZero() && (now.After(due) || stale) {
			cmds = append(cmds, m.fetch(id))
			continue
		}
		wait := d
		if !st.lastOK.IsZero() {
			wait = st.lastOK.Add(d).Sub(now)
		}
		cmds = append(cmds, m.arm(id, wait))
	}
	return tea.Batch(cmds...)
}
