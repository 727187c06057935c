package feed

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"imagine/views"
	"imagine/views/postkit"
)

// Update implements ui.Pane. Keys go to the composer while it is open, else
// to the screen on top; results of the pane's Cmds are matched to what they
// were for; everything else reaches the composer (cursor blink, drafts,
// editor).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	if seen := m.noteSeen(); seen != nil {
		return tea.Batch(cmd, seen)
	}
	return cmd
}

// update is Update before the newest post on screen is noted as seen.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	if m.filterTyping(msg) {
		return m.filterInput(msg)
	}
	// Whatever changed the posts, the filter's matches follow.
	defer m.refilterAfter(msg)
	if _, poll := msg.(pageMsg); !poll {
		m.Tick()
	}
	m.SyncCache()
	switch msg := msg.(type) {
	case pageMsg:
		return m.advanceClockIfChanged(func() tea.Cmd { return m.pageArrived(msg) })
	case cachedMsg:
		return m.cacheLoaded(msg)
	case markMsg:
		return m.markLoaded(msg)
	case moreMsg:
		return m.nextPage(msg)
	case earlierMsg:
		return m.earlierPage(msg)
	case tea.KeyPressMsg:
		if cmd, ok := m.HandleKey(msg); ok {
			return cmd
		}
		return m.listKey(msg)
	}
	return m.Deliver(msg)
}

// selected is the post under the cursor in the list, if any (none while
// the placeholder of dropped posts is).
func (m *Model) selected() *postkit.Entry {
	tl := m.tl()
	if len(tl.entries) == 0 {
		return nil
	}
	i := tl.win.Cursor
	if tl.filter.Active() {
		// The post under the filter's cursor, even while the query is
		// typed (the list's own selection is then kept aside for esc).
		var ok bool
		if i, ok = tl.filter.Selected(); !ok {
			return nil
		}
	}
	if e := tl.entries[min(i, len(tl.entries)-1)]; !e.Hole {
		return e
	}
	return nil
}

func (m *Model) listHeights(tl *timeline) views.HeightFunc {
	return func(i int) int { return m.rowHeight(tl.entries[i]) }
}

// listKey handles a key on the timeline list.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k, f := m.keys.List, m.keys.Feed
	tl := m.tl()
	if m.filteredKey(tl, msg) {
		return nil
	}
	n, h, hf := len(tl.entries), m.listBodyHeight(tl), m.listHeights(tl)
	switch {
	case key.Matches(msg, k.Down):
		tl.win.Down(n, h, hf)
	case key.Matches(msg, k.Up):
		tl.win.Up(n, h, hf)
	case key.Matches(msg, k.Top):
		// The newest posts were dropped: fetch them again.
		if tl.lo > 0 {
			return m.reload(tl)
		}
		// g at the top shows the new posts, like ".".
		if tl.win.Cursor == 0 && len(tl.pending) > 0 {
			return m.showNew(tl)
		}
		tl.win.Home()
	case key.Matches(msg, k.Bottom):
		tl.win.End(n, h, hf)
	case key.Matches(msg, k.PageDown):
		tl.win.PageDown(n, h, hf)
	case key.Matches(msg, k.PageUp):
		tl.win.PageUp(n, h, hf)
	case key.Matches(msg, f.ShowNew):
		if len(tl.pending) == 0 {
			return views.Status(views.LevelInfo, "no new posts")
		}
		return m.showNew(tl)
	case key.Matches(msg, f.Timeline):
		return m.switchTimeline()
	case key.Matches(msg, f.LastVisit):
		return m.jumpToLastVisit()
	case key.Matches(msg, k.Open):
		if e := m.selected(); e != nil {
			return m.OpenPost(e)
		}
		return nil
	default:
		return m.PostAction(msg, m.selected(), nil)
	}
	m.trim(tl)
	return tea.Batch(m.maybeMore(tl), m.maybeEarlier(tl))
}

// switchTimeline flips between the home feed and the public timeline,
// fetching the other one the first time.
func (m *Model) switchTimeline() tea.Cmd {
	other := public
	if m.src == public {
		other = home
	}
	if m.tls[other].list == nil {
		return views.Status(views.LevelInfo, "only the public timeline is available")
	}
	m.src = other
	m.pickTimeline()
	tl := m.tl()
	if !tl.loaded && !tl.loading {
		return m.fetchFirst(m.ctx, tl)
	}
	return nil
}

// advanceClockIfChanged runs a poll result's handler and moves the clock of
// relative times forward only when the result changed the screen anyway.
// A poll that brings nothing new thus leaves the frame byte-identical, and
// Bubble Tea writes nothing to the terminal (the idle budget of issue 2).
func (m *Model) advanceClockIfChanged(handle func() tea.Cmd) tea.Cmd {
	before := m.View()
	cmd := handle()
	if m.View() != before {
		m.Tick()
	}
	return cmd
}
