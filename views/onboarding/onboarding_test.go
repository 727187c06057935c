package onboarding

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/keymap"
	"imagine/theme"
)

func newModel(t *testing.T, w, h int) *Model {
	t.Helper()
	st, err := theme.Build("", true, false)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Styles: st, Keys: keymap.Default(), Server: "imagineanything.com"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// TestOnboardingGolden: the first-run screen at 80x24 and 120x40, text and
// layout (the colours are the theme's, tested there).
func TestOnboardingGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			v := newModel(t, sz[0], sz[1]).Render()
			golden.RequireEqual(t, []byte(ansi.Strip(v)))
		})
	}
}

func TestOnboardingChooses(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want Choice
	}{
		{[]string{"enter"}, Register},
		{[]string{"j", "enter"}, Login},
		{[]string{"k", "enter"}, Demo},
		{[]string{"3"}, Demo},
		{[]string{"q"}, None},
		{[]string{"esc"}, None},
	} {
		m := newModel(t, 80, 24)
		var cmd tea.Cmd
		for _, k := range c.keys {
			_, cmd = m.Update(keymap.Press(k))
		}
		if m.Choice() != c.want || cmd == nil {
			t.Errorf("%v: choice %v (quit cmd %v), want %v", c.keys, m.Choice(), cmd != nil, c.want)
		}
	}
}
