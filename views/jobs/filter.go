package jobs

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/api"
	"imagine/views"
)

// The `/` filter (views.Filter) of the live jobs and of the history: the
// jobs whose prompt, provider, type or status hold every word typed. The
// selection (sel, the history's window) stays an index into all the jobs;
// the filter's window holds the position among the matches, and once the
// filter is applied the job there is the selection. The lists are short
// (the live jobs, pages of history), so the text is folded on every
// keystroke rather than cached.

// jobText is what the filter looks in.
func jobText(j *api.GenerationJob) string {
	return strings.Join([]string{j.Prompt, views.ProviderName(j.Provider), j.Provider, views.GenTypeName(j.Type), j.Model, j.Status}, "\n")
}

// liveFolded is the folded text of live job i.
func (m *Model) liveFolded(i int) string { return views.Fold(jobText(&m.jobs.entries[i].job)) }

// pastFolded is the folded text of history job i.
func (m *Model) pastFolded(i int) string { return views.Fold(jobText(&m.hist.items[i])) }

// filter is the filter of the screen showing: the live jobs' or the
// history's (the services have none).
func (m *Model) filter() *views.Filter {
	if m.screen == viewHistory {
		return &m.hist.filter
	}
	return &m.live
}

// filterTyping reports whether a filter's query is being typed: the pane
// then captures input.
func (m *Model) filterTyping() bool {
	return m.form == nil && m.keyForm == nil && m.screen != viewServices && m.filter().Editing()
}

// filterRows is the room a filter line takes under its list.
func filterRows(f *views.Filter) int {
	if f.Active() {
		return 1
	}
	return 0
}

// refilter brings the matches of both lists up to date (looking at every
// job again with force) and puts each filter's cursor on the selection,
// or the match nearest to it.
func (m *Model) refilter(force bool) {
	if f := &m.live; f.Active() {
		if force {
			f.Invalidate()
		}
		f.Refresh(len(m.jobs.entries), m.liveFolded)
		f.Win.Cursor = max(f.Nearest(m.sel), 0)
		if i, ok := f.Selected(); ok && !f.Editing() {
			m.sel = i
		}
		m.fixWindow()
	}
	h := &m.hist
	if f := &h.filter; f.Active() {
		if force {
			f.Invalidate()
		}
		f.Refresh(len(h.items), m.pastFolded)
		f.Follow(h.win.Cursor, m.historyBodyHeight(), historyHeights)
		if i, ok := f.Selected(); ok && !f.Editing() {
			h.win.Cursor = i
		}
	}
}

// refilterAfter brings the matches up to date after msg: a key changes no
// job, any other message may have.
func (m *Model) refilterAfter(msg tea.Msg) {
	_, isKey := msg.(tea.KeyPressMsg)
	m.refilter(!isKey)
}

// filterInput types a key or a paste into the filter of the screen.
func (m *Model) filterInput(msg tea.Msg) tea.Cmd {
	m.filter().Input(msg, func() { m.refilter(false) }, m.closeFilter)
	return nil
}

// closeFilter drops the filter of the screen; the selection stays.
func (m *Model) closeFilter() {
	if m.screen == viewHistory {
		m.hist.filter.Close(&m.hist.win, len(m.hist.items), m.bodyHeight(), historyHeights, historyHeights)
		return
	}
	m.live.Clear()
	m.fixWindow()
}

// filterKey handles the keys that concern the filter of the screen: /
// starts or edits it, and esc drops it while it is applied. It reports
// whether it took the key.
func (m *Model) filterKey(msg tea.KeyPressMsg) bool {
	k, f := m.keys.List, m.filter()
	switch {
	case key.Matches(msg, k.Filter):
		w := m.hist.win
		if m.screen == viewLive {
			w = views.Window{Cursor: m.sel}
		}
		f.Start(w)
		m.refilter(true)
	case f.Active() && key.Matches(msg, k.Back):
		m.closeFilter()
	default:
		return false
	}
	return true
}

// historyHeights measures history rows, filtered or not: all alike.
func historyHeights(int) int { return historyRowHeight }

// liveCount is the number of live jobs shown: the matches while the
// filter is on.
func (m *Model) liveCount() int {
	if m.live.Active() {
		return m.live.Len()
	}
	return len(m.jobs.entries)
}

// liveAt is the live job shown at position j.
func (m *Model) liveAt(j int) *entry {
	if m.live.Active() {
		return m.jobs.entries[m.live.Item(j)]
	}
	return m.jobs.entries[j]
}

// livePos is the position of the selection among the jobs shown.
func (m *Model) livePos() int {
	if m.live.Active() {
		return m.live.Win.Cursor
	}
	return m.sel
}

// setLivePos moves the selection to position p among the jobs shown.
func (m *Model) setLivePos(p int) {
	if !m.live.Active() {
		m.sel = p
		return
	}
	m.live.Win.Cursor = p
	if i, ok := m.live.Selected(); ok {
		m.sel = i
	}
}
