package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/theme"
	"imagine/views"
)

// TestChromeFollowsWhatItShows: the tab bar, key hints and status line are
// kept between frames, and each is drawn again as soon as what it shows
// changes: a badge, the focus, a status message, the theme, the width.
func TestChromeFollowsWhatItShows(t *testing.T) {
	m, _, notes := newTestModel(t)
	frame := func() []string { return lines(ansi.Strip(m.View().Content)) }
	first := frame()
	if again := frame(); strings.Join(again, "\n") != strings.Join(first, "\n") {
		t.Fatal("two frames of an unchanged model differ")
	}
	if !badge(first[0], "3") {
		t.Fatalf("tab bar %q", first[0])
	}

	notes.badge = 4
	if tabs := frame()[0]; !badge(tabs, "4") {
		t.Errorf("after the badge moved the tab bar still shows %q", tabs)
	}

	m.Update(views.StatusMsg{Level: views.LevelInfo, Text: "post sent"})
	f := frame()
	if status := f[len(f)-1]; !strings.Contains(status, "post sent") {
		t.Errorf("the status line does not show the message: %q", status)
	}

	m.Update(teaSize(60, 24))
	if tabs := frame()[0]; ansi.StringWidth(tabs) > 60 || ansi.StringWidth(frame()[len(frame())-1]) > 60 {
		t.Errorf("after a resize to 60 columns the chrome is still wider: %q", tabs)
	}

	*m.styles = *theme.New(true, false) // colours, so a theme change shows
	m.chrome.styleGen++
	before := m.View().Content
	m.restyle(false)
	if m.View().Content == before {
		t.Error("a theme change left the frame as it was")
	}
}

// badge reports whether the tab bar shows n beside Notifications.
func badge(tabs, n string) bool {
	return regexp.MustCompile(`Notifications +` + n + `\b`).MatchString(tabs)
}

// TestARestyleKeepsTheTerminalsHyperlinks: the background colour arriving
// rebuilds the styles, but whether the terminal shows hyperlinks is the
// terminal's, not the theme's.
func TestARestyleKeepsTheTerminalsHyperlinks(t *testing.T) {
	m, _, _ := newTestModel(t)
	*m.styles = *theme.New(true, false)
	m.styles.Hyperlinks = true
	m.restyle(false)
	if !m.styles.Hyperlinks || m.styles.Dark {
		t.Errorf("after a restyle: hyperlinks %v, dark %v", m.styles.Hyperlinks, m.styles.Dark)
	}
}
