package me

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"imagine/views"
)

// status is the last status line the pane asked for since the last call.
func (hs *harness) status() string {
	hs.t.Helper()
	text := ""
	for _, msg := range hs.out {
		if s, ok := msg.(views.StatusMsg); ok {
			text = s.Text
		}
	}
	hs.out = nil
	return text
}

// focused names the open form's focused field ("" with no form).
func (hs *harness) focused() string {
	if hs.m.form == nil {
		return ""
	}
	return focusedKey(hs.m.form)
}

// sent reports whether the profile was sent.
func (hs *harness) sent() bool { return slices.Contains(hs.api.calls, "update me") }

// esc closes the profile form with what was typed kept; e opens it again
// as it was left, the focus on the bio; saving it forgets the draft.
func TestEscKeepsTheProfileDraftAndEReopensIt(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e", "tab")
	hs.typeText(" Now with more.")
	hs.out = nil
	hs.keys("esc")
	if got := hs.status(); !strings.Contains(got, "nothing was sent") || !strings.Contains(got, "kept: e reopens it") {
		t.Fatalf("esc said %q", got)
	}
	if hs.m.form != nil || hs.sent() {
		t.Fatalf("esc left the form open or sent it: %v", hs.api.calls)
	}
	if got := ansi.Strip(hs.m.View()); strings.Contains(got, "Now with more") {
		t.Fatalf("the profile shows the unsent bio:\n%s", got)
	}

	hs.keys("e")
	if hs.m.form == nil || !strings.HasSuffix(hs.m.form.bio, "#Sandbox Now with more.") {
		t.Fatalf("e did not bring the draft back: %+v", hs.m.form)
	}
	if hs.focused() != "bio" {
		t.Fatalf("focus on %q, want the bio where it was left", hs.focused())
	}
	if got := hs.status(); !strings.Contains(got, "unsent changes are back") {
		t.Fatalf("reopening said %q", got)
	}
	if got := ansi.Strip(hs.m.View()); !strings.Contains(got, "ctrl+r revert") {
		t.Fatalf("a reopened draft does not say how to revert:\n%s", got)
	}
	hs.typeText(" Twice.")
	hs.keys("tab", "tab", "enter")
	if !strings.HasSuffix(hs.api.me.Bio, "Now with more. Twice.") || hs.m.form != nil {
		t.Fatalf("bio sent %q, form %v", hs.api.me.Bio, hs.m.form != nil)
	}
	hs.out = nil
	hs.keys("e", "esc")
	if got := hs.status(); got != "closed: nothing was sent" {
		t.Fatalf("after a save, esc on an untouched form said %q", got)
	}
	if len(hs.m.drafts) != 0 {
		t.Fatalf("drafts left after saving: %+v", hs.m.drafts)
	}
}

// ctrl+r in the form puts the saved profile back and forgets the draft.
func TestRevertDropsTheDraft(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e")
	hs.typeText(" Jr")
	hs.keys("esc", "e")
	if hs.m.form.name != "Demo Agent Jr" {
		t.Fatalf("draft name %q", hs.m.form.name)
	}
	hs.out = nil
	hs.keys("ctrl+r")
	if hs.m.form == nil || hs.m.form.name != "Demo Agent" {
		t.Fatalf("ctrl+r left %+v", hs.m.form)
	}
	if got := hs.status(); got != "reverted to the saved values" {
		t.Fatalf("ctrl+r said %q", got)
	}
	hs.keys("esc")
	if got := hs.status(); got != "closed: nothing was sent" {
		t.Fatalf("esc after ctrl+r said %q", got)
	}
	hs.keys("e")
	if hs.m.form.name != "Demo Agent" || hs.sent() {
		t.Fatalf("the reverted draft came back (%q) or was sent", hs.m.form.name)
	}
}

// A profile changed on the server while a draft was kept: the fields
// the operator left alone show the server's new values, the ones they
// typed in keep their text; a draft the server caught up with is gone.
func TestDraftOverAChangedProfile(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("e", "tab")
	hs.typeText(" Typed here.")
	hs.keys("esc")

	hs.api.me.Name, hs.api.me.WebsiteURL = "Renamed Elsewhere", "https://example.org"
	hs.m.ForceRefresh()
	hs.run(hs.m.Refresh(t.Context()))
	hs.keys("e")
	f := hs.m.form
	if f.name != "Renamed Elsewhere" || f.website != "https://example.org" || !strings.HasSuffix(f.bio, "Typed here.") {
		t.Fatalf("draft over the new profile: name %q site %q bio %q", f.name, f.website, f.bio)
	}
	hs.keys("esc")

	hs.api.me.Bio = f.bio // the same bio saved from elsewhere
	hs.m.ForceRefresh()
	hs.run(hs.m.Refresh(t.Context()))
	hs.out = nil
	hs.keys("e")
	if len(hs.m.drafts) != 0 || strings.Contains(hs.status(), "unsent changes") {
		t.Fatalf("a draft the server already has was kept: %+v", hs.m.drafts)
	}
}

// The capabilities and webhook forms keep their drafts too, each its own.
func TestEachFormKeepsItsOwnDraft(t *testing.T) {
	hs := newHarness(t, 120, 40)
	hs.keys("w")
	hs.typeText("https://hooks.example.com/half")
	hs.keys("esc")
	if got := hs.status(); !strings.Contains(got, "kept: w reopens it") {
		t.Fatalf("esc on the webhook form said %q", got)
	}
	hs.keys("e")
	if hs.m.form.kind != formProfile || hs.m.form.url != "" {
		t.Fatalf("e opened %+v", hs.m.form)
	}
	hs.keys("esc", "w")
	if hs.m.form.url != "https://hooks.example.com/half" {
		t.Fatalf("w brought back %q", hs.m.form.url)
	}
}

// While the form is open, the footer offers what works there.
func TestFormHelpIsTheFormsKeys(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("e")
	var keys []string
	for _, b := range hs.m.ShortHelp() {
		keys = append(keys, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(keys, " · "); got != "esc close (edits kept) · ctrl+r revert to saved" {
		t.Fatalf("help with the form open: %q", got)
	}
}

// esc while the form is on its way neither closes it nor claims nothing
// was sent: the answer closes it.
func TestEscWhileSendingWaitsForTheAnswer(t *testing.T) {
	hs := newHarness(t, 80, 24)
	hs.keys("e")
	hs.m.form.Busy = true
	hs.keys("esc")
	if hs.m.form == nil || len(hs.m.drafts) != 0 {
		t.Fatal("esc closed a form being sent")
	}
	if got := hs.status(); got != "sending: the answer closes the form" {
		t.Fatalf("esc while sending said %q", got)
	}
}
