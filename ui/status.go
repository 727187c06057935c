package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"imagine/views"
)

type level = views.Level

const (
	levelInfo  = views.LevelInfo
	levelWarn  = views.LevelWarn
	levelError = views.LevelError
)

// statusTTL is how long a transient message stays, by level.
var statusTTL = map[level]time.Duration{
	levelInfo:  4 * time.Second,
	levelWarn:  8 * time.Second,
	levelError: 12 * time.Second,
}

// statusLine is the transient message of the status bar.
type statusLine struct {
	level level
	text  string
	gen   int
}

// clearStatusMsg removes the message of generation gen, if still shown.
type clearStatusMsg struct{ gen int }

// set shows text and returns the Cmd that clears it after its TTL (ttl 0
// means the level's default).
func (s *statusLine) set(lv level, text string, ttl time.Duration) tea.Cmd {
	s.gen++
	s.level, s.text = lv, text
	if ttl == 0 {
		ttl = statusTTL[lv]
	}
	gen := s.gen
	return tea.Tick(ttl, func(time.Time) tea.Msg { return clearStatusMsg{gen: gen} })
}

// clear removes the message if it is still the one of generation gen.
func (s *statusLine) clear(gen int) {
	if gen == s.gen {
		s.text = ""
	}
}

// handleStatus shows a pane's status request, describing its error.
func (m *Model) handleStatus(msg views.StatusMsg) tea.Cmd {
	text := msg.Text
	if msg.Err != nil {
		m.opts.Logger.Warn("action failed", "action", msg.Text, "err", msg.Err)
		d := views.Describe(msg.Err)
		if text != "" {
			text += ": " + d
		} else {
			text = d
		}
	}
	return m.status.set(msg.Level, text, 0)
}
