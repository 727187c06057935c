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
	// keys counts the keys pressed since the message was set: a warning
	// or an error leaves at the staleAfter-th, before its TTL, so that
	// it is not read as the outcome of what the operator did since (a
	// like that worked under "couldn't amplify the post").
	keys int
}

// staleAfter is how many keys a warning or an error outlives: the first
// may be pressed while it is read.
const staleAfter = 2

// clearStatusMsg removes the message of generation gen, if still shown.
type clearStatusMsg struct{ gen int }

// set shows text and returns the Cmd that clears it after its TTL (ttl 0
// means the level's default).
func (s *statusLine) set(lv level, text string, ttl time.Duration) tea.Cmd {
	s.gen++
	s.level, s.text, s.keys = lv, text, 0
	if ttl == 0 {
		ttl = statusTTL[lv]
	}
	gen := s.gen
	return tea.Tick(ttl, func(time.Time) tea.Msg { return clearStatusMsg{gen: gen} })
}

// keyPressed counts a key against a warning or an error shown, and drops
// it once the operator has moved on.
func (s *statusLine) keyPressed() {
	if s.text == "" || s.level < levelWarn {
		return
	}
	s.keys++
	if s.keys >= staleAfter {
		s.text = ""
	}
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
