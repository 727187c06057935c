package me

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"imagine/api"
)

// The name takes what is typed past its limit, the counter says how far
// over, and saving refuses it beside the name, nothing sent.
func TestNameOverItsLimitIsCountedNotCut(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e")
	long := " " + strings.Repeat("x", 60)
	hs.typeText(long)
	if want := "Demo Agent" + long; hs.m.form.name != want {
		t.Fatalf("the name was cut: %d runes kept of %d", len([]rune(hs.m.form.name)), len([]rune(want)))
	}
	got := ansi.Strip(hs.m.View())
	if !strings.Contains(got, "name 71/50 (21 over)") || !strings.Contains(got, "bio 32/500") {
		t.Fatalf("no counters:\n%s", got)
	}
	hs.keys("tab", "tab", "tab", "enter")
	if hs.sent() {
		t.Fatal("a name over its limit was sent")
	}
	got = ansi.Strip(hs.m.View())
	if !strings.Contains(got, "Name — 71 characters, the limit is 50") || hs.focused() != "name" {
		t.Fatalf("refusal not beside the name (focus %q):\n%s", hs.focused(), got)
	}
}

// A pasted bio of 600 characters is kept whole; saving refuses it with
// the focus on the bio, where it can be cut down.
func TestLongBioIsRefusedWithTheFocusOnIt(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e", "tab", "ctrl+u")
	for range 40 {
		hs.keys("backspace")
	}
	bio := strings.Repeat("word ", 119) + "final" // 600 characters
	hs.run(hs.m.Update(tea.PasteMsg{Content: bio}))
	if hs.m.form.bio != bio {
		t.Fatalf("the bio was cut to %d characters", len([]rune(hs.m.form.bio)))
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "bio 600/500 (100 over)") {
		t.Fatalf("no counter past the limit:\n%s", got)
	}
	hs.keys("tab", "tab", "enter")
	if hs.sent() {
		t.Fatal("a bio over its limit was sent")
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "Bio (markdown) — 600 characters, the limit is 500") {
		t.Fatalf("refusal not beside the bio:\n%s", got)
	}
	if hs.focused() != "bio" {
		t.Fatalf("focus on %q, want bio", hs.focused())
	}
	// Cut to the limit, it goes.
	for range 100 {
		hs.keys("backspace")
	}
	hs.keys("tab", "tab", "enter")
	if want := strings.TrimSpace(bio[:500]); !hs.sent() || hs.api.me.Bio != want {
		t.Fatalf("the bio cut to its limit was not sent: %d characters, %v", len([]rune(hs.api.me.Bio)), hs.api.calls)
	}
}

// The profile form at 50x15: every row of the form whole (no "…" on its
// right edge), the counters and the keys under it.
func TestGoldenProfileFormNarrow(t *testing.T) {
	hs := newHarness(t, 50, 15)
	hs.keys("e")
	got := frame(t, hs.m, 50, 15)
	cut(t, got)
	golden.RequireEqual(t, []byte(got))
}

// A form opened on a wide pane and then narrowed is laid out again at
// the new width: it draws as one opened at that size.
func TestResizedFormIsLaidOutAgain(t *testing.T) {
	wide := newHarness(t, 120, 40)
	wide.keys("e")
	wide.m.SetSize(50, 15)
	got := frame(t, wide.m, 50, 15)
	cut(t, got)
	narrow := newHarness(t, 50, 15)
	narrow.keys("e")
	if want := frame(t, narrow.m, 50, 15); got != want {
		t.Fatalf("resized form:\n%s\nopened at that size:\n%s", got, want)
	}
}

// cut fails when a row other than the tabs ends cut with "…".
func cut(t *testing.T, frame string) {
	t.Helper()
	for i, l := range strings.Split(frame, "\n")[1:] {
		if strings.HasSuffix(strings.TrimRight(l, " "), "…") {
			t.Errorf("row %d is cut: %q", i+1, l)
		}
	}
}

// The counters line counts what is sent, trimmed, per field.
func TestCounters(t *testing.T) {
	hs := newHarness(t, 80, 24)
	f := &paneForm{kind: formProfile, formValues: formValues{name: "  Ada  ", bio: strings.Repeat("é", 501)}}
	got := ansi.Strip(hs.m.counters(f))
	if got != "name 3/50 · bio 501/500 (1 over)" {
		t.Fatalf("counters %q", got)
	}
	if err := overLimit(f); fmt.Sprint(err) != fmt.Sprint(&api.FieldError{Field: "bio", Message: "501 characters, the limit is 500"}) {
		t.Fatalf("overLimit: %v", err)
	}
	if got := ansi.Strip(hs.m.counters(&paneForm{kind: formWebhook})); got != "" {
		t.Fatalf("the webhook form has counters: %q", got)
	}
}
