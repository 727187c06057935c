package explore

import (
	"imagine/views"
	"slices"

	tea "charm.land/bubbletea/v2"
)

// The recent searches outlive the run when Options.History keeps them
// (*recent.Store, in the account's data directory): read at Init, written
// whenever a query is kept. Queries searched before the file is read come
// first, the file's after them.

// SearchHistory keeps the recent searches across runs. Both methods do
// file I/O; the pane calls them from Cmds only.
type SearchHistory interface {
	Load() ([]string, error)
	Save([]string) error
}

// historyMsg carries the recent searches read from disk.
type historyMsg struct{ queries []string }

// loadHistory is Init's Cmd reading the recent searches, or nil.
func (m *Model) loadHistory() tea.Cmd {
	h := m.history
	if h == nil {
		return nil
	}
	return func() tea.Msg {
		// An unreadable file is no history; the store logs why.
		queries, _ := h.Load()
		return historyMsg{queries: queries}
	}
}

// historyLoaded puts the saved searches after this run's, and writes the
// list back when this run had kept some already.
func (m *Model) historyLoaded(msg historyMsg) tea.Cmd {
	s := &m.search
	early := len(s.history) > 0
	for _, q := range msg.queries {
		if len(s.history) < HistorySize && !slices.Contains(s.history, q) {
			s.history = append(s.history, q)
		}
	}
	m.historyRead = true
	if m.section == sectionSearch && s.query() == "" {
		m.showHistory()
	}
	if !early {
		return nil
	}
	return m.saveHistory()
}

// saveHistory is the Cmd writing the recent searches.
func (m *Model) saveHistory() tea.Cmd {
	h, list := m.history, slices.Clone(m.search.history)
	return func() tea.Msg {
		// A failed write costs only the next run's list.
		_ = h.Save(list)
		return nil
	}
}

// forget drops q from the recent searches (d on it) and writes the list.
func (m *Model) forget(q string) tea.Cmd {
	m.search.history = slices.DeleteFunc(m.search.history, func(h string) bool { return h == q })
	m.showHistory()
	var save tea.Cmd
	if m.history != nil && m.historyRead {
		save = m.saveHistory()
	}
	return tea.Batch(save, views.Status(views.LevelInfo, "forgot the search “"+views.Truncate(q, 40)+"”"))
}

// remember keeps q as the newest recent search and returns the Cmd
// writing the list, once the saved one has been read (so that it is not
// written over).
func (m *Model) remember(q string) tea.Cmd {
	before := slices.Clone(m.search.history)
	m.search.remember(q)
	if m.history == nil || !m.historyRead || slices.Equal(before, m.search.history) {
		return nil
	}
	return m.saveHistory()
}
