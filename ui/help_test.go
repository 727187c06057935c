package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// footerSizes are the sizes the footer must hold up at, down to 50
// columns.
var footerSizes = [][2]int{{50, 15}, {80, 24}, {120, 40}, {200, 60}}

// TestGoldenFooter: "? help" and "q quit" stay at the right at every
// width; the screen's hints are cut before them, with "…".
func TestGoldenFooter(t *testing.T) {
	for _, sz := range footerSizes {
		t.Run(sizeName(sz), func(t *testing.T) {
			m, _, _ := newKeyedModel(t, sz[0], sz[1])
			frame := ansi.Strip(m.render())
			ls := lines(frame)
			footer := ls[len(ls)-2]
			if !strings.HasSuffix(footer, "? help · q quit") || ansi.StringWidth(footer) > sz[0] {
				t.Errorf("footer %q", footer)
			}
			if sz[0] < 120 && !strings.Contains(footer, "…") {
				t.Errorf("at %d columns the hints should be cut: %q", sz[0], footer)
			}
			golden.RequireEqual(t, []byte(frame))
		})
	}
}

// TestFooterFollowsWhatHasTheKeys: the help screen and the palette put
// their own keys in the footer, and a text field pins nothing it would
// type instead.
func TestFooterFollowsWhatHasTheKeys(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	footer := func() string { ls := lines(ansi.Strip(m.render())); return ls[len(ls)-2] }
	press(m, "?")
	if f := footer(); !strings.Contains(f, "j scroll") || !strings.HasSuffix(f, "q quit") {
		t.Errorf("help footer %q", f)
	}
	press(m, "?")
	press(m, "ctrl+p")
	if f := footer(); !strings.Contains(f, "enter run") || strings.Contains(f, "q quit") {
		t.Errorf("palette footer %q", f)
	}
	press(m, "esc")
	feed.capturing = true
	if f := footer(); strings.Contains(f, "? help") || strings.Contains(f, "q quit") {
		t.Errorf("a text field has the keys, yet the footer offers %q", f)
	}
}

// TestGoldenHelp: help lists the screen's keys and the global ones in
// rows wrapped to 80 columns, and scrolls.
func TestGoldenHelp(t *testing.T) {
	m, _, _ := newKeyedModel(t, 80, 24)
	press(m, "?")
	first := ansi.Strip(m.render())
	for _, want := range []string{"Like or unlike the post", "Next unread: the next pane with news", "ctrl+p", "tab", "Go to Notifications"} {
		if !strings.Contains(strings.Join(m.helpLines(80), "\n"), want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for i, ln := range lines(first) {
		if ansi.StringWidth(ln) > 80 {
			t.Errorf("line %d is %d wide", i, ansi.StringWidth(ln))
		}
	}
	t.Run("top", func(t *testing.T) { golden.RequireEqual(t, []byte(first)) })

	press(m, "pgdown")
	press(m, "j")
	scrolled := ansi.Strip(m.render())
	if scrolled == first || m.helpTop == 0 {
		t.Fatal("pgdown and j did not scroll the help")
	}
	t.Run("scrolled", func(t *testing.T) { golden.RequireEqual(t, []byte(scrolled)) })

	press(m, "G")
	end := m.helpTop
	press(m, "j")
	if m.helpTop != end || !strings.Contains(ansi.Strip(m.render()), "Palette") {
		t.Fatalf("scrolled past the end: %d then %d", end, m.helpTop)
	}
	press(m, "k")
	press(m, "g")
	if m.helpTop != 0 {
		t.Fatalf("g left the help at %d", m.helpTop)
	}
	press(m, "esc")
	if m.showHelp {
		t.Fatal("esc did not close help")
	}
}

// TestHelpIsACheatSheet: a global key works from help, and a pane key
// closes it and reaches the pane.
func TestHelpIsACheatSheet(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	press(m, "?")
	press(m, "r")
	if !m.showHelp {
		t.Fatal("refresh closed help")
	}
	press(m, "n")
	if m.showHelp || len(feed.keys) != 1 || feed.keys[0] != "n" {
		t.Fatalf("help %v, pane keys %v", m.showHelp, feed.keys)
	}
}

// TestHelpWrapsWhenNarrow: at 50 columns nothing is cut that wrapping
// can keep.
func TestHelpWrapsWhenNarrow(t *testing.T) {
	m, _, _ := newKeyedModel(t, 50, 15)
	all := ansi.Strip(strings.Join(m.helpLines(50), "\n"))
	if strings.Contains(all, "…") {
		t.Errorf("help cut a title at 50 columns:\n%s", all)
	}
	if !strings.Contains(all, "Comment on the post, or reply to") {
		t.Errorf("a long title is missing:\n%s", all)
	}
}

// TestGoldenPalette draws the palette over the screen.
func TestGoldenPalette(t *testing.T) {
	for _, sz := range [][2]int{{50, 15}, {80, 24}} {
		t.Run(sizeName(sz), func(t *testing.T) {
			m, _, _ := newKeyedModel(t, sz[0], sz[1])
			press(m, ":")
			typeInto(m, "notif")
			frame := ansi.Strip(m.render())
			for i, ln := range lines(frame) {
				if ansi.StringWidth(ln) > sz[0] {
					t.Errorf("line %d is %d wide", i, ansi.StringWidth(ln))
				}
			}
			golden.RequireEqual(t, []byte(frame))
		})
	}
}

// TestFooterMemoFollowsItsHints: the footer is kept between frames and
// drawn again as soon as a hint changes.
func TestFooterMemoFollowsItsHints(t *testing.T) {
	m, feed, _ := newKeyedModel(t, 80, 24)
	first := m.footerView(80)
	key1 := m.chrome.footer.key
	if m.footerView(80) != first || m.chrome.footer.key != key1 {
		t.Fatal("an unchanged footer was drawn again")
	}
	feed.short = feed.short[:1]
	if got := ansi.Strip(m.footerView(80)); strings.Contains(got, "new post") || !strings.HasSuffix(got, "q quit") {
		t.Fatalf("after the hints changed the footer is %q", got)
	}
	m.keys.Global.Quit.SetHelp("Q", "quit")
	if got := ansi.Strip(m.footerView(80)); !strings.HasSuffix(got, "Q quit") {
		t.Fatalf("a rebound pinned key is not shown: %q", got)
	}
}
