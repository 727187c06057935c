package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// fakePane records what the root does to it. It stands in for a real pane
// so routing and scheduling can be tested without any I/O.
type fakePane struct {
	title     string
	badge     int
	focused   bool
	capturing bool
	w, h      int
	interval  time.Duration
	keys      []string
	msgs      []tea.Msg
	refreshes int
	body      string
}

type fakeResult struct{ err error }

func (r fakeResult) Err() error { return r.err }

func (p *fakePane) Init() tea.Cmd { return nil }
func (p *fakePane) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		p.keys = append(p.keys, k.String())
		return nil
	}
	p.msgs = append(p.msgs, msg)
	return nil
}
func (p *fakePane) View() string {
	if p.body != "" {
		return p.body
	}
	return fmt.Sprintf("%s pane %dx%d", p.title, p.w, p.h)
}
func (p *fakePane) SetSize(w, h int)         { p.w, p.h = w, h }
func (p *fakePane) SetFocused(f bool)        { p.focused = f }
func (p *fakePane) CapturesInput() bool      { return p.capturing }
func (p *fakePane) ShortHelp() []key.Binding { return nil }
func (p *fakePane) FullHelp() [][]key.Binding {
	return nil
}
func (p *fakePane) Title() string { return p.title }
func (p *fakePane) Badge() int    { return p.badge }
func (p *fakePane) Refresh(context.Context) tea.Cmd {
	p.refreshes++
	return func() tea.Msg { return fakeResult{} }
}
func (p *fakePane) PollInterval() time.Duration {
	if p.interval == 0 {
		return 30 * time.Second
	}
	return p.interval
}

// isQuit reports whether running cmd (and any batch in it) yields tea.Quit.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch m := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range m {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

func lines(s string) []string { return strings.Split(s, "\n") }
